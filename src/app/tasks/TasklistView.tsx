import { useState } from 'react';
import type { UserTask } from '../../engine';
import { ApiErrorNote } from '../run/ApiErrorNote';
import { useEngineQuery } from '../run/engine';
import { useLocalUser } from '../state/user-store';
import { dueNote, TASK_LIST_LABELS, taskCategories, taskListRequest, type TaskFilter, type TaskListKind, type TaskSort } from './task-queries';
import { TaskPanel } from './TaskPanel';

/** The local user's tasklist: tabs, the open tasks sorted, and the chosen task to work on. */
export function TasklistView() {
  const name = useLocalUser((s) => s.name);
  const groups = useLocalUser((s) => s.groups);
  const [kind, setKind] = useState<TaskListKind>('all');
  const [sortBy, setSortBy] = useState<TaskSort>('priority');
  const [filter, setFilter] = useState<TaskFilter>({});
  // The filter's "now" moves when the filter changes, not at every render (the query stays stable).
  const [now, setNow] = useState(() => Date.now());
  const changeFilter = (next: TaskFilter) => {
    setNow(Date.now());
    setFilter(next);
  };
  const [selected, setSelected] = useState<string | null>(() => new URLSearchParams(window.location.hash.split('?')[1] ?? '').get('task'));
  const request = taskListRequest(kind, { name, groups }, sortBy, filter, now);
  const { data, error } = useEngineQuery('tasks.list', request);
  const tasks = request === null ? [] : (data?.items ?? []);
  // The category choices come from the tab's list without the category filter (a second query only while one is chosen).
  const unfiltered = filter.category !== undefined ? taskListRequest(kind, { name, groups }, sortBy, { ...filter, category: undefined }, now) : null;
  const { data: everyCategory } = useEngineQuery('tasks.list', unfiltered);
  const choices = taskCategories((filter.category !== undefined ? everyCategory?.items : data?.items) ?? [], filter.category);
  const current = tasks.find((t) => t.id === selected);
  // A completed task leaves the list at the next commit; what came of it stays in its place.
  const [done, setDone] = useState<{ taskId: string; message: string } | null>(null);

  return (
    <section className="run-view run-tasklist" data-testid="tasklist-view">
      <header className="run-view__header">
        <h1>Tasks</h1>
        <span className="run-muted">as <strong>{name}</strong>{groups.length ? ` (${groups.join(', ')})` : ''}</span>
      </header>
      <div className="run-tabs" role="tablist">
        {(Object.keys(TASK_LIST_LABELS) as TaskListKind[]).map((k) => (
          <button key={k} type="button" role="tab" aria-selected={kind === k} data-testid={`tasks-tab-${k}`} className={`run-tab${kind === k ? ' run-tab--on' : ''}`} onClick={() => setKind(k)}>{TASK_LIST_LABELS[k]}</button>
        ))}
        <label className="run-field">Sort
          <select data-testid="tasks-sort" value={sortBy} onChange={(e) => setSortBy(e.target.value as typeof sortBy)}>
            <option value="priority">priority</option><option value="dueDate">due date</option><option value="followUpDate">follow-up date</option><option value="createdAt">created</option>
          </select>
        </label>
        <TaskFilters filter={filter} onChange={changeFilter} />
        <CategoryFilter choices={choices} value={filter.category} onChange={(category) => changeFilter({ ...filter, category })} />
      </div>
      <ApiErrorNote error={error} />
      <div className="run-tasklist__body">
        <ul className="run-task-list" data-testid="task-list">
          {tasks.length === 0 && (
            <li className="run-empty" data-testid="tasks-empty">
              {request === null ? 'You are in no group: set your groups under your name in the sidebar.' : 'No open tasks here.'}
            </li>
          )}
          {tasks.map((t) => <TaskItem key={t.id} task={t} selected={t.id === selected} onSelect={() => setSelected(t.id)} />)}
        </ul>
        {current ? (
          <TaskPanel key={current.id} task={current} user={name} onCompleted={(message) => setDone({ taskId: current.id, message })} />
        ) : done && done.taskId === selected ? (
          <p className="run-ok" data-testid="task-done">{done.message}</p>
        ) : (
          <p className="run-muted run-task-placeholder">Choose a task.</p>
        )}
      </div>
    </section>
  );
}

function TaskItem({ task, selected, onSelect }: { task: UserTask; selected: boolean; onSelect(): void }) {
  const due = dueNote(task.dueDate, Date.now());
  return (
    <li>
      <button type="button" className={`run-task${selected ? ' run-task--on' : ''}`} data-testid="task-item" data-task-id={task.id} data-assignee={task.assignee ?? ''} onClick={onSelect}>
        <strong>{task.name ?? task.elementId}</strong>
        <span className="run-muted" data-testid="task-priority" data-priority={task.priority}>priority {task.priority}{task.assignee ? ` · ${task.assignee}` : ' · unassigned'}</span>
        {task.dueDate && <span className={due ? 'run-error' : 'run-muted'} data-testid="task-due">due {new Date(task.dueDate).toLocaleString()}{due ? ` (${due})` : ''}</span>}
        {task.followUpDate && <span className="run-muted" data-testid="task-follow-up" data-follow-up={task.followUpDate}>follow up {new Date(task.followUpDate).toLocaleString()}</span>}
        {task.category && <span className="run-chip" data-testid="task-category">{task.category}</span>}
      </button>
    </li>
  );
}

/** Due date, follow-up date and priority filters of the tasklist. */
function TaskFilters({ filter, onChange }: { filter: TaskFilter; onChange(next: TaskFilter): void }) {
  return (
    <>
      <label className="run-field">Due
        <select data-testid="tasks-filter-due" value={filter.due ?? ''} onChange={(e) => onChange({ ...filter, due: (e.target.value || undefined) as TaskFilter['due'] })}>
          <option value="">any</option><option value="overdue">overdue</option><option value="week">within 7 days</option>
        </select>
      </label>
      <label className="run-field">
        <input type="checkbox" data-testid="tasks-filter-follow-up" checked={filter.followUp === true} onChange={(e) => onChange({ ...filter, followUp: e.target.checked || undefined })} /> follow-up reached
      </label>
      <label className="run-field">Priority at least
        <input type="number" data-testid="tasks-filter-priority" style={{ width: '5em' }} value={filter.minPriority ?? ''}
          onChange={(e) => onChange({ ...filter, minPriority: e.target.value === '' ? undefined : Number(e.target.value) })} />
      </label>
    </>
  );
}

const NONE = '\u0000none';

/** The category filter: any, one of the tab's categories, or tasks without a category. */
function CategoryFilter({ choices, value, onChange }: { choices: ReturnType<typeof taskCategories>; value: string | null | undefined; onChange(next: string | null | undefined): void }) {
  if (choices.categories.length === 0 && value === undefined) return null;
  return (
    <label className="run-field">Category
      <select data-testid="tasks-filter-category" value={value === undefined ? '' : value === null ? NONE : value}
        onChange={(e) => onChange(e.target.value === '' ? undefined : e.target.value === NONE ? null : e.target.value)}>
        <option value="">any</option>
        {choices.categories.map((c) => <option key={c} value={c}>{c}</option>)}
        {choices.uncategorized && <option value={NONE}>(none)</option>}
      </select>
    </label>
  );
}
