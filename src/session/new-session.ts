import type { Locale } from '../i18n';
import type { User } from '../review/roles';
import type { ProtocolState, SessionRecord } from './record';

/**
 * A new interview record for `user`, pinned to the protocol version its initial state carries.
 * Defender intakes are `defender` sessions: privileged, readable only inside a defence office.
 */
export function newSession(args: { id: string; user: User; locale: Locale; state: ProtocolState; now: Date }): SessionRecord {
  const at = args.now.toISOString();
  return {
    schemaVersion: 1,
    id: args.id,
    kind: args.user.role === 'defender' ? 'defender' : 'officer',
    author: { id: args.user.id, role: args.user.role, office: args.user.office },
    office: args.user.office,
    locale: args.locale,
    status: 'in-progress',
    createdAt: at,
    updatedAt: at,
    state: args.state,
  };
}
