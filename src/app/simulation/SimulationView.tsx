import { useEffect, useRef, useState } from 'react';
import { saveScenario } from '../../simulation';
import { listFiles } from '../../store';
import type { EditorProps } from '../editors/types';
import { db } from '../workspace/db';
import { Charts } from './Charts';
import { Compare } from './Compare';
import { draftOf, editOf } from './draft';
import type { Draft } from './draft';
import { downloadLog } from './export-log';
import { openInReplay, simulationSource } from '../replay/handoff';
import { duration } from './format';
import { HeatDiagram } from './HeatDiagram';
import { ImportProsimos } from './ImportProsimos';
import type { SimulationOutcome, SimulationProgress } from './protocol';
import { RunPanel } from './RunPanel';
import { startSimulation } from './run-simulation';
import type { RunningSimulation } from './run-simulation';
import { ScenarioForm } from './ScenarioForm';
import { StatsTable } from './StatsTable';
import { useScenarios } from './useScenarios';
import './simulation.css';

type Done = Extract<SimulationOutcome, { ok: true }>;

/** Above this many instances in all replications the log is not kept (it would not fit a tab's memory). */
const LOG_LIMIT = 200_000;

/**
 * The Simulation view of a BPMN file: pick or create a BPSim scenario, edit its main parameters
 * (saved into the file), run it in a worker with progress and cancel, and read the results as
 * tables, charts and a heatmap on the diagram; compare two scenarios; export the simulated log.
 */
export default function SimulationView({ content, onChange, fileName, fileId }: EditorProps) {
  const state = useScenarios(content);
  const [selected, setSelected] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const [saveError, setSaveError] = useState<string | null>(null);
  const [running, setRunning] = useState<{ run: RunningSimulation; scenarioId: string; startedAt: number } | null>(null);
  const [progress, setProgress] = useState<SimulationProgress | null>(null);
  const [results, setResults] = useState<Record<string, Done>>({});
  const [runError, setRunError] = useState<string | null>(null);
  const [compareWith, setCompareWith] = useState<string>('');
  const [imported, setImported] = useState<{ scenarioId: string; report: string[] } | null>(null);
  const runRef = useRef<RunningSimulation | null>(null);
  // While the project's DMN files are read, before the worker starts: a second Run or leaving the view must not start one.
  const starting = useRef(false);
  const gone = useRef(false);
  useEffect(() => {
    gone.current = false;
    return () => {
      gone.current = true;
      runRef.current?.cancel();
    };
  }, []);

  if (state.status === 'loading') return <div className="loading" aria-busy="true">Reading the scenarios…</div>;
  if (state.status === 'error') {
    return <div className="empty-state" role="alert" data-testid="sim-error"><p>{state.message}</p><p className="muted">Fix it in the Source view or in the form of another tool; nothing was changed.</p></div>;
  }
  const { scenarios, outline } = state;
  const scenario = scenarios.find((s) => s.id === selected) ?? scenarios[0];
  const base = fileName ?? 'process';

  const create = async () => {
    setSaving(true);
    setSaveError(null);
    try {
      const ids = new Set(scenarios.map((s) => s.id));
      let n = scenarios.length + 1;
      while (ids.has(`scenario-${n}`)) n++;
      const id = scenarios.length === 0 ? 'base' : `scenario-${n}`;
      onChange(await saveScenario(content, { create: { id, name: scenarios.length === 0 ? 'Base' : `Scenario ${n}` } }, {}));
      setSelected(id);
    } catch (error) {
      setSaveError(`The scenario could not be created: ${(error as Error).message}`);
    } finally {
      setSaving(false);
    }
  };

  const save = async (before: Draft, after: Draft) => {
    if (!scenario) return;
    setSaving(true);
    setSaveError(null);
    try {
      onChange(await saveScenario(content, { scenarioId: scenario.id }, editOf(before, after)));
    } catch (error) {
      setSaveError(`The scenario could not be saved: ${(error as Error).message}`);
    } finally {
      setSaving(false);
    }
  };

  const run = async () => {
    if (!scenario || runRef.current || starting.current) return;
    const perReplication = scenario.arrivals.reduce((a, x) => a + (x.triggerCount ?? Infinity), 0);
    const keepLog = perReplication * scenario.replications <= LOG_LIMIT;
    setRunError(null);
    setProgress(null);
    // Business rule tasks evaluate the project's decisions, deployed with the model.
    starting.current = true;
    let sources: { dmn: string[]; bpmn: Array<{ name: string; xml: string }> };
    try {
      sources = await projectSources(fileId);
    } catch (error) {
      setRunError(`The project's other files could not be read: ${(error as Error).message}`);
      return;
    } finally {
      starting.current = false;
    }
    if (gone.current) return;
    const r = startSimulation({ xml: content, scenarioId: scenario.id, log: keepLog, ...sources }, setProgress);
    runRef.current = r;
    setRunning({ run: r, scenarioId: scenario.id, startedAt: scenario.start });
    void r.done.then((outcome) => {
      if (runRef.current !== r) return;
      runRef.current = null;
      setRunning(null);
      if (outcome.ok) setResults((x) => ({ ...x, [scenario.id]: outcome }));
      else if (outcome.error.code === 'canceled') setRunError('canceled');
      else setRunError(outcome.error.message);
    });
  };

  const cancel = () => running?.run.cancel();
  const current = scenario ? results[scenario.id] : undefined;
  const other = compareWith && compareWith !== scenario?.id ? results[compareWith] : undefined;
  const nameOf = (id: string) => scenarios.find((s) => s.id === id)?.name ?? id;

  return (
    <div className="sim-view run-view" data-testid="simulation-view">
      <header className="run-view__header">
        <h1>Simulation</h1>
        {scenarios.length > 0 && (
          <label className="run-field">Scenario
            <select value={scenario?.id} onChange={(e) => setSelected(e.target.value)} data-testid="sim-scenario" disabled={!!running}>
              {scenarios.map((s) => <option key={s.id} value={s.id}>{s.name ?? s.id}</option>)}
            </select>
          </label>
        )}
        <button type="button" className="button" onClick={() => void create()} disabled={saving || !!running} data-testid="sim-new-scenario">New scenario</button>
        <ImportProsimos
          content={content} disabled={saving || !!running} onError={setSaveError}
          onImported={(xml, scenarioId, report) => {
            setSaveError(null);
            onChange(xml);
            setSelected(scenarioId);
            setImported({ scenarioId, report });
          }}
        />
        {scenario && <button type="button" className="button button--primary" onClick={() => void run()} disabled={!!running} data-testid="sim-run">Run</button>}
      </header>
      {saveError && <p className="run-error" role="alert">{saveError}</p>}
      {imported && (
        <div className="sim-import-report" role="status" data-testid="sim-import-report">
          <p>Imported from Prosimos as scenario {imported.scenarioId} (times in seconds).{imported.report.length === 0 ? ' Everything in the file is simulated.' : ' Not simulated as Prosimos would:'}</p>
          {imported.report.length > 0 && <ul>{imported.report.map((line) => <li key={line}>{line}</li>)}</ul>}
          <button type="button" className="button button--small" onClick={() => setImported(null)}>Dismiss</button>
        </div>
      )}
      {scenarios.length === 0 ? (
        <div className="empty-state" data-testid="sim-empty">
          <p>This model has no simulation scenario yet.</p>
          <p className="muted">A scenario says how often cases arrive, how long tasks take, how branches split and how many people do the work. It is saved in the BPMN file as BPSim, so other simulation tools can open it.</p>
          <div className="empty-state__actions"><button type="button" className="button button--primary" onClick={() => void create()} disabled={saving}>Create a scenario with defaults</button></div>
        </div>
      ) : (
        scenario && (
          <>
            <ScenarioForm key={`${scenario.id}:${content.length}:${JSON.stringify(draftOf(scenario, outline))}`} initial={draftOf(scenario, outline)} outline={outline} saving={saving} onSave={(d) => void save(draftOf(scenario, outline), d)} />
            {scenario.notSimulated.length > 0 && <p className="muted" data-testid="sim-not-simulated">Kept in the file but not simulated: {scenario.notSimulated.join(', ')}.</p>}
            {running && <RunPanel progress={progress} startedAt={running.startedAt} onCancel={cancel} />}
            {runError === 'canceled' ? (
              <p className="muted" role="status" data-testid="sim-canceled">Canceled{progress ? ` after ${progress.started} instances of replication ${progress.replication} (mean cycle time so far ${duration(progress.cycleTimeMean)})` : ''}. Nothing was saved.</p>
            ) : runError && <p className="run-error" role="alert" data-testid="sim-run-error">{runError}</p>}
            {current ? (
              <section className="sim-results" data-testid="sim-results">
                <h2>Results of {nameOf(scenario.id)} <span className="muted">({current.report.result.replications} replication{current.report.result.replications === 1 ? '' : 's'}, seed {current.report.result.seed}, {Math.round(current.ms)} ms)</span></h2>
                <p data-testid="sim-summary">{Math.round(current.report.result.instances.completed)} instances completed per replication, {Math.round(current.report.inProgress)} still in progress at the end.</p>
                <p data-testid="sim-bottlenecks">
                  {current.report.bottlenecks.length === 0
                    ? 'No bottleneck: no task waited for a resource.'
                    : `Bottleneck${current.report.bottlenecks.length > 1 ? 's' : ''}: ${current.report.bottlenecks.slice(0, 3).map((b) => `${outline.names[b.elementId] ?? b.elementId} (${Math.round(b.share * 100)}% of all waiting, ${duration(b.meanWaitingSeconds)} on average)`).join('; ')}.`}
                </p>
                {Object.keys(current.report.undelivered).length > 0 && (
                  <p className="muted" data-testid="sim-undelivered">
                    Reached nobody (thrown before any case waited, or no case waits for it): {Object.entries(current.report.undelivered).map(([what, n]) => `${what} ${Math.round(n * 10) / 10} times`).join(', ')} per replication.
                  </p>
                )}
                {current.warnings && <ul className="run-problems" data-testid="sim-warnings">{current.warnings.map((w) => <li key={w} className="muted">{w}</li>)}</ul>}
                {Object.keys(current.report.incidents).length > 0 && <ul className="run-problems">{Object.entries(current.report.incidents).map(([el, m]) => <li key={el} className="run-error">Incident at {outline.names[el] ?? el}: {m}</li>)}</ul>}
                <StatsTable report={current.report} outline={outline} />
                <Charts report={current.report} outline={outline} />
                <HeatDiagram xml={content} elements={current.report.result.elements} />
                <div className="run-actions">
                  Export the simulated log:
                  {(['csv', 'xes', 'ocel'] as const).map((f) => (
                    <button key={f} type="button" className="button button--small" disabled={current.log.length === 0} onClick={() => downloadLog(current.log, f, `${base}-${scenario.id}`)} data-testid={`sim-export-${f}`}>{f === 'ocel' ? 'OCEL 2.0' : f.toUpperCase()}</button>
                  ))}
                  <button type="button" className="button button--small" disabled={current.log.length === 0} onClick={() => openInReplay(simulationSource(current.log, content, `${base}-${scenario.id}`))} data-testid="sim-replay" title="Play the simulated log on the diagram (the replay player)">Replay</button>
                  {current.log.length === 0 && <span className="muted">(not kept: runs of more than {LOG_LIMIT.toLocaleString('en')} instances; use `flowdeck simulate --log`)</span>}
                </div>
                <div className="run-actions">
                  <label className="run-field">Compare with
                    <select value={compareWith} onChange={(e) => setCompareWith(e.target.value)} data-testid="sim-compare-with">
                      <option value="">—</option>
                      {scenarios.filter((s) => s.id !== scenario.id).map((s) => <option key={s.id} value={s.id}>{s.name ?? s.id}{results[s.id] ? '' : ' (not run yet)'}</option>)}
                    </select>
                  </label>
                </div>
                {compareWith && !other && <p className="muted">Run {nameOf(compareWith)} to compare it.</p>}
                {other && <Compare a={other.report} b={current.report} nameA={nameOf(compareWith)} nameB={nameOf(scenario.id)} outline={outline} />}
              </section>
            ) : !running && <p className="muted" data-testid="sim-no-results">Run the scenario to see its results here.</p>}
          </>
        )
      )}
    </div>
  );
}

/** The XML of every DMN file and of every other BPMN file in the project of the file being simulated. */
async function projectSources(fileId: string): Promise<{ dmn: string[]; bpmn: Array<{ name: string; xml: string }> }> {
  const file = await db.files.get(fileId);
  const files = file ? await listFiles(db, file.projectId) : [];
  return {
    dmn: files.filter((f) => f.kind === 'dmn').map((f) => f.content),
    bpmn: files.filter((f) => f.kind === 'bpmn' && f.id !== fileId).map((f) => ({ name: `${f.name}.bpmn`, xml: f.content })),
  };
}
