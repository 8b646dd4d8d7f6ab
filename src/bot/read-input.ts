import type { Activity } from 'botbuilder';
import type { TFunction } from 'i18next';
import { CardSubmit } from './card-submit';
import { parseCommand, type ParsedCommand } from './commands';

export type TurnInput = { ok: true; cmd?: ParsedCommand } | { ok: false; message: string };

/**
 * The turn's command: a card submit, validated strictly (a tampered one is refused with a clear
 * message and changes nothing), or typed text within the length limit. Free text gives no command.
 */
export function readInput(activity: Pick<Activity, 'value' | 'text'>, t: TFunction, maxTextChars: number): TurnInput {
  const { value, text } = activity;
  if (value !== undefined && value !== null && (text === undefined || text === '')) {
    const parsed = CardSubmit.safeParse(value);
    if (!parsed.success) return { ok: false, message: t('errors:bad-submit') };
    const { cmd, arg } = parsed.data;
    if (cmd === 'answer') return { ok: true };
    return { ok: true, cmd: { name: cmd, arg: arg ?? '' } };
  }
  if (typeof text !== 'string') return { ok: false, message: t('errors:not-understood') };
  if (text.length > maxTextChars) return { ok: false, message: t('errors:too-long', { max: maxTextChars }) };
  return { ok: true, cmd: parseCommand(text, t) };
}
