// CPU time of this process's child processes (a launched Chromium: renderer, browser, utilities),
// from Linux /proc; elsewhere null. A figure the machine's load barely moves, unlike instances/s
// (the bench:browser "CPU per start" lines). Node-side, for the benchmarks only.
import { readdirSync, readFileSync } from 'node:fs';

const TICKS_PER_SECOND = 100; // USER_HZ on Linux

/** @returns {Record<string, number> | null} milliseconds of CPU by Chromium process type (`renderer`, `browser`, ...), or null without /proc */
export function childProcessCpuMs() {
  let entries;
  try {
    entries = readdirSync('/proc').filter((d) => /^\d+$/.test(d));
  } catch {
    return null;
  }
  const procs = [];
  for (const pid of entries) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      procs.push({ pid: Number(pid), ppid: Number(fields[1]), ticks: Number(fields[11]) + Number(fields[12]) });
    } catch {
      // gone meanwhile
    }
  }
  const mine = new Set([process.pid]);
  for (let grew = true; grew;) {
    grew = false;
    for (const p of procs) if (!mine.has(p.pid) && mine.has(p.ppid)) { mine.add(p.pid); grew = true; }
  }
  const byType = {};
  for (const p of procs) {
    if (p.pid === process.pid || !mine.has(p.pid)) continue;
    let type = 'browser';
    try {
      const m = readFileSync(`/proc/${p.pid}/cmdline`, 'utf8').match(/--type=([a-z-]+)/);
      if (m) type = m[1];
    } catch {
      // gone meanwhile
    }
    byType[type] = (byType[type] ?? 0) + (p.ticks / TICKS_PER_SECOND) * 1000;
  }
  return byType;
}
