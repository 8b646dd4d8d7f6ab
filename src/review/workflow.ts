import type { SessionRecord, SessionStatus } from '../session/record';
import type { User } from './roles';

export type ReviewAction = 'submit' | 'comment' | 'request-changes' | 'sign-off';

export type TransitionResult =
  | { ok: true; record: SessionRecord }
  | { ok: false; error: 'not-author' | 'not-supervisor' | 'own-session' | 'wrong-state' | 'text-required' };

const SUBMITTABLE: readonly SessionStatus[] = ['in-progress', 'paused', 'completed', 'changes-requested'];
const UNDER_REVIEW: readonly SessionStatus[] = ['submitted', 'changes-requested', 'signed-off'];

/**
 * The review life of a session: the author submits; a supervisor (whose right to read the session was
 * already checked) comments, sends it back with a request, or signs it off. Nobody reviews their own
 * session. Pure: returns the changed record, never touches storage.
 */
export function transition(record: SessionRecord, action: ReviewAction, actor: User, now: Date, text?: string): TransitionResult {
  const note = text?.trim() || undefined;
  const isAuthor = actor.id === record.author.id;
  let status: SessionStatus = record.status;
  switch (action) {
    case 'submit':
      if (!isAuthor) return { ok: false, error: 'not-author' };
      if (!SUBMITTABLE.includes(record.status)) return { ok: false, error: 'wrong-state' };
      status = 'submitted';
      break;
    case 'comment':
    case 'request-changes':
    case 'sign-off':
      if (actor.role !== 'supervisor') return { ok: false, error: 'not-supervisor' };
      if (isAuthor) return { ok: false, error: 'own-session' };
      if (action === 'comment') {
        if (!UNDER_REVIEW.includes(record.status)) return { ok: false, error: 'wrong-state' };
        if (!note) return { ok: false, error: 'text-required' };
      } else {
        if (record.status !== 'submitted') return { ok: false, error: 'wrong-state' };
        if (action === 'request-changes' && !note) return { ok: false, error: 'text-required' };
        status = action === 'sign-off' ? 'signed-off' : 'changes-requested';
      }
      break;
  }
  const at = now.toISOString();
  const entry = { action, by: actor.id, at, ...(note ? { text: note } : {}) };
  return { ok: true, record: { ...record, status, updatedAt: at, review: [...(record.review ?? []), entry] } };
}
