import { DmnModdle } from 'dmn-moddle';
import type { FileKind } from '../../../store';
import { prepareBpmn } from '../../../bpmn-io/prepare';
import { formatItem, type ImportReport } from '../../../bpmn-io/report';
import { positionOf, problemFromModdle, type FileProblem } from './problem';

/**
 * The outcome of validating one file's text before anything is written. For BPMN, `content` is
 * what to store (repaired when the file needed it) and `report` says, element by element, what
 * was changed to keep it and what could not be kept.
 */
export type Validation =
  | { ok: true; kind: FileKind; content: string; warnings: string[]; report?: ImportReport }
  | ({ ok: false; kind: FileKind } & FileProblem);

const DMN13_NS = 'https://www.omg.org/spec/DMN/20191111/MODEL/';
const BPMN_NS = 'http://www.omg.org/spec/BPMN/20100524/MODEL';

/**
 * Warnings after which the file would open damaged. An unknown element (e.g. a vendor extension
 * without its schema) or an unresolved reference still opens and is reported instead.
 */
const FATAL_WARNING = /unexpected element|unclosed|mismatch|missing start tag|unexpected end|non-whitespace|invalid/i;

/**
 * Checks that `content` is a well-formed file of `kind`: BPMN 2.0 that the modeler opens and saves
 * (repaired on the way by `prepareBpmn`; refused with bpmn-js' reason when it cannot be
 * displayed), DMN 1.3 XML that dmn-moddle parses with the right root, or a form-js schema (JSON
 * object with a `components` array of objects that have a `type`).
 *
 * @example
 * const v = await validateContent('bpmn', text);
 * if (!v.ok) showError(`line ${v.line}: ${v.message}`);
 */
export async function validateContent(kind: FileKind, content: string): Promise<Validation> {
  if (!content.trim()) return { ok: false, kind, message: 'The file is empty' };
  switch (kind) {
    case 'bpmn':
      return validateBpmn(content);
    case 'dmn':
      return validateXml(kind, content, () => new DmnModdle().fromXML(content, 'dmn:Definitions'), DMN13_NS);
    case 'form':
      return validateForm(content);
  }
}

async function validateXml(
  kind: FileKind,
  content: string,
  parse: () => Promise<{ warnings: Array<{ message: string }> }>,
  expectedNs: string,
): Promise<Validation> {
  let warnings: Array<{ message: string }>;
  try {
    ({ warnings } = await parse());
  } catch (e) {
    const err = e as Error & { warnings?: Array<{ message: string }> };
    // "failed to parse document as <…>" alone says little; the first warning has the position.
    const detail = err.warnings?.find((w) => /line:/.test(w.message));
    const problem = problemFromModdle(detail?.message ?? err.message);
    const rootHint = wrongRootHint(kind, content, expectedNs);
    return { ok: false, kind, ...problem, message: rootHint ?? problem.message };
  }
  const fatal = warnings.find((w) => FATAL_WARNING.test(w.message));
  if (fatal) return { ok: false, kind, ...problemFromModdle(fatal.message) };
  return { ok: true, kind, content, warnings: warnings.map((w) => problemFromModdle(w.message).message) };
}

async function validateBpmn(content: string): Promise<Validation> {
  const prepared = await prepareBpmn(content);
  if (!prepared.ok) {
    if (prepared.stage !== 'read') return { ok: false, kind: 'bpmn', message: prepared.message };
    const problem = problemFromModdle(prepared.message);
    return { ok: false, kind: 'bpmn', ...problem, message: wrongRootHint('bpmn', content, BPMN_NS) ?? problem.message };
  }
  const warnings = prepared.report.items.filter((i) => i.severity === 'lost').map(formatItem);
  return { ok: true, kind: 'bpmn', content: prepared.xml, warnings, report: prepared.report };
}

/** A clearer message when the document is XML of another kind or another DMN version. */
function wrongRootHint(kind: FileKind, content: string, expectedNs: string): string | undefined {
  const root = /<([A-Za-z_][\w.-]*:)?([A-Za-z_][\w.-]*)[\s>/]/.exec(content.replace(/<\?[\s\S]*?\?>|<!--[\s\S]*?-->/g, ''));
  if (!root) return undefined;
  const local = root[2];
  if (local !== 'definitions') return `Not a ${kind.toUpperCase()} file: the root element is <${(root[1] ?? '') + local}>, expected <definitions>`;
  const prefix = root[1] ? `:${root[1].slice(0, -1)}` : '';
  const ns = new RegExp(`xmlns${prefix}="([^"]+)"`).exec(content)?.[1];
  if (ns && ns !== expectedNs) {
    if (kind === 'dmn' && /DMN/i.test(ns)) return `Unsupported DMN version (namespace ${ns}); Flowdeck edits DMN 1.3 (${DMN13_NS})`;
    return `Not a ${kind.toUpperCase()} file: its namespace is ${ns}`;
  }
  return undefined;
}

function validateForm(content: string): Validation {
  let schema: unknown;
  try {
    schema = JSON.parse(content);
  } catch (e) {
    const message = (e as Error).message;
    const at = /position (\d+)/.exec(message)?.[1];
    const short = `Invalid JSON: ${message.replace(/\s*\(line \d+ column \d+\)/, '').replace(/ in JSON at position \d+/, '')}`;
    return { ok: false, kind: 'form', message: short, ...(at !== undefined ? positionOf(content, Number(at)) : {}) };
  }
  if (typeof schema !== 'object' || schema === null || Array.isArray(schema)) {
    return { ok: false, kind: 'form', message: 'A form must be a JSON object with a "components" array' };
  }
  const problem = checkComponents((schema as { components?: unknown }).components, 'components');
  if (problem) return { ok: false, kind: 'form', message: problem };
  return { ok: true, kind: 'form', content, warnings: [] };
}

function checkComponents(components: unknown, path: string): string | undefined {
  if (!Array.isArray(components)) return `A form needs a "${path}" array`;
  for (const [i, c] of components.entries()) {
    if (typeof c !== 'object' || c === null || Array.isArray(c)) return `${path}[${i}] is not an object`;
    const type = (c as { type?: unknown }).type;
    if (typeof type !== 'string' || !type) return `${path}[${i}] has no "type"`;
    const nested = (c as { components?: unknown }).components;
    if (nested !== undefined) {
      const p = checkComponents(nested, `${path}[${i}].components`);
      if (p) return p;
    }
  }
  return undefined;
}
