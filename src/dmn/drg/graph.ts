import type { CompileProblem } from '../compile/feel-port';
import type {
  BusinessKnowledgeModel, Decision, DecisionService, DmnModel, Href, InputData,
} from '../model/types';
import type { DmnType } from '../types/dmn-type';
import type { TypeRegistry } from '../types/type-registry';
import type { Evaluator } from '../compile/context';

/** A resolved requirement: the node required and the name it is seen under. */
export interface Requirement {
  readonly key: string;
  /** Variable name of the required element. */
  readonly name: string;
  /** Import name when the element comes from another model (`import.name` in FEEL). */
  readonly prefix?: string;
}

interface NodeBase {
  /** `namespace#id`: unique across all compiled models. */
  readonly key: string;
  readonly namespace: string;
  readonly id: string;
  readonly name: string;
  /** The type of the element's variable. */
  readonly type: DmnType;
}

export interface DecisionNode extends NodeBase {
  readonly kind: 'decision';
  readonly decision: Decision;
  readonly requirements: Requirement[];
  evaluator?: Evaluator;
}

export interface InputNode extends NodeBase {
  readonly kind: 'inputData';
  readonly input: InputData;
}

export interface BkmNode extends NodeBase {
  readonly kind: 'bkm';
  readonly bkm: BusinessKnowledgeModel;
  readonly requirements: Requirement[];
  /** Yields the BKM's function value, given a scope holding its required knowledge. */
  evaluator?: Evaluator;
}

export interface ServiceNode extends NodeBase {
  readonly kind: 'decisionService';
  readonly service: DecisionService;
  /** Parameters: input data first, then input decisions (in document order). */
  readonly parameters: Requirement[];
  readonly outputs: Requirement[];
}

export type DrgNode = DecisionNode | InputNode | BkmNode | ServiceNode;

/**
 * The decision requirements graph of a set of models: every DRG element by `namespace#id`, with
 * requirements resolved across imports.
 */
export class DrgGraph {
  readonly nodes = new Map<string, DrgNode>();
  /** Requirements that name no loaded element. */
  readonly problems: CompileProblem[] = [];
  readonly models: readonly DmnModel[];

  constructor(models: readonly DmnModel[], types: TypeRegistry) {
    this.models = models;
    for (const m of models) {
      const ns = m.namespace;
      const typed = (id: string, name: string, typeRef: string | undefined) => ({ key: keyOf(ns, id), namespace: ns, id, name, type: types.resolve(ns, typeRef) });
      for (const d of m.decisions) this.add({ ...typed(d.id, d.variable?.name || d.name, d.variable?.typeRef), kind: 'decision', decision: d, requirements: [] });
      for (const i of m.inputData) this.add({ ...typed(i.id, i.variable?.name || i.name, i.variable?.typeRef), kind: 'inputData', input: i });
      for (const b of m.bkms) this.add({ ...typed(b.id, b.variable?.name || b.name, undefined), kind: 'bkm', bkm: b, requirements: [] });
      for (const s of m.decisionServices) this.add({ ...typed(s.id, s.variable?.name || s.name, s.variable?.typeRef), kind: 'decisionService', service: s, parameters: [], outputs: [] });
    }
    for (const m of models) {
      for (const d of m.decisions) {
        const node = this.nodes.get(keyOf(m.namespace, d.id)) as DecisionNode;
        for (const h of [...d.requiredDecisions, ...d.requiredInputs, ...d.requiredKnowledge]) this.link(node.requirements, m, h, d.id);
      }
      for (const b of m.bkms) {
        const node = this.nodes.get(keyOf(m.namespace, b.id)) as BkmNode;
        for (const h of b.requiredKnowledge) this.link(node.requirements, m, h, b.id);
      }
      for (const s of m.decisionServices) {
        const node = this.nodes.get(keyOf(m.namespace, s.id)) as ServiceNode;
        for (const h of [...s.inputData, ...s.inputDecisions]) this.link(node.parameters, m, h, s.id);
        for (const h of s.outputDecisions) this.link(node.outputs, m, h, s.id);
      }
    }
  }

  get(key: string): DrgNode | undefined {
    return this.nodes.get(key);
  }

  /**
   * Finds a node by id, name or `namespace#id`, preferring the given (main) model.
   */
  find(ref: string, kinds: readonly DrgNode['kind'][], preferNamespace?: string): DrgNode | undefined {
    // Runs once per evaluation: keyed by the reference, then a short scan, so a hit builds no string.
    const kindsKey = kinds.length === 1 ? kinds[0]! : kinds.join(',');
    let entries = this.lookups.get(ref);
    if (entries === undefined) this.lookups.set(ref, (entries = []));
    for (const e of entries) if (e.kinds === kindsKey && e.ns === preferNamespace) return e.node;
    const found = this.search(ref, kinds, preferNamespace);
    entries.push({ kinds: kindsKey, ns: preferNamespace, node: found });
    return found;
  }

  private readonly lookups = new Map<string, { kinds: string; ns: string | undefined; node: DrgNode | undefined }[]>();

  private search(ref: string, kinds: readonly DrgNode['kind'][], preferNamespace?: string): DrgNode | undefined {
    const direct = this.nodes.get(ref);
    if (direct && kinds.includes(direct.kind)) return direct;
    const hash = ref.lastIndexOf('#');
    if (hash > 0) {
      const ns = ref.slice(0, hash);
      if (this.models.some((m) => m.namespace === ns)) return this.search(ref.slice(hash + 1), kinds, ns);
    }
    const candidates = [...this.nodes.values()].filter((n) => kinds.includes(n.kind));
    const pick = (pred: (n: DrgNode) => boolean) =>
      candidates.find((n) => pred(n) && n.namespace === preferNamespace) ?? candidates.find(pred);
    return pick((n) => n.id === ref) ?? pick((n) => n.name === ref) ?? pick((n) => elementName(n) === ref);
  }

  private link(into: Requirement[], model: DmnModel, href: Href, owner: string): void {
    const r = this.requirement(model, href, owner);
    if (r) into.push(r);
  }

  private add(node: DrgNode): void {
    const existing = this.nodes.get(node.key);
    if (existing) {
      // The later element replaces the earlier one in the graph, so the earlier one silently
      // never runs: an error, which deployments refuse.
      this.problems.push({
        severity: 'error',
        decisionId: node.id,
        element: kindName(node),
        message: `duplicate id '${node.id}': ${kindName(existing)} '${existing.name}' and ${kindName(node)} '${node.name}' both use it`,
      });
    }
    this.nodes.set(node.key, node);
  }

  private requirement(model: DmnModel, href: Href, owner: string): Requirement | undefined {
    const ns = href.namespace ?? model.namespace;
    const key = keyOf(ns, href.id);
    const target = this.nodes.get(key);
    if (!target) {
      // A dangling reference (a model being edited, a missing import) spoils only its owner.
      this.problems.push({ severity: 'error', decisionId: owner, element: 'requirement', message: `'${href.namespace ? `${href.namespace}#` : '#'}${href.id}' names no element of the loaded models` });
      return undefined;
    }
    // The node's own key string: look-ups by it then compare by identity, not character by character.
    if (ns === model.namespace) return { key: target.key, name: target.name };
    const imp = model.imports.find((i) => i.namespace === ns);
    return { key: target.key, name: target.name, prefix: imp?.name || undefined };
  }
}

/** The key of a DRG element across models. */
export function keyOf(namespace: string, id: string): string {
  return `${namespace}#${id}`;
}

/** How the DMN specification names an element's kind, for messages. */
export function kindName(n: DrgNode): string {
  switch (n.kind) {
    case 'decision': return 'decision';
    case 'inputData': return 'input data';
    case 'bkm': return 'business knowledge model';
    case 'decisionService': return 'decision service';
  }
}

function elementName(n: DrgNode): string {
  switch (n.kind) {
    case 'decision': return n.decision.name;
    case 'inputData': return n.input.name;
    case 'bkm': return n.bkm.name;
    case 'decisionService': return n.service.name;
  }
}
