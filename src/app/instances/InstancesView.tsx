import { useState } from 'react';
import { ApiErrorNote } from '../run/ApiErrorNote';
import { useEngineQuery } from '../run/engine';
import { DEFAULT_FILTERS, pageCount, pageLabel, toListRequest, withFilter, type InstanceFilters } from './instance-filters';
import { InstanceRows } from './InstanceRows';

const SORTS: Array<[InstanceFilters['sortBy'], string]> = [['startedAt', 'started'], ['endedAt', 'ended'], ['processId', 'process'], ['businessKey', 'business key'], ['instanceId', 'id']];

/** Every process instance, filtered, sorted and paged by the engine API; live. */
export function InstancesView({ processId }: { processId?: string }) {
  const [filters, setFilters] = useState<InstanceFilters>({ ...DEFAULT_FILTERS, processId: processId ?? '' });
  const set = <K extends keyof InstanceFilters>(key: K, value: InstanceFilters[K]) => setFilters((f) => withFilter(f, key, value));
  const list = useEngineQuery('instances.list', toListRequest(filters));
  const processes = useEngineQuery('stats.instances', {});
  const processIds = [...new Set((processes.data ?? []).map((c) => c.processId))];
  const versions = (processes.data ?? []).filter((c) => c.processId === filters.processId).map((c) => c.version);
  const page = list.data;
  const pages = page ? pageCount(page.pageSize, page.total) : 1;

  return (
    <section className="run-view" data-testid="instances-view">
      <header className="run-view__header"><h1>Process instances</h1></header>
      <form className="run-filters" data-testid="instance-filters" onSubmit={(e) => e.preventDefault()}>
        <label>Process
          <select data-testid="filter-process" value={filters.processId} onChange={(e) => set('processId', e.target.value)}>
            <option value="">any</option>
            {processIds.map((id) => <option key={id} value={id}>{id}</option>)}
          </select>
        </label>
        <label>Version
          <select data-testid="filter-version" value={filters.version} disabled={!filters.processId} onChange={(e) => set('version', e.target.value)}>
            <option value="">any</option>
            {versions.map((v) => <option key={v} value={String(v)}>v{v}</option>)}
          </select>
        </label>
        <label>State
          <select data-testid="filter-state" value={filters.state} onChange={(e) => set('state', e.target.value as InstanceFilters['state'])}>
            <option value="">any</option>
            {['active', 'suspended', 'completed', 'canceled'].map((s) => <option key={s} value={s}>{s}</option>)}
          </select>
        </label>
        <label>Business key
          <input data-testid="filter-business-key" value={filters.businessKey} onChange={(e) => set('businessKey', e.target.value)} placeholder="exact" />
        </label>
        <label>Incidents
          <select data-testid="filter-incident" value={filters.hasIncident} onChange={(e) => set('hasIncident', e.target.value as InstanceFilters['hasIncident'])}>
            <option value="">any</option><option value="yes">with incidents</option><option value="no">without</option>
          </select>
        </label>
        <label>Variable
          <input data-testid="filter-variable-name" value={filters.variableName} onChange={(e) => set('variableName', e.target.value)} placeholder="name" />
        </label>
        <label>equals
          <input data-testid="filter-variable-value" value={filters.variableValue} onChange={(e) => set('variableValue', e.target.value)} placeholder='42, "x", true' />
        </label>
        <label>Started from
          <input type="datetime-local" data-testid="filter-started-from" value={filters.startedFrom} onChange={(e) => set('startedFrom', e.target.value)} />
        </label>
        <label>to
          <input type="datetime-local" data-testid="filter-started-to" value={filters.startedTo} onChange={(e) => set('startedTo', e.target.value)} />
        </label>
        <label>Sort by
          <select data-testid="filter-sort" value={filters.sortBy} onChange={(e) => set('sortBy', e.target.value as InstanceFilters['sortBy'])}>
            {SORTS.map(([k, label]) => <option key={k} value={k}>{label}</option>)}
          </select>
        </label>
        <button type="button" className="button button--small" data-testid="filter-order" onClick={() => set('order', filters.order === 'asc' ? 'desc' : 'asc')}>{filters.order === 'asc' ? '↑ ascending' : '↓ descending'}</button>
      </form>
      <ApiErrorNote error={list.error} />
      <div className="run-rows__head" aria-hidden><span>instance</span><span>process</span><span>state</span><span>business key</span><span>started</span><span>ended</span></div>
      {page && page.total === 0 ? (
        <p className="run-empty" data-testid="instances-empty">No instances match. Deploy a BPMN diagram from the modeler (Deploy, or Alt+Shift+D) and start one.</p>
      ) : page ? <InstanceRows rows={page.items} /> : null}
      <footer className="run-pager">
        <span data-testid="instances-count">{page ? pageLabel(page.page, page.pageSize, page.total) : 'loading…'}</span>
        <button type="button" className="button button--small" data-testid="page-prev" disabled={filters.page <= 1} onClick={() => set('page', filters.page - 1)}>‹ previous</button>
        <span>page {filters.page} of {pages}</span>
        <button type="button" className="button button--small" data-testid="page-next" disabled={filters.page >= pages} onClick={() => set('page', filters.page + 1)}>next ›</button>
        <select aria-label="Rows per page" value={filters.pageSize} onChange={(e) => set('pageSize', Number(e.target.value))}>
          {[50, 200, 1000].map((n) => <option key={n} value={n}>{n} per page</option>)}
        </select>
      </footer>
    </section>
  );
}
