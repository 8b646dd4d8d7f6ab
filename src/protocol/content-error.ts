import type { z } from 'zod';

/** Bad protocol content. The message starts with the exact file and path of the fault. */
export class ContentError extends Error {
  readonly code = 'content-invalid';
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'ContentError';
  }
}

/** `steps[12].rules[0].goto` from a zod issue path. */
export function formatPath(path: readonly PropertyKey[]): string {
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : `${i ? '.' : ''}${String(p)}`)).join('');
}

/** The first issue of a zod error, as `file: path: message`. */
export function zodFault(file: string, error: z.ZodError): ContentError {
  const issue = error.issues[0];
  const where = issue ? formatPath(issue.path) : '';
  return new ContentError(`${file}: ${where ? `${where}: ` : ''}${issue?.message ?? 'invalid'}`, { cause: error });
}
