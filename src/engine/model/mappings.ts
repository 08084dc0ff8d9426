import type { ModdleElement } from 'bpmn-moddle';
import { ext, list, str } from './extensions';
import type { Mapping } from './types';
import type { ExprCompiler } from './values';

/** `zeebe:ioMapping` input or output parameters of an element, compiled in document order. */
export function compileMappings(el: ModdleElement, direction: 'input' | 'output', elementId: string, exprs: ExprCompiler): Mapping[] {
  const io = ext(el, 'zeebe:IoMapping');
  const params = list(io, direction === 'input' ? 'inputParameters' : 'outputParameters');
  const out: Mapping[] = [];
  for (const p of params) {
    const target = str(p, 'target');
    const source = exprs.value(elementId, `${direction} mapping ${target ?? ''}`, str(p, 'source') ?? '=null');
    if (target && source) out.push({ source, target });
  }
  return out;
}
