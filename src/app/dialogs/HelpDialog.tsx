import { BINDINGS, COMMAND_LABELS, formatBinding } from '../shortcuts/shortcuts';
import { isMac } from '../shortcuts/platform';
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
      <p className="muted">
        Files open from disk with the Open button, by dropping them on the window, or from your file manager once Flowdeck is installed.
      </p>
    </Modal>
  );
}
