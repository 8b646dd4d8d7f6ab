import type { Condition, Protocol, Step } from '../../src/protocol/schema';

/** What a walk through a protocol knows: answers by question id and the indicators marked. */
export interface WalkFacts {
  answers: Record<string, string>;
  marked: string[];
}

/** Evaluates a step or branch condition against recorded facts. */
export function holds(c: Condition, facts: WalkFacts): boolean {
  if ('all' in c) return c.all.every((x) => holds(x, facts));
  if ('any' in c) return c.any.some((x) => holds(x, facts));
  if ('not' in c) return !holds(c.not, facts);
  if ('answered' in c) return facts.answers[c.answered] !== undefined;
  if ('marked' in c) return facts.marked.includes(c.marked);
  if ('markedAnyIn' in c) return c.markedAnyIn.some((id) => facts.marked.includes(id));
  const value = facts.answers[c.answer];
  if (value === undefined) return false;
  return 'is' in c ? value === c.is : c.in.includes(value);
}

/**
 * The ids of the steps a person would be shown, in order, for the given facts: `when` hides a step,
 * a branch jumps to the first rule that holds, else `otherwise`, else goes on to the next step.
 */
export function visibleSteps(protocol: Protocol, facts: WalkFacts): string[] {
  const index = new Map(protocol.steps.map((s, i) => [s.id, i] as const));
  const seen: string[] = [];
  let i = 0;
  let guard = 0;
  while (i < protocol.steps.length) {
    if (++guard > protocol.steps.length * 4) throw new Error('protocol walk does not end');
    const step: Step = protocol.steps[i]!;
    if (step.kind === 'branch') {
      const rule = step.rules.find((r) => holds(r.when, facts));
      const target = rule?.goto ?? step.otherwise;
      i = target === undefined ? i + 1 : index.get(target) ?? protocol.steps.length;
      continue;
    }
    if (!step.when || holds(step.when, facts)) seen.push(step.id);
    i += 1;
  }
  return seen;
}

/** Every condition in a protocol, with the id of the step that holds it. */
export function conditionsOf(protocol: Protocol): Array<{ stepId: string; condition: Condition }> {
  const out: Array<{ stepId: string; condition: Condition }> = [];
  const walk = (stepId: string, c: Condition): void => {
    out.push({ stepId, condition: c });
    if ('all' in c) c.all.forEach((x) => walk(stepId, x));
    else if ('any' in c) c.any.forEach((x) => walk(stepId, x));
    else if ('not' in c) walk(stepId, c.not);
  };
  for (const step of protocol.steps) {
    if (step.kind === 'branch') step.rules.forEach((r) => walk(step.id, r.when));
    else if (step.when) walk(step.id, step.when);
  }
  return out;
}

