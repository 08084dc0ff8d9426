/**
 * The studio's hash routes. Hash routing keeps deep links working offline from the service
 * worker's single `index.html`, with no server rewrite rules.
 *
 * | hash | route |
 * | --- | --- |
 * | `#/` | home |
 * | `#/projects/:projectId` | a project, no file open |
 * | `#/projects/:projectId/files/:fileId` | a file in its editor |
 * | `#/projects/:projectId/files/:fileId/versions/:versionId` | an old version, read-only |
 * | `#/processes/:fileId/scripts[/:nodeId]` | the scripts view of a BPMN file |
 * | `#/processes/:fileId/simulation` | the simulation view of a BPMN file |
 * | `#/instances[?process=:processId]` | the process instances list (optionally of one process) |
 * | `#/instances/:instanceId` | one instance: diagram, variables, history, tasks, jobs |
 * | `#/tasks` | the tasklist of the local user |
 * | `#/dashboard[/:processId]` | figures per process and version |
 * | `#/replay[/:instanceId]` | the replay player: an instance's history, or an imported event log |
 */
export type Route =
  | { name: 'home' }
  | { name: 'project'; projectId: string }
  | { name: 'file'; projectId: string; fileId: string }
  | { name: 'version'; projectId: string; fileId: string; versionId: string }
  | { name: 'scripts'; fileId: string; nodeId?: string }
  | { name: 'simulation'; fileId: string }
  | { name: 'instances'; processId?: string }
  | { name: 'instance'; instanceId: string }
  | { name: 'tasks' }
  | { name: 'dashboard'; processId?: string }
  | { name: 'replay'; instanceId?: string }
  | { name: 'notFound'; hash: string };

const seg = '([^/]+)';
const PATTERNS: Array<[RegExp, (m: string[]) => Route]> = [
  [/^\/?$/, () => ({ name: 'home' })],
  [new RegExp(`^/projects/${seg}/?$`), (m) => ({ name: 'project', projectId: m[1] })],
  [new RegExp(`^/projects/${seg}/files/${seg}/?$`), (m) => ({ name: 'file', projectId: m[1], fileId: m[2] })],
  [new RegExp(`^/projects/${seg}/files/${seg}/versions/${seg}/?$`), (m) => ({ name: 'version', projectId: m[1], fileId: m[2], versionId: m[3] })],
  [new RegExp(`^/processes/${seg}/scripts/?$`), (m) => ({ name: 'scripts', fileId: m[1] })],
  [new RegExp(`^/processes/${seg}/scripts/${seg}/?$`), (m) => ({ name: 'scripts', fileId: m[1], nodeId: m[2] })],
  [new RegExp(`^/processes/${seg}/simulation/?$`), (m) => ({ name: 'simulation', fileId: m[1] })],
  [/^\/instances\/?$/, () => ({ name: 'instances' })],
  [new RegExp(`^/instances/${seg}/?$`), (m) => ({ name: 'instance', instanceId: m[1] })],
  [/^\/tasks\/?$/, () => ({ name: 'tasks' })],
  [/^\/dashboard\/?$/, () => ({ name: 'dashboard' })],
  [new RegExp(`^/dashboard/${seg}/?$`), (m) => ({ name: 'dashboard', processId: m[1] })],
  [/^\/replay\/?$/, () => ({ name: 'replay' })],
  [new RegExp(`^/replay/${seg}/?$`), (m) => ({ name: 'replay', instanceId: m[1] })],
];

/**
 * Parses `location.hash` (with or without the leading `#`).
 *
 * @example
 * parseHash('#/projects/p1/files/f1') // { name: 'file', projectId: 'p1', fileId: 'f1' }
 */
export function parseHash(hash: string): Route {
  const [path, query = ''] = hash.replace(/^#/, '').split('?');
  for (const [re, build] of PATTERNS) {
    const m = re.exec(path);
    if (m) {
      try {
        const route = build(m.map((part, i) => (i === 0 ? part : decodeURIComponent(part))));
        const processId = new URLSearchParams(query).get('process');
        return route.name === 'instances' && processId ? { name: 'instances', processId } : route;
      } catch {
        break; // malformed percent-encoding
      }
    }
  }
  return { name: 'notFound', hash };
}

/**
 * The hash for a route (always starting with `#/`).
 *
 * @example
 * location.hash = formatRoute({ name: 'scripts', fileId: 'f1', nodeId: 'Task_1' }); // '#/processes/f1/scripts/Task_1'
 */
export function formatRoute(route: Route): string {
  const e = encodeURIComponent;
  switch (route.name) {
    case 'home':
      return '#/';
    case 'project':
      return `#/projects/${e(route.projectId)}`;
    case 'file':
      return `#/projects/${e(route.projectId)}/files/${e(route.fileId)}`;
    case 'version':
      return `#/projects/${e(route.projectId)}/files/${e(route.fileId)}/versions/${e(route.versionId)}`;
    case 'scripts':
      return `#/processes/${e(route.fileId)}/scripts${route.nodeId ? `/${e(route.nodeId)}` : ''}`;
    case 'simulation':
      return `#/processes/${e(route.fileId)}/simulation`;
    case 'instances':
      return `#/instances${route.processId ? `?process=${e(route.processId)}` : ''}`;
    case 'instance':
      return `#/instances/${e(route.instanceId)}`;
    case 'tasks':
      return '#/tasks';
    case 'dashboard':
      return `#/dashboard${route.processId ? `/${e(route.processId)}` : ''}`;
    case 'replay':
      return `#/replay${route.instanceId ? `/${e(route.instanceId)}` : ''}`;
    case 'notFound':
      return route.hash.startsWith('#') ? route.hash : `#${route.hash}`;
  }
}

/** The file a route shows, if any. */
export function routeFileId(route: Route): string | undefined {
  return 'fileId' in route ? route.fileId : undefined;
}

/** The project a route is in, if it names one. */
export function routeProjectId(route: Route): string | undefined {
  return 'projectId' in route ? route.projectId : undefined;
}
