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
  const url = URL.createObjectURL(new Blob([content], { type: MIME[file.kind] }));
  const a = document.createElement('a');
  a.href = url;
  a.download = downloadName(file);
  a.style.display = 'none';
  document.body.append(a);
  a.click();
  a.remove();
  // Revoked later: some browsers start reading the URL only after click() returns.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
