import { useRef } from 'react';
import { importProsimos } from '../../simulation';

export interface ImportProsimosProps {
  content: string;
  disabled: boolean;
  /** The model with the new scenario, its id, and what of the file is not simulated as Prosimos would. */
  onImported: (xml: string, scenarioId: string, report: string[]) => void;
  onError: (message: string) => void;
}

/**
 * "Import Prosimos…": reads a Prosimos JSON scenario the user picks and adds it to the file as a
 * BPSim scenario (`importProsimos`, the same as `flowdeck simulate --prosimos`). The file input is
 * hidden behind a button so the header stays a row of buttons.
 */
export function ImportProsimos({ content, disabled, onImported, onError }: ImportProsimosProps) {
  const input = useRef<HTMLInputElement>(null);
  const load = async (file: File) => {
    let json: unknown;
    try {
      json = JSON.parse(await file.text());
    } catch (error) {
      onError(`${file.name} is not JSON: ${(error as Error).message}`);
      return;
    }
    try {
      const r = await importProsimos(content, json);
      onImported(r.xml, r.scenarioId, r.report);
    } catch (error) {
      onError(`${file.name} could not be imported: ${(error as Error).message}`);
    }
  };
  return (
    <>
      <button type="button" className="button" onClick={() => input.current?.click()} disabled={disabled} data-testid="sim-import-prosimos" title="Add a Prosimos JSON scenario to this model as a BPSim scenario">Import Prosimos…</button>
      <input
        ref={input} type="file" accept=".json,application/json" hidden data-testid="sim-import-file"
        onChange={(e) => {
          const file = e.target.files?.[0];
          e.target.value = ''; // the same file can be picked again
          if (file) void load(file);
        }}
      />
    </>
  );
}
