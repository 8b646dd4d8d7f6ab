import type { Activity } from 'botbuilder';
import { DEMO_OFFICES, type Directory } from '../review/directory';
import type { Role, User } from '../review/roles';

export type IdentityResult =
  | { ok: true; user: User }
  | { ok: false; reason: 'unknown-user' | 'pick-demo-role' | 'other-tenant' };

/** The id Faro knows a person by: `aadObjectId` in Teams, else the channel's `from.id`. */
export function speakerId(activity: Pick<Activity, 'channelId' | 'from'>): string | undefined {
  const from = activity.from as (Activity['from'] & { aadObjectId?: string }) | undefined;
  if (activity.channelId === 'msteams' && from?.aadObjectId) return from.aadObjectId;
  return from?.id || undefined;
}

/** The Teams tenant of an activity, if any. */
export function tenantOf(activity: Pick<Activity, 'channelData' | 'conversation'>): string | undefined {
  const cd = activity.channelData as { tenant?: { id?: unknown } } | undefined;
  const fromChannel = typeof cd?.tenant?.id === 'string' ? cd.tenant.id : undefined;
  return fromChannel ?? (activity.conversation as { tenantId?: string } | undefined)?.tenantId;
}

/**
 * Who is speaking. With a users file, only listed people are known. In local demo mode a person is
 * whoever the demo id says, or the demo role they picked in the chat (kept in user state).
 * `allowedTenants`, when non-empty, refuses Teams users of any other tenant.
 */
export function resolveIdentity(
  activity: Pick<Activity, 'channelId' | 'from' | 'channelData' | 'conversation'>,
  directory: Directory,
  opts: { demoRole?: Role; allowedTenants?: readonly string[] } = {},
): IdentityResult {
  if (activity.channelId === 'msteams' && opts.allowedTenants?.length) {
    const tenant = tenantOf(activity);
    if (!tenant || !opts.allowedTenants.includes(tenant)) return { ok: false, reason: 'other-tenant' };
  }
  const id = speakerId(activity);
  if (!id) return { ok: false, reason: 'unknown-user' };
  const user = directory.find(id);
  if (user) return { ok: true, user };
  if (directory.demo) {
    if (opts.demoRole) return { ok: true, user: { id, name: `demo ${opts.demoRole}`, role: opts.demoRole, office: DEMO_OFFICES[opts.demoRole] } };
    return { ok: false, reason: 'pick-demo-role' };
  }
  return { ok: false, reason: 'unknown-user' };
}
