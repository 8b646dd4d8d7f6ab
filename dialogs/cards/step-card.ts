import type { TFunction } from 'i18next';
import { adaptiveCard, buttonRow, submitAction, textBlock, type CardElement } from '../../src/cards/card';
import { heading, kindContent } from './step-content';
import type { Progress } from '../../src/protocol/engine-types';
import type { Protocol, SourceRef, Step } from '../../src/protocol/schema';
import type { ProtocolState } from '../../src/session/record';

/** Longest note the card's input accepts; the engine enforces the same limit. */
const NOTE_MAX = 4000;

/** The id of the container that names the step a card shows; transcripts match on it. */
export const stepContainerId = (stepId: string): string => `faro-step-${stepId}`;

/**
 * The Adaptive Card 1.5 for one step: progress line, title, body, the kind's content, a note input
 * and the navigation buttons. Every submit carries `{ faro: 1, cmd, arg? }` and the input `text`.
 */
export function stepCard(protocol: Protocol, step: Exclude<Step, { kind: 'branch' }>, state: ProtocolState, progress: Progress, t: TFunction): CardElement {
  const p = (key: string): string => t(`protocol.${protocol.id}:${key}`);
  const header: CardElement = {
    type: 'Container',
    id: stepContainerId(step.id),
    items: [
      textBlock(t('session:progress', { n: progress.n, m: progress.m, section: p(`sections.${progress.section}`) }), { isSubtle: true, size: 'Small' }),
      textBlock(p(`steps.${step.id}.title`), { size: 'Large', weight: 'Bolder', spacing: 'Small' }),
      textBlock(p(`steps.${step.id}.body`)),
    ],
  };
  const textAnswer = step.kind === 'question' && step.answer.type === 'text' ? step.answer : undefined;
  const textQuestion = textAnswer !== undefined;
  const input: CardElement = {
    type: 'Input.Text',
    id: 'text',
    isMultiline: true,
    maxLength: textAnswer?.maxLength ?? NOTE_MAX,
    placeholder: t(textQuestion ? 'session:labels.answerPlaceholder' : 'session:labels.notePlaceholder'),
    spacing: 'Medium',
    separator: true,
  };
  const inputActions = [
    ...(textQuestion ? [submitAction(t('session:buttons.saveAnswer'), { cmd: 'answer' }, 'positive')] : []),
    submitAction(t('session:buttons.addNote'), { cmd: 'note' }),
  ];
  const secondary = [
    submitAction(t('session:buttons.back'), { cmd: 'back' }),
    ...(step.required || (step.kind === 'question' && step.proceedOnlyIf) ? [] : [submitAction(t('session:buttons.skip'), { cmd: 'skip' })]),
    submitAction(t('session:buttons.why'), { cmd: 'why' }),
    submitAction(t('session:buttons.pause'), { cmd: 'pause' }),
  ];
  return adaptiveCard(
    [header, ...kindContent(step, state, t, protocol.id), input, buttonRow(inputActions), buttonRow(secondary, 'Medium')],
    [submitAction(t('session:buttons.next'), { cmd: 'next' }, 'positive')],
  );
}

/** `doc, lines a–b` for a seed reference; the name of a standard as it is. */
export function formatSource(ref: SourceRef, t: TFunction): string {
  if ('standard' in ref) return ref.standard;
  const [from, to] = ref.lines.split('-');
  return t('session:labels.sourceDoc', { doc: ref.doc, from, to });
}

/** The reason for a step and where it comes from. */
export function whyCard(protocol: Protocol, step: Exclude<Step, { kind: 'branch' }>, t: TFunction): CardElement {
  return adaptiveCard([
    { type: 'Container', id: `faro-why-${step.id}`, items: [
      textBlock(t('session:labels.why'), { isSubtle: true, size: 'Small' }),
      textBlock(t(`protocol.${protocol.id}:steps.${step.id}.title`), { weight: 'Bolder' }),
      textBlock(t(`protocol.${protocol.id}:steps.${step.id}.why`)),
    ] },
    heading(t('session:labels.sources')),
    ...step.sources.map((s) => textBlock(`• ${formatSource(s, t)}`, { spacing: 'Small', size: 'Small' })),
  ]);
}
