import type { TFunction } from 'i18next';
import { submitAction, textBlock, type CardElement } from '../../src/cards/card';
import type { Step } from '../../src/protocol/schema';
import type { ProtocolState } from '../../src/session/record';

/** The part of a step card that depends on the step's kind. Every word comes from the locale. */
export function kindContent(step: Exclude<Step, { kind: 'branch' }>, state: ProtocolState, t: TFunction, protocolId: string): CardElement[] {
  const k = (key: string, opts?: Record<string, unknown>): string => t(`protocol.${protocolId}:steps.${step.id}.${key}`, opts ?? {});
  const out: CardElement[] = [];
  if (step.kind === 'questions') {
    out.push(heading(t('session:labels.questions')));
    for (const q of step.questions) {
      const style = t(`session:labels.${q.style}`);
      out.push(textBlock(`**${style}** · ${k(`questions.${q.id}`)}`, { spacing: 'Small' }));
      if (q.style === 'closed' && q.followUp) {
        out.push(textBlock(t('session:labels.followUp', { question: k(`questions.${q.followUp}`) }), { isSubtle: true, spacing: 'None', size: 'Small' }));
      }
    }
    if (step.avoid?.length) {
      out.push(heading(t('session:labels.avoid')));
      out.push(...step.avoid.map((a) => textBlock(`✗ ${k(`avoid.${a}`)}`, { spacing: 'Small', color: 'Attention' })));
    }
  } else if (step.kind === 'cautions') {
    out.push(heading(t('session:labels.cautions')));
    out.push(...step.items.map((i) => textBlock(`• ${k(`items.${i}`)}`, { spacing: 'Small', color: 'Warning' })));
  } else if (step.kind === 'question') {
    out.push(textBlock(k('prompt'), { weight: 'Bolder', spacing: 'Medium' }));
    const given = state.answers[step.id]?.value;
    if (given !== undefined) out.push(textBlock(t('session:labels.answered', { answer: answerLabel(step, given, t, k) }), { isSubtle: true, spacing: 'Small' }));
    if (step.answer.type === 'yes-no-unknown') {
      out.push(actionSet((['yes', 'no', 'unknown'] as const).map((v) => submitAction(t(`session:buttons.${v}`), { cmd: v }))));
    } else if (step.answer.type === 'choice') {
      out.push(actionSet(step.answer.options.map((o) => submitAction(k(`options.${o}`), { cmd: 'answer', arg: o }))));
    }
  }
  if (step.indicators?.length) out.push(...indicatorToggles(step.indicators, state, t));
  return out;
}

function answerLabel(step: Extract<Step, { kind: 'question' }>, value: string, t: TFunction, k: (key: string) => string): string {
  if (step.answer.type === 'choice') return k(`options.${value}`);
  if (step.answer.type === 'yes-no-unknown') return t(`session:buttons.${value}`);
  return value;
}

/** One row per indicator: its label and hint, what is already marked, and a mark/unmark button. */
function indicatorToggles(ids: string[], state: ProtocolState, t: TFunction): CardElement[] {
  const rows: CardElement[] = [heading(t('session:labels.indicators'))];
  for (const id of ids) {
    const status = state.marks[id]?.status;
    const marked = status === 'confirmed';
    const label = t(`indicators:${id}.label`);
    const badge = marked ? ` ✓ ${t('session:labels.marked')}` : status === 'suggested' ? ` · ${t('session:labels.suggested')}` : '';
    rows.push({
      type: 'ColumnSet',
      spacing: 'Small',
      columns: [
        { type: 'Column', width: 'stretch', items: [
          textBlock(`${label}${badge}`, { weight: marked ? 'Bolder' : 'Default' }),
          textBlock(t(`indicators:${id}.hint`), { isSubtle: true, size: 'Small', spacing: 'None' }),
        ] },
        { type: 'Column', width: 'auto', verticalContentAlignment: 'Center', items: [
          actionSet([marked
            ? submitAction(t('session:buttons.unmark'), { cmd: 'unmark', arg: id })
            : submitAction(t('session:buttons.mark'), { cmd: 'mark', arg: id }, 'positive')]),
        ] },
      ],
    });
  }
  return rows;
}

export const heading = (text: string): CardElement => textBlock(text, { weight: 'Bolder', spacing: 'Medium', separator: true });
export const actionSet = (actions: CardElement[]): CardElement => ({ type: 'ActionSet', actions });
