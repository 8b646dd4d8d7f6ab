import { z } from 'zod';

export const Role = z.enum(['officer', 'defender', 'supervisor']);
export type Role = z.infer<typeof Role>;

/** A person known to Faro, as listed in the users file (`FARO_USERS_FILE`). */
export const User = z.object({
  /** Matches the activity's `from.id`, or `from.aadObjectId` in Teams. */
  id: z.string().min(1),
  name: z.string().min(1),
  role: Role,
  office: z.string().min(1),
}).strict();
export type User = z.infer<typeof User>;

/**
 * The users file. An office holds police staff (officers and their supervisors) or defence staff
 * (defenders and their supervisors), never both: that is what keeps defender intakes out of reach of
 * any police supervisor.
 */
export const UsersFile = z.object({ users: z.array(User) }).strict().superRefine((file, ctx) => {
  const seen = new Set<string>();
  file.users.forEach((u, i) => {
    if (seen.has(u.id)) ctx.addIssue({ code: 'custom', path: ['users', i, 'id'], message: `duplicate user id "${u.id}"` });
    seen.add(u.id);
  });
  const officeKinds = new Map<string, Set<Role>>();
  for (const u of file.users) {
    const roles = officeKinds.get(u.office) ?? new Set<Role>();
    roles.add(u.role);
    officeKinds.set(u.office, roles);
  }
  for (const [office, roles] of officeKinds) {
    if (roles.has('officer') && roles.has('defender')) {
      ctx.addIssue({ code: 'custom', path: ['users'], message: `office "${office}" mixes officers and defenders; police and defence offices must be separate` });
    }
  }
});
export type UsersFile = z.infer<typeof UsersFile>;

/** Whether an office is a defence office (has defenders) or police (everything else). */
export type OfficeKind = 'police' | 'defence';
