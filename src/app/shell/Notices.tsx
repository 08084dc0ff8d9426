import { useEffect } from 'react';
import { useStudio, type StudioState } from '../state/store';
import { routeFileId } from '../routing/routes';
import { useRoute } from '../routing/useRoute';

type ToastItem = StudioState['toasts'][number];

function ToastView({ toast }: { toast: ToastItem }) {
  const dismiss = useStudio((s) => s.dismissToast);
  useEffect(() => {
    const t = setTimeout(() => dismiss(toast.id), toast.timeoutMs);
    return () => clearTimeout(t);
  }, [toast.id, toast.timeoutMs, dismiss]);
  return (
    <div className="toast" role="status" data-testid="toast">
      <span>{toast.message}</span>
      {toast.action && (
        <button type="button" className="toast__action" data-testid="toast-action" onClick={() => void toast.action!.run()}>
          {toast.action.label}
        </button>
      )}
      <button type="button" className="icon-button" aria-label="Dismiss" onClick={() => dismiss(toast.id)}>
        ×
      </button>
    </div>
  );
}

/** Toasts, bottom left (the PWA update prompt lives bottom right). */
export function Toasts() {
  const toasts = useStudio((s) => s.toasts);
  return (
    <div className="toasts" aria-live="polite">
      {toasts.map((t) => (
        <ToastView key={t.id} toast={t} />
      ))}
    </div>
  );
}

/** Error / warning banners across the top of the main area, until dismissed. */
export function Banners() {
  const all = useStudio((s) => s.banners);
  const dismiss = useStudio((s) => s.dismissBanner);
  const openFileId = routeFileId(useRoute());
  // A banner about one file stays with that file; it does not follow the user to the next one.
  const banners = all.filter((b) => b.fileId === undefined || b.fileId === openFileId);
  if (banners.length === 0) return null;
  return (
    <div className="banners">
      {banners.map((b) => (
        <div key={b.id} className={`banner banner--${b.tone}`} role={b.tone === 'error' ? 'alert' : 'status'} data-testid="banner" data-tone={b.tone}>
          <span>{b.message}</span>
          <button type="button" className="icon-button" aria-label="Dismiss" data-testid="banner-dismiss" onClick={() => dismiss(b.id)}>
            ×
          </button>
        </div>
      ))}
    </div>
  );
}
