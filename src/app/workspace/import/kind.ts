import type { FileKind } from '../../../store';

/** File-picker `accept` for everything Flowdeck opens. */
export const ACCEPTED_EXTENSIONS = '.bpmn,.dmn,.form,.xml,.json';

/**
 * The kind of a file from its name, or, for `.xml` / `.json`, from its content. Undefined when the
 * file is not something Flowdeck opens.
 */
export function kindOf(fileName: string, content: string): FileKind | undefined {
  const ext = /\.([^.]+)$/.exec(fileName.toLowerCase())?.[1];
  if (ext === 'bpmn' || ext === 'dmn' || ext === 'form') return ext;
  if (ext === 'json') return 'form';
  if (ext === 'xml') {
    if (/BPMN\/20100524\/MODEL/.test(content)) return 'bpmn';
    if (/spec\/DMN\//.test(content)) return 'dmn';
  }
  return undefined;
}

/** The name to show for an opened file: its file name without the extension. */
export function baseName(fileName: string): string {
  const withoutExt = fileName.replace(/\.(bpmn|dmn|form|xml|json)$/i, '').replace(/\.bpmn20$/i, '');
  return withoutExt.trim() || 'Untitled';
}
