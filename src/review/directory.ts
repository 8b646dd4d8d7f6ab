import type { OfficeKind, Role, User, UsersFile } from './roles';

/** Looks people up and knows which offices are defence offices. Pure; built from a parsed users file. */
export interface Directory {
  find(id: string): User | undefined;
  officeKind(office: string): OfficeKind;
  /** True in local demo mode: people pick a demo role on the web page. */
  readonly demo: boolean;
}

export const DEMO_OFFICES: Record<Role, string> = {
  officer: 'demo-police',
  supervisor: 'demo-police',
  defender: 'demo-defence',
};

/** A directory over the users file. */
export function fileDirectory(file: UsersFile): Directory {
  const byId = new Map(file.users.map((u) => [u.id, u] as const));
  const defenceOffices = new Set(file.users.filter((u) => u.role === 'defender').map((u) => u.office));
  return {
    demo: false,
    find: (id) => byId.get(id),
    officeKind: (office) => (defenceOffices.has(office) ? 'defence' : 'police'),
  };
}

/**
 * Local demo mode (no users file, no app id): an id of the form `demo-<role>-<anything>` is that role in
 * a demo office. Anything else is unknown.
 */
export function demoDirectory(): Directory {
  return {
    demo: true,
    find(id) {
      const m = /^demo-(officer|defender|supervisor)-[A-Za-z0-9_-]{1,64}$/.exec(id);
      if (!m) return undefined;
      const role = m[1] as Role;
      return { id, name: `demo ${role}`, role, office: DEMO_OFFICES[role] };
    },
    officeKind: (office) => (office === DEMO_OFFICES.defender ? 'defence' : 'police'),
  };
}
