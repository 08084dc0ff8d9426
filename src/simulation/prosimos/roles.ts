/** One Prosimos resource (`resource_profiles[].resource_list[]`), with the tasks it has a duration for. */
export interface ProsimosResource {
  id: string;
  name: string;
  amount: number;
  costPerHour: number;
  calendar: string | null;
  tasks: string[];
}

export interface Role {
  id: string;
  name: string;
  quantity: number;
  costPerHour: number;
  calendar: string | null;
  members: string[];
}

/**
 * Groups Prosimos resources into BPSim roles: resources that can do exactly the same tasks on the
 * same calendar are interchangeable units of one role (Clerk_1 and Clerk_2 → role Clerk, 2 units).
 * Prosimos's per-resource cost becomes the role's, averaged by units when it differs (reported).
 */
export function resourceRoles(resources: ProsimosResource[]): { roles: Role[]; roleOf: Map<string, string>; notes: string[] } {
  const groups = new Map<string, ProsimosResource[]>();
  for (const r of resources) {
    if (r.tasks.length === 0) continue; // no duration for any task: it never works
    const key = `${[...r.tasks].sort().join('\u0000')}\u0001${r.calendar ?? ''}`;
    groups.set(key, [...(groups.get(key) ?? []), r]);
  }
  const roles: Role[] = [];
  const roleOf = new Map<string, string>();
  const notes: string[] = [];
  const used = new Set<string>();
  for (const members of groups.values()) {
    const name = commonName(members.map((m) => m.name));
    let id = ncName(name);
    for (let i = 2; used.has(id); i++) id = `${ncName(name)}_${i}`;
    used.add(id);
    const quantity = members.reduce((s, m) => s + m.amount, 0);
    const costPerHour = members.reduce((s, m) => s + m.costPerHour * m.amount, 0) / quantity;
    if (members.some((m) => m.costPerHour !== members[0].costPerHour)) {
      notes.push(`role ${id}: its resources cost ${members.map((m) => `${m.id} ${m.costPerHour}`).join(', ')} per hour in Prosimos; here every unit costs the average, ${+costPerHour.toFixed(4)}`);
    }
    roles.push({ id, name, quantity, costPerHour, calendar: members[0].calendar, members: members.map((m) => m.id) });
    for (const m of members) roleOf.set(m.id, id);
  }
  for (const r of resources) if (r.tasks.length === 0) notes.push(`resource ${r.id}: no task has a duration for it in task_resource_distribution; not imported`);
  return { roles, roleOf, notes };
}

/** `Clerk_1`, `Clerk_2` → `Clerk`; one name stays as it is; unrelated names → the first and a count. */
function commonName(names: string[]): string {
  if (names.length === 1) return names[0];
  let prefix = names[0];
  for (const n of names) while (!n.startsWith(prefix)) prefix = prefix.slice(0, -1);
  prefix = prefix.replace(/[\s_\-.]*\d*$/, '').replace(/[\s_\-.]+$/, '');
  return prefix.length > 0 ? prefix : `${names[0]} and ${names.length - 1} more`;
}

/** An XML id made of `s` (BPSim and BPMN ids are NCNames). */
export function ncName(s: string): string {
  const t = s.replace(/[^A-Za-z0-9_.-]/g, '_');
  return /^[A-Za-z_]/.test(t) ? t : `_${t}`;
}
