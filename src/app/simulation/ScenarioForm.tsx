import { useState } from 'react';
import { TIME_UNITS } from '../../simulation';
import type { Draft, ModelOutline } from './draft';
import { problemsOf } from './draft';
import { CaseVariables } from './CaseVariables';
import { CalendarSelect, Calendars } from './Calendars';
import { DistField } from './DistField';

/**
 * The main parameters of one scenario. Saving writes them into the BPMN file as BPSim (through the
 * file's normal save, so versions can undo it); the rest of the scenario stays as the file has it.
 */
export function ScenarioForm({ initial, outline, onSave, saving }: { initial: Draft; outline: ModelOutline; onSave(d: Draft): void; saving: boolean }) {
  const [d, setD] = useState(initial);
  const set = (patch: Partial<Draft>) => setD((x) => ({ ...x, ...patch }));
  const problems = problemsOf(d, outline);
  const dirty = JSON.stringify(d) !== JSON.stringify(initial);
  const unit = d.baseTimeUnit;
  const usedBy: Record<string, string[]> = {};
  for (const [owner, c] of [...Object.entries(d.resourceCalendars), ...Object.entries(d.arrivalCalendars)]) if (c !== null) (usedBy[c] ??= []).push(outline.names[owner] ?? owner);
  return (
    <form className="sim-form" data-testid="sim-form" onSubmit={(e) => { e.preventDefault(); if (problems.length === 0) onSave(d); }}>
      <fieldset>
        <legend>Scenario</legend>
        <label className="run-field">Name <input value={d.name} onChange={(e) => set({ name: e.target.value })} data-testid="sim-name" /></label>
        <label className="run-field">Replications <input type="number" min={1} step={1} value={d.replications} onChange={(e) => set({ replications: Number(e.target.value) })} data-testid="sim-replications" /></label>
        <label className="run-field">Seed <input type="number" step={1} value={d.seed} onChange={(e) => set({ seed: Number(e.target.value) })} data-testid="sim-seed" /></label>
        <label className="run-field">Time unit
          <select value={unit} onChange={(e) => set({ baseTimeUnit: e.target.value })}>{Object.keys(TIME_UNITS).map((u) => <option key={u}>{u}</option>)}</select>
        </label>
        <label className="run-field">Start (UTC) <input type="datetime-local" step={1} value={Number.isFinite(d.start) ? new Date(d.start).toISOString().slice(0, 19) : ''} data-testid="sim-start"
          onChange={(e) => set({ start: e.target.value === '' ? Number.NaN : Date.parse(`${e.target.value}Z`) })} /></label>
        <label className="run-field">Duration ({unit}) <input type="number" min={0} step="any" value={d.duration ?? ''} placeholder="until every instance is done" data-testid="sim-duration"
          onChange={(e) => set({ duration: e.target.value === '' ? null : Number(e.target.value) })} /></label>
        <label className="run-field">Warm-up ({unit}) <input type="number" min={0} step="any" value={d.warmup} data-testid="sim-warmup"
          onChange={(e) => set({ warmup: e.target.value === '' ? 0 : Number(e.target.value) })} /></label>
      </fieldset>
      {outline.starts.length > 0 && (
        <fieldset>
          <legend>Arrivals (time between instances, in {unit})</legend>
          {outline.starts.map((s) => (
            <div key={s.id} className="sim-row">
              <span className="sim-row__name">{s.name}</span>
              <DistField label={`Arrivals at ${s.name}`} testId={`sim-arrival-${s.id}`} allowNone value={d.arrivals[s.id] ?? null} kept={d.arrivals[s.id] === null && s.id in d.arrivals}
                onChange={(v) => set({ arrivals: { ...d.arrivals, [s.id]: v } })} />
              <label className="run-field">instances <input type="number" min={1} step={1} value={d.triggerCounts[s.id] ?? ''} placeholder="until the duration ends" data-testid={`sim-instances-${s.id}`}
                onChange={(e) => set({ triggerCounts: { ...d.triggerCounts, [s.id]: e.target.value === '' ? null : Number(e.target.value) } })} /></label>
              {s.id in d.arrivalCalendars && <CalendarSelect label="arrive" none="at any time" value={d.arrivalCalendars[s.id]} calendars={d.calendars} testId={`sim-arrival-calendar-${s.id}`}
                onChange={(v) => set({ arrivalCalendars: { ...d.arrivalCalendars, [s.id]: v } })} />}
              {s.id in d.variables && <CaseVariables startId={s.id} startName={s.name} value={d.variables[s.id]} onChange={(v) => set({ variables: { ...d.variables, [s.id]: v } })} />}
            </div>
          ))}
        </fieldset>
      )}
      {outline.streams.length > 0 && (
        <fieldset data-testid="sim-streams">
          <legend>Message and signal streams (time between, in {unit}; empty: none)</legend>
          <span className="muted">A signal goes to every case waiting for it, a message to the case that has waited longest for it.</span>
          {outline.streams.map((st) => (
            <div key={st.id} className="sim-row">
              <span className="sim-row__name">{st.name} <span className="muted">({st.kind})</span></span>
              <DistField label={`Stream of ${st.name}`} testId={`sim-stream-${st.id}`} allowNone value={d.streams[st.id] ?? null} kept={d.streams[st.id] === null && st.id in d.streams} onChange={(v) => set({ streams: { ...d.streams, [st.id]: v } })} />
              <label className="run-field">times <input type="number" min={1} step={1} value={d.streamCounts[st.id] ?? ''} placeholder="until the run ends" data-testid={`sim-stream-count-${st.id}`}
                onChange={(e) => set({ streamCounts: { ...d.streamCounts, [st.id]: e.target.value === '' ? null : Number(e.target.value) } })} /></label>
            </div>
          ))}
        </fieldset>
      )}
      {outline.tasks.length > 0 && (
        <fieldset>
          <legend>Processing time per task (in {unit})</legend>
          {outline.tasks.map((t) => (
            <div key={t.id} className="sim-row">
              <span className="sim-row__name">{t.name}</span>
              <DistField label={`Processing of ${t.name}`} testId={`sim-task-${t.id}`} allowNone value={d.processing[t.id] ?? null} onChange={(v) => set({ processing: { ...d.processing, [t.id]: v } })} />
              <details className="sim-more" data-testid={`sim-more-${t.id}`}>
                <summary>setup, wait, cost, priority</summary>
                <span className="sim-row">setup <DistField label={`Setup of ${t.name}`} testId={`sim-setup-${t.id}`} allowNone value={d.setup[t.id] ?? null} onChange={(v) => set({ setup: { ...d.setup, [t.id]: v } })} /></span>
                <span className="sim-row">wait <DistField label={`Wait of ${t.name}`} testId={`sim-wait-${t.id}`} allowNone value={d.wait[t.id] ?? null} onChange={(v) => set({ wait: { ...d.wait, [t.id]: v } })} /></span>
                <label className="run-field">fixed cost per completion <input type="number" min={0} step="any" value={d.fixedCosts[t.id] ?? 0} data-testid={`sim-cost-${t.id}`}
                  onChange={(e) => set({ fixedCosts: { ...d.fixedCosts, [t.id]: Number(e.target.value) } })} /></label>
                <label className="run-field">cost per {unit} of work <input type="number" min={0} step="any" value={d.unitCosts[t.id] ?? 0} data-testid={`sim-unit-cost-${t.id}`}
                  onChange={(e) => set({ unitCosts: { ...d.unitCosts, [t.id]: Number(e.target.value) } })} /></label>
                <label className="run-field">priority (higher first) <input type="number" step="any" value={d.priorities[t.id] ?? 0} data-testid={`sim-priority-${t.id}`}
                  onChange={(e) => set({ priorities: { ...d.priorities, [t.id]: Number(e.target.value) } })} /></label>
              </details>
            </div>
          ))}
        </fieldset>
      )}
      {outline.splits.length > 0 && (
        <fieldset>
          <legend>Branch probabilities (empty: the model&apos;s conditions decide)</legend>
          {outline.splits.map((sp) => (
            <div key={sp.id} className="sim-row">
              <span className="sim-row__name">{sp.name}</span>
              {sp.flows.map((f) => (
                <label key={f.id} className="run-field">{f.name}
                  <input type="number" min={0} max={1} step="any" value={d.probabilities[f.id] ?? ''} data-testid={`sim-prob-${f.id}`}
                    onChange={(e) => set({ probabilities: { ...d.probabilities, [f.id]: e.target.value === '' ? null : Number(e.target.value) } })} />
                </label>
              ))}
            </div>
          ))}
        </fieldset>
      )}
      {outline.resources.length > 0 && (
        <fieldset>
          <legend>Resources (roles)</legend>
          {outline.resources.map((r) => (
            <div key={r.id} className="sim-row">
              <span className="sim-row__name">{r.name}</span>
              <label className="run-field">quantity <input type="number" min={1} step={1} value={d.resources[r.id]?.quantity ?? 1} data-testid={`sim-qty-${r.id}`}
                onChange={(e) => set({ resources: { ...d.resources, [r.id]: { ...d.resources[r.id], quantity: Number(e.target.value) } } })} /></label>
              <label className="run-field">cost per {unit} <input type="number" min={0} step="any" value={d.resources[r.id]?.unitCost ?? 0}
                onChange={(e) => set({ resources: { ...d.resources, [r.id]: { ...d.resources[r.id], unitCost: Number(e.target.value) } } })} /></label>
              <CalendarSelect label="on shift" none="always" value={d.resourceCalendars[r.id] ?? null} calendars={d.calendars} testId={`sim-role-calendar-${r.id}`}
                onChange={(v) => set({ resourceCalendars: { ...d.resourceCalendars, [r.id]: v } })} />
            </div>
          ))}
        </fieldset>
      )}
      <Calendars value={d.calendars} usedBy={usedBy} onChange={(calendars) => set({ calendars })} />
      {problems.length > 0 && <ul className="run-problems" role="alert" data-testid="sim-form-problems">{problems.map((p) => <li key={p} className="run-error">{p}</li>)}</ul>}
      <div className="run-actions">
        <button type="submit" className="button" disabled={!dirty || problems.length > 0 || saving} data-testid="sim-save">{saving ? 'Saving…' : 'Save to the model'}</button>
        <button type="button" className="button" disabled={!dirty} onClick={() => setD(initial)}>Revert</button>
        {dirty && <span className="muted">Unsaved changes: save them to run with them.</span>}
      </div>
    </form>
  );
}
