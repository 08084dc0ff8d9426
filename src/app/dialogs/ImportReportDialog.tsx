import { useEffect, useRef } from 'react';
import type { ReportItem, ReportSeverity } from '../../bpmn-io/report';
import type { ImportReview } from '../workspace/import/import-files';
import { Modal } from './Modal';
import './import-report.css';

const GROUPS: Array<{ severity: ReportSeverity; title: string; open: boolean }> = [
  { severity: 'lost', title: 'Cannot be kept', open: true },
  { severity: 'changed', title: 'Changed so that it can be kept', open: false },
  { severity: 'kept', title: 'Kept in the file, not shown on the canvas', open: false },
];

/**
 * Before files from other tools are written to the workspace: per file, element by element, what
 * cannot be kept, what was changed to keep it, and what is kept but not drawn. "Import anyway"
 * resolves the review with true; Cancel, Escape or closing with false (nothing is written then).
 *
 * @example
 * openDialog({ type: 'importReport', reviews, resolve: (go) => … });
 */
export function ImportReportDialog({ reviews, resolve, onClose }: { reviews: ImportReview[]; resolve(go: boolean): void; onClose(): void }) {
  const decided = useRef(false);
  const decide = (go: boolean) => {
    decided.current = true;
    resolve(go);
    onClose();
  };
  // Escape and the close button end the dialog without a choice: that is a cancel.
  useEffect(() => () => void (decided.current || resolve(false)), [resolve]);

  const lost = reviews.reduce((n, r) => n + r.report.items.filter((i) => i.severity === 'lost').length, 0);
  const title = lost > 0 ? `${lost} item${lost === 1 ? '' : 's'} cannot be kept` : reviews.length === 1 ? `${reviews[0].fileName} was repaired` : `${reviews.length} files were repaired`;
  return (
    <Modal
      title={title}
      type="importReport"
      tone={lost > 0 ? 'danger' : 'default'}
      onClose={onClose}
      footer={
        <>
          <button type="button" className="button" data-testid="dialog-cancel" onClick={() => decide(false)}>
            Cancel
          </button>
          <button type="button" className="button button--primary" data-testid="dialog-confirm" onClick={() => decide(true)}>
            {lost > 0 ? 'Import anyway' : 'Import'}
          </button>
        </>
      }
    >
      <p className="muted">Nothing is added to your workspace until you choose.</p>
      <div className="import-report" data-testid="import-report">
        {reviews.map((review) => (
          <section key={review.fileName} className="import-report__file" data-testid="import-report-file" data-file-name={review.fileName}>
            <h3>{review.fileName}</h3>
            {GROUPS.map((group) => {
              const items = review.report.items.filter((i) => i.severity === group.severity);
              if (items.length === 0) return null;
              return (
                <details key={group.severity} open={group.open || (group.severity === 'changed' && lost === 0)} data-testid="import-report-group" data-severity={group.severity}>
                  <summary>
                    {group.title} <span className="import-report__count" data-testid="import-report-count">{items.length}</span>
                  </summary>
                  <table>
                    <thead>
                      <tr>
                        <th>Element</th>
                        <th>Kind</th>
                        <th>{group.severity === 'lost' ? 'What is lost' : 'What happened'}</th>
                      </tr>
                    </thead>
                    <tbody>
                      {items.map((item, index) => (
                        <ItemRow key={`${item.elementId}-${index}`} item={item} />
                      ))}
                    </tbody>
                  </table>
                </details>
              );
            })}
          </section>
        ))}
      </div>
    </Modal>
  );
}

function ItemRow({ item }: { item: ReportItem }) {
  return (
    <tr data-testid="import-report-item" data-severity={item.severity} data-element-id={item.elementId ?? ''}>
      <td>
        <code>{item.elementId ?? '—'}</code>
        {item.line !== undefined && <span className="muted"> line {item.line}</span>}
      </td>
      <td>
        <code>{item.kind}</code>
      </td>
      <td>{item.message}</td>
    </tr>
  );
}
