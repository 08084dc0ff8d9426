export function generateBpmn(elements: number): { xml: string; shapes: number; connections: number };
