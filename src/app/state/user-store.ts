import { create } from 'zustand';
import { createJSONStorage, persist } from 'zustand/middleware';

/** The person using the studio, as the tasklist and the audit log see them. */
export interface LocalUser {
  name: string;
  groups: string[];
}

export interface UserState extends LocalUser {
  setUser(user: LocalUser): void;
}

/** "demo" in no group until someone picks a name. */
export const DEFAULT_USER: LocalUser = { name: 'demo', groups: [] };

/**
 * Turns the text of the user form into a user: the name trimmed (empty is refused), groups split
 * on commas, trimmed, without blanks or repeats.
 *
 * @example
 * parseUser(' ana ', 'sales, , ops,sales') // { name: 'ana', groups: ['sales', 'ops'] }
 */
export function parseUser(name: string, groups: string): LocalUser | null {
  const n = name.trim();
  if (n === '') return null;
  return { name: n, groups: [...new Set(groups.split(',').map((g) => g.trim()).filter((g) => g !== ''))] };
}

/**
 * The local user, kept in localStorage (`flowdeck-user`) so it survives a reload. Session state,
 * not project data, so zustand and not Dexie.
 *
 * @example
 * const name = useLocalUser((s) => s.name);
 * useLocalUser.getState().setUser({ name: 'ana', groups: ['sales'] });
 */
export const useLocalUser = create<UserState>()(
  persist((set) => ({ ...DEFAULT_USER, setUser: (user) => set({ name: user.name, groups: [...user.groups] }) }), {
    name: 'flowdeck-user',
    storage: createJSONStorage(() => localStorage),
    partialize: (s) => ({ name: s.name, groups: s.groups }),
  }),
);
