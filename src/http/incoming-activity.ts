import { z } from 'zod';

const Id = z.string().min(1).max(1024);

/**
 * The least an incoming Bot Framework activity must carry before it reaches the adapter. Unknown
 * fields pass through untouched: channels add their own (Teams `channelData`, `entities` …).
 */
export const IncomingActivitySchema = z.looseObject({
  type: z.string().min(1).max(64),
  channelId: Id,
  serviceUrl: z.string().min(1).max(2048),
  conversation: z.looseObject({ id: Id }),
  from: z.looseObject({ id: Id }),
  id: Id.optional(),
  locale: z.string().max(64).optional(),
  text: z.string().optional(),
});
export type IncomingActivity = z.infer<typeof IncomingActivitySchema>;

export type ActivityError = { status: 400 | 413; code: 'InvalidActivity' | 'TextTooLong'; message: string };
export type ActivityCheck = { ok: true; activity: IncomingActivity } | { ok: false; error: ActivityError };

/** Validates a parsed body as an activity; text longer than `maxTextChars` is refused as too large. */
export function checkIncomingActivity(body: unknown, maxTextChars: number): ActivityCheck {
  const text = body && typeof body === 'object' ? (body as { text?: unknown }).text : undefined;
  if (typeof text === 'string' && text.length > maxTextChars) {
    return { ok: false, error: { status: 413, code: 'TextTooLong', message: `Activity text exceeds ${maxTextChars} characters.` } };
  }
  const parsed = IncomingActivitySchema.safeParse(body);
  if (!parsed.success) {
    const where = parsed.error.issues.map((i) => (i.path.length ? i.path.join('.') : '(root)'));
    return {
      ok: false,
      error: { status: 400, code: 'InvalidActivity', message: `Not a valid activity: check ${[...new Set(where)].join(', ')}.` },
    };
  }
  return { ok: true, activity: parsed.data };
}
