import type { FileKind, FileRecord } from '../../store';

const MIME: Record<FileKind, string> = {
  bpmn: 'application/bpmn+xml',
  dmn: 'application/dmn+xml',
  form: 'application/json',
};

/** The file name a download gets: the file's name plus `.bpmn` / `.dmn` / `.form`. */
export function downloadName(file: Pick<FileRecord, 'name' | 'kind'>): string {
  return `${file.name}.${file.kind}`;
}

/**
 * Saves `content` to the user's disk through a temporary object URL.
 *
 * @example
 * downloadContent({ name: 'Order', kind: 'bpmn' }, session.getSnapshot().content);
 */
export function downloadContent(file: Pick<FileRecord, 'name' | 'kind'>, content: string): void {
  downloadBlob(downloadName(file), new Blob([content], { type: MIME[file.kind] }));
}

/** Saves a blob to the user's disk as `fileName` (archives, process applications). */
export function downloadBlob(fileName: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.style.display = 'none';
  document.body.append(a);
  a.click();
  a.remove();
  // Revoked later: some browsers start reading the URL only after click() returns.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
