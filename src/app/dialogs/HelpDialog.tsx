import { BINDINGS, COMMAND_LABELS, formatBinding } from '../shortcuts/shortcuts';
import { isMac } from '../shortcuts/platform';
import { modelingShortcuts } from '../shortcuts/modeling-shortcuts';
import { Modal } from './Modal';

/** `?`: the keyboard shortcuts. */
export function HelpDialog({ onClose }: { onClose(): void }) {
  const mac = isMac();
  return (
    <Modal title="Keyboard shortcuts" type="help" onClose={onClose}>
      <table className="shortcuts" data-testid="help-dialog">
        <tbody>
          {BINDINGS.map((b) => (
            <tr key={`${b.command}-${formatBinding(b, mac)}`}>
              <td>
                <kbd>{formatBinding(b, mac)}</kbd>
              </td>
              <td>{COMMAND_LABELS[b.command]}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <h3 className="shortcuts__title">In a diagram (click the canvas first)</h3>
      <table className="shortcuts" data-testid="help-modeling">
        <tbody>
          {modelingShortcuts(mac).map(({ keys, label }) => (
            <tr key={label}>
              <td>
                {keys.map((key, i) => (
                  <span key={key}>
                    {i > 0 && ' '}
                    <kbd>{key}</kbd>
                  </span>
                ))}
              </td>
              <td>{label}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="muted">
        Files open from disk with the Open button, by dropping them on the window, or from your file manager once Flowdeck is installed.
      </p>
    </Modal>
  );
}
