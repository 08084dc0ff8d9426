import { useId, useState } from 'react';
import { DEFAULT_COLUMNS, formatOf, summarize, type CsvColumns, type EventLog } from '../../replay';
import { loadProcessXml } from '../run/deployed-process';
import { useEngineQuery } from '../run/engine';
import { parseInWorker } from './parse-in-worker';
import { ReplayPlayer } from './ReplayPlayer';

type Loaded = { log: EventLog; xml: string; name: string };

/**
 * Import log: an XES (gzip too), OCEL 2.0 JSON or CSV file, parsed in a worker with progress,
 * played on a deployed process's diagram. CSV gets a column mapping; OCEL the object type to
 * follow. A file that is not a valid log is refused with the reader's error (line or JSON path).
 */
export function ImportLog() {
  const inputId = useId();
  const { data: deployments } = useEngineQuery('deployments.list', { kind: 'bpmn' });
  const processes = [...new Set((deployments ?? []).flatMap((d) => Object.keys(d.versions)))].sort();
  const [processId, setProcessId] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const [columns, setColumns] = useState<Required<CsvColumns>>(DEFAULT_COLUMNS);
  const [objectType, setObjectType] = useState('');
  const [progress, setProgress] = useState<number | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const chosen = processId || processes[0] || '';
  const format = file ? formatOf(file.name) : null;

  const read = async (f: File) => {
    setProblem(null);
    setLoaded(null);
    if (!chosen) return setProblem('Deploy a process first: the log is drawn on its diagram.');
    setProgress(0);
    try {
      const fmt = formatOf(f.name);
      const log = await parseInWorker(f, { objectType: fmt === 'ocel' && objectType ? objectType : undefined, columns: fmt === 'csv' ? columns : undefined }, setProgress);
      const xml = await loadProcessXml(chosen);
      if (!xml.ok) throw new Error(xml.message);
      setLoaded({ log, xml: xml.xml, name: f.name });
    } catch (error) {
      setProblem((error as Error).message);
    } finally {
      setProgress(null);
    }
  };

  const summary = loaded ? summarize(loaded.log) : null;
  return (
    <div className="replay-import" data-testid="replay-import">
      <div className="run-actions">
        <label className="run-field">
          Draw on
          <select value={chosen} onChange={(e) => setProcessId(e.target.value)} data-testid="replay-process">
            {processes.length === 0 && <option value="">no process deployed</option>}
            {processes.map((p) => <option key={p} value={p}>{p}</option>)}
          </select>
        </label>
        <label htmlFor={inputId} className="run-field">Import log (.xes, .xes.gz, .jsonocel, .csv)</label>
        <input
          id={inputId} type="file" accept=".xes,.gz,.jsonocel,.json,.csv" data-testid="replay-import-input"
          onChange={(e) => {
            const f = e.target.files?.[0] ?? null;
            setFile(f);
            if (f && formatOf(f.name) !== 'csv') void read(f);
          }}
        />
      </div>
      {format === 'ocel' && (
        <label className="run-field">Object type to follow (empty: the one most events relate to) <input value={objectType} onChange={(e) => setObjectType(e.target.value)} data-testid="replay-object-type" /></label>
      )}
      {format === 'csv' && file && (
        <fieldset className="replay-columns" data-testid="replay-columns">
          <legend>CSV columns</legend>
          {(Object.keys(DEFAULT_COLUMNS) as Array<keyof CsvColumns>).map((k) => (
            <label key={k} className="run-field">{k} <input value={columns[k]} onChange={(e) => setColumns({ ...columns, [k]: e.target.value })} data-testid={`replay-column-${k}`} /></label>
          ))}
          <button type="button" onClick={() => void read(file)} data-testid="replay-columns-read">Read</button>
        </fieldset>
      )}
      {format === 'ocel' && file && <button type="button" onClick={() => void read(file)}>Read again with this object type</button>}
      {progress !== null && <progress max={1} value={progress} data-testid="replay-progress" aria-label="Reading the log" />}
      {problem && <p className="run-error" role="alert" data-testid="replay-import-problem">{problem}</p>}
      {!loaded && !problem && progress === null && <p className="run-empty">Import an event log to play it on a diagram: tokens per case, heatmaps, unmatched activities listed.</p>}
      {loaded && summary && (
        <>
          <p data-testid="replay-summary">{loaded.name}: {summary.cases} cases, {summary.events} events, {summary.start} to {summary.end}</p>
          <ReplayPlayer key={loaded.name} source={{ log: loaded.log, xml: loaded.xml, title: loaded.name }} />
        </>
      )}
    </div>
  );
}
