import { useEffect, useRef, useState } from 'react';
import type { EditorProps } from '../editors/types';
import { ContentSync } from '../editors/content-sync';
import { registerEditor } from '../editors/test-hooks';
import XmlView from '../editors/XmlView';
import { toXmlProblem, formatXmlProblem } from '../modeler/xml-problem';
import { createDmnModeler, viewLabel, type DmnModelerHandle, type DmnView } from './dmn-modeler';
import '../editors/editors.css';

/**
 * The DMN editor: dmn-js with a tab per view (DRD, each decision table / literal expression) and
 * the editable XML view.
 *
 * @example
 * ```tsx
 * const DmnEditor = lazy(() => import('../decisions/DmnEditor'));
 * <DmnEditor fileId="d1" kind="dmn" content={xml} onChange={save} />
 * ```
 */
export default function DmnEditor({ fileId, content, onChange, onError }: EditorProps) {
  const containerRef = useRef<HTMLDivElement>(null);
  const [handle, setHandle] = useState<DmnModelerHandle | null>(null);
  const sync = useRef(new ContentSync());
  const callbacks = useRef({ onChange, onError });
  const [views, setViews] = useState<{ all: DmnView[]; active?: DmnView }>({ all: [] });
  const [xmlSnapshot, setXmlSnapshot] = useState<string | null>(null);
  const [importProblem, setImportProblem] = useState<string | null>(null);

  useEffect(() => {
    callbacks.current = { onChange, onError };
  });

  useEffect(() => {
    const created = createDmnModeler({ container: containerRef.current! });
    sync.current = new ContentSync();
    const offChange = created.onChange(async () => {
      const xml = await created.saveXML();
      sync.current.emitted(xml);
      callbacks.current.onChange(xml);
    });
    const offViews = created.onViews((all, active) => setViews({ all, ...(active ? { active } : {}) }));
    const unregister = registerEditor('dmn', created);
    setHandle(created);
    return () => {
      offChange();
      offViews();
      unregister();
      created.destroy();
      setHandle(null);
    };
  }, [fileId]);

  useEffect(() => {
    if (!handle || !sync.current.shouldImport(content)) return;
    sync.current.imported(content);
    handle.importXML(content).then(
      () => setImportProblem(null),
      (error: unknown) => {
        const message = `This DMN file could not be opened: ${formatXmlProblem(toXmlProblem(error))}`;
        setImportProblem(message);
        callbacks.current.onError?.(message);
      },
    );
  }, [handle, content]);

  const applyXml = async (xml: string) => {
    if (!handle) return { message: 'The editor is not ready yet.' };
    const previous = await handle.saveXML();
    try {
      await handle.importXML(xml);
    } catch (error) {
      await handle.importXML(previous).catch(() => undefined);
      return toXmlProblem(error);
    }
    const saved = await handle.saveXML();
    sync.current.emitted(saved);
    callbacks.current.onChange(saved);
    setXmlSnapshot(null);
    return null;
  };

  return (
    <div className="fd-editor fd-dmn" data-testid="dmn-editor">
      <div className="fd-toolbar">
        <div className="fd-tabs" role="tablist" aria-label="DMN views">
          {views.all.map((view) => (
            <button
              key={`${view.type}:${view.element.id}`}
              type="button"
              role="tab"
              aria-selected={view === views.active || (view.element.id === views.active?.element.id && view.type === views.active?.type)}
              onClick={() => handle?.open(view)}
              data-testid={`dmn-view-${view.type}`}
            >
              {viewLabel(view)}
            </button>
          ))}
        </div>
        <span className="fd-toolbar-gap" />
        <button type="button" onClick={async () => handle && setXmlSnapshot(await handle.saveXML())} data-testid="dmn-xml-toggle">
          XML
        </button>
      </div>
      {importProblem && <div role="alert" className="fd-editor-error">{importProblem}</div>}
      <div className="fd-editor-body">
        <div className="fd-canvas fd-dmn-container" ref={containerRef} data-testid="dmn-container" />
        {xmlSnapshot !== null && (
          <div className="fd-overlay">
            <XmlView xml={xmlSnapshot} onApply={applyXml} onClose={() => setXmlSnapshot(null)} />
          </div>
        )}
      </div>
    </div>
  );
}
