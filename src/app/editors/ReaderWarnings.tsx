/**
 * What the XML reader skipped or could not resolve when the file was opened (moddle's import
 * warnings, "line 4, column 3: unresolved reference <X>"), shown above the DMN editor; the BPMN
 * editor lists the same in its Problems panel. Saving writes only what was read, so these are
 * parts of the file that a save would drop.
 *
 * @example
 * ```tsx
 * {warnings.length > 0 && <ReaderWarnings warnings={warnings} />}
 * ```
 */
export function ReaderWarnings({ warnings }: { warnings: string[] }) {
  return (
    <details className="fd-reader-warnings" data-testid="reader-warnings" role="status">
      <summary>
        The file was read with {warnings.length} warning{warnings.length === 1 ? '' : 's'}: a save drops what could not be read
      </summary>
      <ul>
        {warnings.map((warning, index) => (
          <li key={`${index}:${warning}`} data-testid="reader-warning">{warning}</li>
        ))}
      </ul>
    </details>
  );
}
