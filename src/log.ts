import pino, { type Logger } from 'pino';

/**
 * Structured logs. Never pass interview content (note text, answers, names, activity text) to a
 * logger: log ids, codes and counts only.
 */
export function createLogger(level: string = 'info'): Logger {
  return pino({
    level,
    base: { app: 'faro' },
    redact: { paths: ['text', 'note', 'notes', 'answer', 'answers', '*.text', 'activity.text', 'body'], censor: '[redacted]' },
  });
}
export type { Logger };
