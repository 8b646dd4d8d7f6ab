import type { SessionRecord } from '../session/record';
import type { Directory } from './directory';
import type { User } from './roles';

export type AccessDecision = { ok: true; as: 'author' | 'supervisor' } | { ok: false; reason: 'not-author' | 'other-office' | 'privileged' };

/**
 * Who may read a session: its author, or a supervisor of the author's office. A defender session may
 * only ever be read by its author or a supervisor of a defence office, so no police supervisor can
 * read one even if an office name were shared by mistake.
 */
export function canRead(user: User, session: Pick<SessionRecord, 'author' | 'office' | 'kind'>, dir: Directory): AccessDecision {
  if (user.id === session.author.id) return { ok: true, as: 'author' };
  if (user.role !== 'supervisor') return { ok: false, reason: 'not-author' };
  if (session.kind === 'defender' && dir.officeKind(user.office) !== 'defence') return { ok: false, reason: 'privileged' };
  if (user.office !== session.office) return { ok: false, reason: 'other-office' };
  return { ok: true, as: 'supervisor' };
}

/** Only the author changes the record (notes, answers, marks). Supervisors act through review. */
export function canWrite(user: User, session: Pick<SessionRecord, 'author'>): boolean {
  return user.id === session.author.id;
}
