/**
 * Public API of src/replay: event logs (XES, OCEL 2.0, CSV) in and out, engine histories as logs,
 * matching to a diagram, the player's frames, heatmaps, rewind and fork. See README.md.
 *
 * @example
 * import { readLog, summarize, buildIndex, Player, heatmap } from '../replay';
 * const log = readLog('orders.xes.gz', bytes);
 * const player = new Player(buildIndex(log));
 * player.seek(player.index.start + 3_600_000).active;
 */
export * from './model';
export { TextStream, isGzip, textOf } from './bytes';
export { XesReader, readXes, type Progress } from './xes-read';
export { XmlScanner, type XmlHandler, type XmlSource } from './xes-scan';
export { parseXesDate } from './xes-date';
export { writeXes, xesChunks } from './xes-write';
export { readOcel, ocelObjectTypes } from './ocel-read';
export { writeOcel } from './ocel-write';
export { readCsv, parseColumnMapping, DEFAULT_COLUMNS, type CsvColumns } from './csv-read';
export { writeCsv } from './csv-write';
export { historyToLog, logToHistory, isEngineLog, type HistoryLogOptions } from './engine-log';
export { readDiagramModel, type DiagramModel } from './diagram-model';
export { matchActivities, isNodeEvent, type Matching } from './match';
export { buildIndex, flowLookup, NODE, EDGE, type ReplayIndex, type Edge } from './replay-index';
export { Player, eventsUpTo, type Frame } from './frames';
export { heatmap, heatColour, p95, type Heatmap, type PlaceFigures } from './heatmap';
export { summarize, type LogSummary } from './summary';
export { readLog, formatOf, type ReadLogOptions, type SourceFormat } from './read-log';
export { restoreAt, replayInstance, forkRecords, unforkable, forkOf, RewindError, type ForkOf, type RestorePoint } from './rewind';
export { variablesAt, diffVariables, type ScopeVariables, type VariableChange } from './variables';
