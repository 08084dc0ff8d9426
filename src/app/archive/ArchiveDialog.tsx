import type { ReactNode } from 'react';
import { Modal } from '../dialogs/Modal';

/**
 * A Modal owned by the archive panel (not the store's one-dialog slot): Escape closes it here,
 * as the global shortcut does for the studio's own dialogs.
 */
export function ArchiveDialog({ title, type, onClose, footer, children, tone }: { title: string; type: string; onClose(): void; footer: ReactNode; children: ReactNode; tone?: 'default' | 'danger' }) {
  return (
    <div onKeyDown={(e) => { if (e.key === 'Escape') { e.stopPropagation(); onClose(); } }}>
      <Modal title={title} type={type} onClose={onClose} footer={footer} tone={tone}>
        {children}
      </Modal>
    </div>
  );
}

export function DialogButtons({ onCancel, onConfirm, confirmLabel, disabled }: { onCancel(): void; onConfirm(): void; confirmLabel: string; disabled?: boolean }) {
  return (
    <>
      <button type="button" className="button" data-testid="dialog-cancel" onClick={onCancel}>Cancel</button>
      <button type="button" className="button button--primary" data-testid="dialog-confirm" disabled={disabled} onClick={onConfirm}>{confirmLabel}</button>
    </>
  );
}
