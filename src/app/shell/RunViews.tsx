import { lazy, Suspense } from 'react';
import type { Route } from '../routing/routes';
import '../run/run.css';

// Loaded on first visit: the instance view pulls in the bpmn-js viewer, the tasklist form-js.
const InstancesView = lazy(() => import('../instances/InstancesView').then((m) => ({ default: m.InstancesView })));
const InstanceView = lazy(() => import('../instances/InstanceView').then((m) => ({ default: m.InstanceView })));
const TasklistView = lazy(() => import('../tasks/TasklistView').then((m) => ({ default: m.TasklistView })));
const ReplayView = lazy(() => import('../replay/ReplayView').then((m) => ({ default: m.ReplayView })));
const DashboardView = lazy(() => import('../dashboard/DashboardView').then((m) => ({ default: m.DashboardView })));

export type RunRoute = Extract<Route, { name: 'instances' | 'instance' | 'tasks' | 'dashboard' | 'replay' }>;

export function isRunRoute(route: Route): route is RunRoute {
  return route.name === 'instances' || route.name === 'instance' || route.name === 'tasks' || route.name === 'dashboard' || route.name === 'replay';
}

/** The Run UI's views (instances, one instance, tasklist, dashboard) in the main area. */
export function RunView({ route }: { route: RunRoute }) {
  return (
    <Suspense fallback={<p className="run-muted">Loading…</p>}>
      {route.name === 'instances' && <InstancesView key={route.processId ?? ''} processId={route.processId} />}
      {route.name === 'instance' && <InstanceView key={route.instanceId} instanceId={route.instanceId} />}
      {route.name === 'tasks' && <TasklistView />}
      {route.name === 'dashboard' && <DashboardView processId={route.processId} />}
      {route.name === 'replay' && <ReplayView key={route.instanceId ?? ''} instanceId={route.instanceId} />}
    </Suspense>
  );
}
