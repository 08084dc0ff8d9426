import { useEffect, useRef, useState } from 'react';
import { formatXmlProblem, toXmlProblem } from '../modeler/xml-problem';
import { ContentSync } from './content-sync';
import { registerEditor } from './test-hooks';

/** What the BPMN and DMN modeler handles have in common. */
export interface XmlModelerHandle {
  /** Resolves with the reader's warnings, formatted with their positions. */
  importXML(xml: string): Promise<string[]>;
  saveXML(): Promise<string>;
  onChange(listener: () => void): () => void;
  destroy(): void;
}

export interface XmlModelerOptions<H extends XmlModelerHandle> {
  fileId: string;
  /** 'bpmn' or 'dmn': names the editor in messages and in the e2e registry. */
  kind: 'bpmn' | 'dmn';
  content: string;
  onChange(xml: string): void;
  onError?(message: string): void;
  onImported?(warnings: string[]): void;
  /** Creates the modeler (its containers are mounted by then). Re-run when `fileId` changes. */
  create(): H;
  /** Extra subscriptions on a new modeler; returns their cleanup. */
  attach?(handle: H): () => void;
}

/**
 * The life of an XML modeler inside a React editor, shared by the BPMN and DMN editors: create it
 * per file, emit each user change, re-import `content` only when it changed from outside (not an
 * echo of what we emitted, see ContentSync: edits in the Source tab arrive that way).
 *
 * @example
 * ```ts
 * const { handle, importProblem } = useXmlModeler({ fileId, kind: 'dmn', content, onChange,
 *   create: () => createDmnModeler({ container: ref.current! }) });
 * ```
 */
export function useXmlModeler<H extends XmlModelerHandle>(options: XmlModelerOptions<H>) {
  const { fileId, kind, content } = options;
  const [handle, setHandle] = useState<H | null>(null);
  const [importProblem, setImportProblem] = useState<string | null>(null);
  const [importWarnings, setImportWarnings] = useState<string[]>([]);
  const sync = useRef(new ContentSync());
  // The latest callbacks, so that the modeler is not re-created when a parent re-renders.
  const latest = useRef(options);
  useEffect(() => {
    latest.current = options;
  });

  useEffect(() => {
    const created = latest.current.create();
    sync.current = new ContentSync();
    const offChange = created.onChange(async () => {
      const xml = await created.saveXML();
      sync.current.emitted(xml);
      latest.current.onChange(xml);
    });
    const detach = latest.current.attach?.(created) ?? (() => {});
    const unregister = registerEditor(kind, created);
    setHandle(created);
    return () => {
      offChange();
      detach();
      unregister();
      created.destroy();
      setHandle(null);
    };
  }, [fileId, kind]);

  useEffect(() => {
    if (!handle || !sync.current.shouldImport(content)) return;
    sync.current.imported(content);
    handle.importXML(content).then(
      (warnings) => {
        setImportProblem(null);
        setImportWarnings(warnings);
        latest.current.onImported?.(warnings);
      },
      (error: unknown) => {
        const message = `This ${kind.toUpperCase()} file could not be opened: ${formatXmlProblem(toXmlProblem(error))}`;
        setImportProblem(message);
        latest.current.onError?.(message);
      },
    );
  }, [handle, content, kind]);

  return { handle, importProblem, importWarnings };
}
