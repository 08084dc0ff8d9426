import { ConnectionStatus } from '../connection/ConnectionStatus';
import { formatRoute, type Route } from '../routing/routes';
import { StorageStatus } from '../run/StorageStatus';
import { UserPicker } from '../tasks/UserPicker';
import '../run/run.css';

const LINKS: Array<{ name: 'instances' | 'tasks' | 'dashboard' | 'replay'; label: string; keys: string }> = [
  { name: 'instances', label: 'Instances', keys: 'Alt+Shift+I' },
  { name: 'tasks', label: 'Tasks', keys: 'Alt+Shift+T' },
  { name: 'dashboard', label: 'Dashboard', keys: 'Alt+Shift+B' },
  { name: 'replay', label: 'Replay', keys: 'open a log or an instance\'s Replay' },
];

/** The sidebar's Run section: the run views and the local user. */
export function RunNav({ route }: { route: Route }) {
  const current = route.name === 'instance' ? 'instances' : route.name;
  return (
    <div className="run-nav" data-testid="run-nav">
      <div className="sidebar__section-title"><span>Run</span></div>
      <ul>
        {LINKS.map((l) => (
          <li key={l.name}>
            <a href={formatRoute({ name: l.name })} data-testid={`nav-${l.name}`} aria-current={current === l.name ? 'page' : undefined} title={l.keys}>{l.label}</a>
          </li>
        ))}
      </ul>
      <UserPicker />
      <StorageStatus />
      <ConnectionStatus />
    </div>
  );
}
