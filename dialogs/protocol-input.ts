import type { TFunction } from 'i18next';
import { CardSubmit } from '../src/bot/card-submit';
import { parseCommand, type CommandName } from '../src/bot/commands';
import type { EngineInput } from '../src/protocol/engine-types';
import type { Step } from '../src/protocol/schema';

/**
 * What a turn asks of the engine: inputs to apply in order, or a short message (a locale key) when
 * the turn cannot become an input. Nothing typed or tapped is dropped without a word.
 */
export type TurnInputs =
  | { ok: true; inputs: EngineInput[] }
  | { ok: false; message: string }
  | { ok: 'show' };

const fold = (s: string): string => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().trim();

/** Maps a command and its argument to engine inputs. `text` is the card's input, if any. */
function fromCommand(name: CommandName | 'answer', arg: string, text: string, step: Step | undefined): TurnInputs {
  const textAnswer = step?.kind === 'question' && step.answer.type === 'text';
  const nav = (input: EngineInput): TurnInputs => {
    if (!text.trim()) return { ok: true, inputs: [input] };
    // Words left in the card's box are kept: as the answer of a text question, else as a note.
    const first: EngineInput = textAnswer && input.type === 'next' ? { type: 'answer', value: text } : { type: 'note', text };
    return { ok: true, inputs: textAnswer && input.type === 'next' ? [first] : [first, input] };
  };
  switch (name) {
    case 'next': case 'back': case 'skip': case 'why': case 'where': case 'summary': case 'pause':
      return nav({ type: name });
    case 'yes': case 'no': case 'unknown':
      return nav({ type: 'answer', value: name });
    case 'answer':
      return { ok: true, inputs: [{ type: 'answer', value: arg || text }] };
    case 'note':
      return { ok: true, inputs: [{ type: 'note', text: text || arg }] };
    case 'mark': case 'unmark':
      return nav({ type: name, indicator: arg.trim() });
    case 'event': {
      const raw = text && arg ? `${arg} | ${text}` : arg || text;
      const bar = raw.indexOf('|');
      if (bar < 0) return { ok: false, message: 'session:messages.eventFormat' };
      return { ok: true, inputs: [{ type: 'event', when: raw.slice(0, bar), text: raw.slice(bar + 1) }] };
    }
    case 'resume':
      return { ok: 'show' };
    default:
      return { ok: false, message: 'session:messages.commandNotHere' };
  }
}

/** A card submit: validated with CardSubmit; a value that does not match changes nothing. */
export function inputsFromSubmit(value: unknown, step: Step | undefined): TurnInputs {
  const parsed = CardSubmit.safeParse(value);
  if (!parsed.success) return { ok: false, message: 'session:messages.badSubmit' };
  return fromCommand(parsed.data.cmd, parsed.data.arg ?? '', parsed.data.text ?? '', step);
}

/**
 * Typed text: a command (in English or the locale's words), else the answer of the current text or
 * choice question (an option's words or its number), else a hint on how to keep it as a note.
 */
export function inputsFromText(text: string, step: Step | undefined, t: TFunction, protocolId: string): TurnInputs {
  const cmd = parseCommand(text, t);
  if (cmd) return fromCommand(cmd.name, cmd.arg, '', step);
  if (step?.kind === 'question') {
    if (step.answer.type === 'text') return { ok: true, inputs: [{ type: 'answer', value: text }] };
    if (step.answer.type === 'choice') {
      const said = fold(text);
      const options = step.answer.options;
      const hit = options.find((o, i) => said === String(i + 1) || said === o || said === fold(t(`protocol.${protocolId}:steps.${step.id}.options.${o}`)));
      if (hit) return { ok: true, inputs: [{ type: 'answer', value: hit }] };
      return { ok: true, inputs: [{ type: 'answer', value: text }] };
    }
  }
  return { ok: false, message: 'session:messages.freeTextHint' };
}
