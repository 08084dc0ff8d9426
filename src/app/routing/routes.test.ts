import { describe, expect, it } from 'vitest';
import { formatRoute, parseHash, routeFileId, routeProjectId, type Route } from './routes';

describe('hash routes', () => {
  const cases: Array<[string, Route]> = [
    ['#/', { name: 'home' }],
    ['#/projects/p1', { name: 'project', projectId: 'p1' }],
    ['#/projects/p1/files/f1', { name: 'file', projectId: 'p1', fileId: 'f1' }],
    ['#/projects/p1/files/f1/versions/v9', { name: 'version', projectId: 'p1', fileId: 'f1', versionId: 'v9' }],
    ['#/processes/f1/scripts', { name: 'scripts', fileId: 'f1' }],
    ['#/processes/f1/scripts/Task_1', { name: 'scripts', fileId: 'f1', nodeId: 'Task_1' }],
    ['#/processes/f1/simulation', { name: 'simulation', fileId: 'f1' }],
    ['#/instances', { name: 'instances' }],
    ['#/instances?process=order%20v2', { name: 'instances', processId: 'order v2' }],
    ['#/instances/i-1', { name: 'instance', instanceId: 'i-1' }],
    ['#/tasks', { name: 'tasks' }],
    ['#/dashboard', { name: 'dashboard' }],
    ['#/dashboard/order', { name: 'dashboard', processId: 'order' }],
    ['#/replay', { name: 'replay' }],
    ['#/replay/instance-7', { name: 'replay', instanceId: 'instance-7' }],
  ];

  it.each(cases)('%s parses and formats back identically', (hash, route) => {
    expect(parseHash(hash)).toEqual(route);
    expect(formatRoute(route)).toBe(hash);
  });

  it('treats an empty hash as home and tolerates a trailing slash', () => {
    expect(parseHash('')).toEqual({ name: 'home' });
    expect(parseHash('#/projects/p1/')).toEqual({ name: 'project', projectId: 'p1' });
  });

  it('encodes ids with special characters', () => {
    const route: Route = { name: 'scripts', fileId: 'a b', nodeId: 'Task/1' };
    expect(formatRoute(route)).toBe('#/processes/a%20b/scripts/Task%2F1');
    expect(parseHash(formatRoute(route))).toEqual(route);
  });

  it('reports unknown and malformed hashes as notFound', () => {
    expect(parseHash('#/nowhere')).toEqual({ name: 'notFound', hash: '#/nowhere' });
    expect(parseHash('#/projects/%E0%A4%A')).toMatchObject({ name: 'notFound' });
  });

  it('extracts the file and project of a route', () => {
    expect(routeFileId(parseHash('#/processes/f1/scripts'))).toBe('f1');
    expect(routeProjectId(parseHash('#/processes/f1/scripts'))).toBeUndefined();
    expect(routeProjectId(parseHash('#/projects/p/files/f'))).toBe('p');
  });
});
