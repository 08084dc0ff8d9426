import { describe, expect, it } from 'vitest';
import { parseUser } from './user-store';

describe('parseUser (the local user form)', () => {
  it('given a name and groups with blanks and repeats, when parsed, then they are cleaned', () => {
    expect(parseUser(' ana ', 'sales, , ops,sales')).toEqual({ name: 'ana', groups: ['sales', 'ops'] });
  });

  it('given an empty name, when parsed, then it is refused', () => {
    expect(parseUser('   ', 'sales')).toBeNull();
  });
});
