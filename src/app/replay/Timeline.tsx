import type { ReplayIndex } from '../../replay';
import { formatLogTime, SPEEDS } from './playback';

/** A mark on the timeline: an incident or a user task event, at its time. */
export interface TimelineMark {
  time: number;
  position: number;
  kind: 'incident' | 'task';
  label: string;
}

/**
 * The player's controls: the scrubber in log time with the marks on it, play/pause, speed,
 * previous/next event and the clock. Keyboard (on the player): space, ← and →.
 */
export function Timeline({ index, time, playing, speed, position, marks, onSeek, onPlay, onSpeed, onStep, onJump }: {
  index: ReplayIndex;
  time: number;
  playing: boolean;
  speed: number;
  /** Position of the current event in time order (-1: before the first). */
  position: number;
  marks: TimelineMark[];
  onSeek(t: number): void;
  onPlay(playing: boolean): void;
  onSpeed(speed: number): void;
  onStep(delta: 1 | -1): void;
  onJump(position: number): void;
}) {
  const span = Math.max(1, index.end - index.start);
  return (
    <div className="replay-timeline" data-testid="replay-timeline">
      <div className="run-actions">
        <button type="button" onClick={() => onStep(-1)} disabled={position <= 0} data-testid="replay-prev" title="Previous event (←)">◀ Prev</button>
        <button type="button" onClick={() => onPlay(!playing)} data-testid="replay-play" title="Play / pause (space)">{playing ? '❚❚ Pause' : '▶ Play'}</button>
        <button type="button" onClick={() => onStep(1)} disabled={position >= index.order.length - 1} data-testid="replay-next" title="Next event (→)">Next ▶</button>
        <label className="run-field">
          Speed
          <select value={speed} onChange={(e) => onSpeed(Number(e.target.value))} data-testid="replay-speed">
            {SPEEDS.map((s) => <option key={s} value={s}>{s}×</option>)}
          </select>
        </label>
        <span className="run-mono" data-testid="replay-clock" title="The log's time">{formatLogTime(time, index.relative)}</span>
        <span className="run-muted" data-testid="replay-position">event {position + 1} of {index.order.length}</span>
        <label className="run-field">
          Jump to event
          <input type="number" min={1} max={index.order.length} value={position + 1} onChange={(e) => onJump(Number(e.target.value) - 1)} data-testid="replay-jump" style={{ width: '6em' }} />
        </label>
      </div>
      <div className="replay-scrubber">
        <input
          type="range" min={index.start} max={index.end} step={Math.max(1, span / 2000)} value={time} aria-label="Timeline"
          onChange={(e) => onSeek(Number(e.target.value))} data-testid="replay-scrubber"
        />
        <div className="replay-marks">
          {marks.map((m, i) => (
            <button
              type="button" key={i} className={`replay-mark replay-mark--${m.kind}`} style={{ left: `${((m.time - index.start) / span) * 100}%` }}
              title={`${m.label} · ${formatLogTime(m.time, index.relative)}`} aria-label={m.label} data-testid={`replay-mark-${m.kind}`} onClick={() => onJump(m.position)}
            />
          ))}
        </div>
      </div>
    </div>
  );
}
