import { holds } from './conditions';
import type { Progress } from './engine-types';
import type { Protocol, Step } from './schema';
import type { ProtocolState } from '../session/record';

type Known = Pick<ProtocolState, 'answers' | 'marks'>;

/**
 * The first step to show at or after `from`: branch steps jump per their rules, steps whose `when`
 * does not hold are passed over. Returns null past the end. Branches only jump forward (the loader
 * enforces it), so this always ends.
 */
export function firstShownFrom(protocol: Protocol, from: number, known: Known): Step | null {
  let i = from;
  while (i < protocol.steps.length) {
    const step = protocol.steps[i]!;
    if (step.kind === 'branch') {
      const target = step.rules.find((r) => holds(r.when, known))?.goto ?? step.otherwise;
      i = target ? indexOf(protocol, target) : i + 1;
      if (i < 0) return null;
      continue;
    }
    if (!step.when || holds(step.when, known)) return step;
    i += 1;
  }
  return null;
}

export function indexOf(protocol: Protocol, stepId: string): number {
  return protocol.steps.findIndex((s) => s.id === stepId);
}

export function stepById(protocol: Protocol, stepId: string | null): Step | undefined {
  return stepId === null ? undefined : protocol.steps.find((s) => s.id === stepId);
}

/** The steps that apply to this session given what is known now, from the first to the end. */
export function pathOf(protocol: Protocol, known: Known): Step[] {
  const out: Step[] = [];
  let step = firstShownFrom(protocol, 0, known);
  while (step) {
    out.push(step);
    step = firstShownFrom(protocol, indexOf(protocol, step.id) + 1, known);
  }
  return out;
}

/**
 * "Step n of m": n is the cursor's place on the path that applies now, m the path's length. When the
 * cursor is off that path (an earlier answer changed after it was shown) n falls back to the trail.
 */
export function progressOf(protocol: Protocol, state: ProtocolState): Progress | null {
  const current = stepById(protocol, state.cursor);
  if (!current) return null;
  const path = pathOf(protocol, state);
  const at = path.findIndex((s) => s.id === current.id);
  const n = at >= 0 ? at + 1 : Math.max(1, state.trail.length);
  return { n, m: Math.max(path.length, n), section: current.section };
}
