import { addEvent, addNote, errorEffect, mark, suggest, unmark } from './engine-records';
import type { Effect, EngineErrorCode, EngineInput, EngineResult } from './engine-types';
import { firstShownFrom, indexOf, progressOf, stepById } from './path';
import type { Protocol, Step } from './schema';
import type { ProtocolState } from '../session/record';

/**
 * The protocol engine: pure functions from (protocol, state, input, time) to a new state and effects
 * as data. No I/O, no clock of its own. Every error returns the very state object it was given.
 */

/** What the engine needs besides the protocol: the ids of the indicator catalogue. */
export interface EngineContext {
  indicatorIds: ReadonlySet<string>;
}

const YES_NO_UNKNOWN = ['yes', 'no', 'unknown'];

const fail = (state: ProtocolState, code: EngineErrorCode): EngineResult => ({ state, effects: [errorEffect(code)] });

function showEffects(protocol: Protocol, state: ProtocolState): Effect[] {
  const progress = progressOf(protocol, state);
  if (state.cursor === null || !progress) return [{ type: 'finished' }];
  return [{ type: 'show-step', stepId: state.cursor, progress }];
}

/** Moves to the first step that applies after `step` (or at/after index `from`). */
function advance(protocol: Protocol, state: ProtocolState, from: number): EngineResult {
  const target = firstShownFrom(protocol, from, state);
  const moved: ProtocolState = target
    ? { ...state, cursor: target.id, trail: [...state.trail, target.id] }
    : { ...state, cursor: null };
  return { state: moved, effects: showEffects(protocol, moved) };
}

/** A fresh session state on the first step that applies. */
export function start(protocol: Protocol, _now: Date): EngineResult {
  const blank: ProtocolState = {
    protocolId: protocol.id, protocolVersion: protocol.version, cursor: null, trail: [],
    answers: {}, skipped: [], marks: {}, notes: [], consent: {}, seq: 0,
  };
  return advance(protocol, blank, 0);
}

/**
 * Re-shows where a stored session stands. A session pinned to another protocol version (or whose
 * current step is gone) is refused with `version-mismatch`, never silently replayed.
 */
export function resume(protocol: Protocol, state: ProtocolState): EngineResult {
  if (pinBroken(protocol, state)) return fail(state, 'version-mismatch');
  return { state, effects: showEffects(protocol, state) };
}

function pinBroken(protocol: Protocol, state: ProtocolState): boolean {
  return state.protocolId !== protocol.id || state.protocolVersion !== protocol.version
    || (state.cursor !== null && !stepById(protocol, state.cursor));
}

function validAnswer(step: Extract<Step, { kind: 'question' }>, value: string): string | undefined {
  const a = step.answer;
  if (a.type === 'yes-no-unknown') return YES_NO_UNKNOWN.includes(value) ? value : undefined;
  if (a.type === 'choice') return a.options.includes(value) ? value : undefined;
  const text = value.trim();
  return text && text.length <= a.maxLength ? text : undefined;
}

/** A gate holds the session on its step until its answer is one of `proceedOnlyIf`. */
const gateOpen = (step: Step, state: ProtocolState): boolean =>
  step.kind !== 'question' || !step.proceedOnlyIf || step.proceedOnlyIf.includes(state.answers[step.id]?.value ?? '\u0000');

function answer(protocol: Protocol, state: ProtocolState, step: Step, value: string, at: string): EngineResult {
  if (step.kind !== 'question') return fail(state, 'not-a-question');
  const v = validAnswer(step, value);
  if (v === undefined) return fail(state, 'wrong-answer');
  const recorded: ProtocolState = {
    ...state,
    answers: { ...state.answers, [step.id]: { value: v, at } },
    skipped: state.skipped.filter((id) => id !== step.id),
    ...(step.consent ? { consent: { ...state.consent, [step.consent]: { value: v, at, stepId: step.id } } } : {}),
  };
  const saved: Effect = { type: 'answer-saved', stepId: step.id, value: v };
  if (!gateOpen(step, recorded)) return { state: recorded, effects: [saved, { type: 'gate-blocked', stepId: step.id }] };
  const moved = advance(protocol, recorded, indexOf(protocol, step.id) + 1);
  return { state: moved.state, effects: [saved, ...moved.effects] };
}

function goNext(protocol: Protocol, state: ProtocolState, step: Step): EngineResult {
  if (step.kind === 'question' && !state.answers[step.id]) {
    if (step.required || step.proceedOnlyIf) return fail(state, 'answer-required');
    return skip(protocol, state, step);
  }
  if (!gateOpen(step, state)) return { state, effects: [{ type: 'gate-blocked', stepId: step.id }] };
  return advance(protocol, state, indexOf(protocol, step.id) + 1);
}

function skip(protocol: Protocol, state: ProtocolState, step: Step): EngineResult {
  if (step.kind !== 'branch' && (step.required || (step.kind === 'question' && step.proceedOnlyIf))) {
    return fail(state, 'cannot-skip-required');
  }
  const skipped = state.skipped.includes(step.id) ? state.skipped : [...state.skipped, step.id];
  return advance(protocol, { ...state, skipped }, indexOf(protocol, step.id) + 1);
}

function back(protocol: Protocol, state: ProtocolState): EngineResult {
  if (state.trail.length < 2) return fail(state, 'nothing-before');
  const trail = state.trail.slice(0, -1);
  const moved: ProtocolState = { ...state, trail, cursor: trail[trail.length - 1]! };
  return { state: moved, effects: showEffects(protocol, moved) };
}

/**
 * Applies one input. Navigation (`next`, `back`, `skip`, `answer`, `why`) on a finished protocol
 * answers `finished`; notes, marks and events stay possible after the end.
 */
export function next(protocol: Protocol, state: ProtocolState, input: EngineInput, now: Date, ctx: EngineContext): EngineResult {
  if (pinBroken(protocol, state)) return fail(state, 'version-mismatch');
  const at = now.toISOString();
  switch (input.type) {
    case 'note': return addNote(state, input.text, at);
    case 'event': return addEvent(state, input.when, input.text, at);
    case 'mark': return mark(state, input.indicator, ctx.indicatorIds, at);
    case 'unmark': return unmark(state, input.indicator, ctx.indicatorIds, at);
    case 'suggest': return suggest(state, input.indicators, ctx.indicatorIds, at, input.noteId);
    case 'summary': return { state, effects: [{ type: 'show-summary' }] };
    case 'pause': return { state, effects: [{ type: 'paused' }] };
    case 'where': return { state, effects: [{ type: 'where', stepId: state.cursor, progress: progressOf(protocol, state) }] };
    default: break;
  }
  const step = stepById(protocol, state.cursor);
  if (!step) return fail(state, 'finished');
  switch (input.type) {
    case 'why': return { state, effects: [{ type: 'why', stepId: step.id }] };
    case 'answer': return answer(protocol, state, step, input.value, at);
    case 'next': return goNext(protocol, state, step);
    case 'skip': return skip(protocol, state, step);
    case 'back': return back(protocol, state);
  }
}
