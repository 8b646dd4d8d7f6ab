import type { TFunction } from 'i18next';

/**
 * Every command a person can type or tap. Typed commands are accepted in English in every locale,
 * plus the words each locale lists under `commands:<name>` (alternatives separated by `|`), with or without
 * a leading slash.
 */
export const COMMANDS = [
  // global
  'help', 'menu', 'language', 'start', 'resume', 'role',
  // in a session
  'next', 'back', 'skip', 'pause', 'note', 'mark', 'unmark', 'why', 'where', 'summary',
  'yes', 'no', 'unknown', 'event',
  // notes and output
  'notes', 'correct', 'delete', 'export', 'report',
  // review
  'submit', 'review', 'open', 'comment', 'request-changes', 'sign-off', 'erase',
] as const;
export type CommandName = (typeof COMMANDS)[number];

/** Commands that take nothing after them: with trailing words the text is read as free text instead. */
const NO_ARG: ReadonlySet<CommandName> = new Set<CommandName>([
  'help', 'menu', 'next', 'back', 'skip', 'pause', 'why', 'where', 'yes', 'no', 'unknown', 'notes', 'submit', 'sign-off',
]);

export interface ParsedCommand {
  name: CommandName;
  /** Everything after the command word, trimmed (may be empty). */
  arg: string;
}

const fold = (s: string): string => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().trim();

/**
 * Reads a typed command. Returns undefined when the text is not a command (free text, e.g. an answer).
 * The first one or two words are matched, so multi-word aliases ("sign off", "cerrar sesión") work.
 */
export function parseCommand(text: string, t: TFunction): ParsedCommand | undefined {
  const trimmed = text.trim().replace(/^\//, '');
  if (!trimmed) return undefined;
  const words = trimmed.split(/\s+/);
  for (const take of [2, 1]) {
    if (words.length < take) continue;
    const head = fold(words.slice(0, take).join(' '));
    for (const name of COMMANDS) {
      const local = t(`commands:${name}`, { defaultValue: '' });
      const aliases = [name, name.replace(/-/g, ' '), ...local.split('|').filter(Boolean)].map(fold);
      if (!aliases.includes(head)) continue;
      const arg = words.slice(take).join(' ').trim();
      if (arg && NO_ARG.has(name)) return undefined;
      return { name, arg };
    }
  }
  return undefined;
}
