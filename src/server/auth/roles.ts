/**
 * Roles and what they may do. A user has one or more roles; a route names the permission it
 * needs. `taskUser` is the "task user" of the issue: it sees and works only the user tasks
 * assigned to it (as assignee or candidate user) or to one of its groups.
 */
export const ROLES = ['administrator', 'deployer', 'operator', 'worker', 'taskUser'] as const;
export type Role = (typeof ROLES)[number];

export const PERMISSIONS = [
  /** Read instances, history, incidents, stats, deployments, scripts, decisions' versions. */
  'read',
  /** Deploy models and archives, change scripts (a new version). */
  'deploy',
  /** Start, cancel, suspend, resume instances; set variables; publish messages, broadcast signals; retry incidents; evaluate decisions. */
  'operate',
  /** External jobs: fetch and lock, complete, fail, throw BPMN errors, extend locks. */
  'work',
  /** User tasks visible to the user (assigned to them or their groups). */
  'tasks',
  /** Every user task, and assigning tasks to anyone. */
  'tasks.all',
  /** Accounts and roles, the audit log. */
  'admin',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

const GRANTS: Record<Role, Permission[]> = {
  administrator: [...PERMISSIONS],
  deployer: ['read', 'deploy'],
  operator: ['read', 'operate', 'tasks', 'tasks.all'],
  worker: ['work'],
  taskUser: ['tasks'],
};

export function can(roles: readonly Role[], permission: Permission): boolean {
  return roles.some((r) => GRANTS[r]?.includes(permission));
}
