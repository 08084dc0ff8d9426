// Lays out BPMN files that carry no diagram information (DI).

/** Reported among the import warnings when a file without diagram information was laid out. */
export const AUTO_LAYOUT_NOTE = 'The file had no diagram information; Flowdeck laid it out automatically.';

/** True when the XML carries BPMN DI (a `BPMNDiagram`), whatever its namespace prefix. */
export function hasDiagram(xml: string): boolean {
  return /<(?:[\w.-]+:)?BPMNDiagram[\s>/]/.test(xml);
}

// Files written by engines or by hand often have no DI; bpmn-js then shows an empty canvas with
// "no diagram to display". bpmn-auto-layout (bpmn.io's own) adds DI; it is loaded only when needed.
// If layout fails, the original XML is imported so that bpmn-js reports its own error.
export async function layoutWithoutDiagram(xml: string): Promise<string | null> {
  try {
    const { layoutProcess } = await import('bpmn-auto-layout');
    return await layoutProcess(xml);
  } catch {
    return null;
  }
}
