/**
 * What the repairs need to know of the BPMN metamodel, read from bpmn-moddle's own registry (the
 * same packages the modeler loads), so that "is this attribute a reference" is never guessed.
 */
import { BpmnModdle } from 'bpmn-moddle';
import { bpmnPackages } from './packages';

export const BPMN_NS = 'http://www.omg.org/spec/BPMN/20100524/MODEL';
export const BPMNDI_NS = 'http://www.omg.org/spec/BPMN/20100524/DI';
export const DC_NS = 'http://www.omg.org/spec/DD/20100524/DC';
export const DI_NS = 'http://www.omg.org/spec/DD/20100524/DI';
export const XSI_NS = 'http://www.w3.org/2001/XMLSchema-instance';

/** The namespaces whose elements moddle reads into typed objects (with checked ids). */
export const BPMN_FAMILY = new Set([BPMN_NS, BPMNDI_NS, DC_NS, DI_NS]);

/** A property of a moddle type, as the registry describes it. */
export interface PropertyInfo {
  readonly name: string;
  /** Qualified type, e.g. `bpmn:FlowNode`, or a primitive (`String`, `Boolean`, `Element`). */
  readonly type: string;
  readonly isAttr: boolean;
  readonly isReference: boolean;
  readonly isMany: boolean;
  readonly isBody: boolean;
  /** `xsi:type` when the element states its type that way. */
  readonly serialize: string | undefined;
  /** The schema default (moddle does not write a value equal to it). */
  readonly default: string | number | boolean | undefined;
}

export interface TypeInfo {
  readonly name: string;
  /** Properties by local name and by qualified name (`bpmn:incoming`). */
  property(name: string): PropertyInfo | undefined;
  readonly properties: readonly PropertyInfo[];
  readonly hasId: boolean;
  /** Whether this type is, or inherits from, `other`. */
  is(other: string): boolean;
}

export interface ModdleSchema {
  /** The package prefix for a namespace URI (`bpmn`, `bpmndi`, `zeebe`, ...). */
  prefixOf(uri: string | undefined): string | undefined;
  /** Whether the package writes element names in lower camel case (BPMN does). */
  lowerCaseAlias(prefix: string): boolean;
  /** The type registered under a qualified name, or undefined. */
  type(name: string): TypeInfo | undefined;
}

interface RawProperty {
  name: string;
  ns: { name: string };
  type: string;
  isAttr?: boolean;
  isReference?: boolean;
  isMany?: boolean;
  isBody?: boolean;
  xml?: { serialize?: string };
  default?: string | number | boolean;
}
interface RawDescriptor {
  properties: RawProperty[];
  propertiesByName: Record<string, RawProperty>;
  idProperty?: RawProperty;
  allTypesByName: Record<string, unknown>;
}
interface RawModdle {
  getType(name: string): unknown;
  getElementDescriptor(type: unknown): RawDescriptor;
  getPackage(prefixOrUri: string): { prefix: string; uri: string; xml?: { tagAlias?: string } } | undefined;
}

let shared: ModdleSchema | undefined;

/**
 * The schema of the modeler's moddle (`bpmnPackages()`), built once.
 *
 * @example
 * const schema = moddleSchema();
 * schema.type('bpmn:SequenceFlow')?.property('sourceRef')?.isReference; // true
 */
export function moddleSchema(): ModdleSchema {
  shared ??= buildSchema(new BpmnModdle(bpmnPackages()) as unknown as RawModdle);
  return shared;
}

function buildSchema(moddle: RawModdle): ModdleSchema {
  const types = new Map<string, TypeInfo | null>();
  const typeInfo = (name: string): TypeInfo | undefined => {
    if (types.has(name)) return types.get(name) ?? undefined;
    let descriptor: RawDescriptor | undefined;
    try {
      const type = moddle.getType(name);
      descriptor = type ? moddle.getElementDescriptor(type) : undefined;
    } catch {
      descriptor = undefined;
    }
    if (!descriptor) {
      types.set(name, null);
      return undefined;
    }
    const convert = (p: RawProperty): PropertyInfo => ({
      name: p.name,
      type: p.type,
      isAttr: !!p.isAttr,
      isReference: !!p.isReference,
      isMany: !!p.isMany,
      isBody: !!p.isBody,
      serialize: p.xml?.serialize,
      default: p.default,
    });
    const byName = new Map<string, PropertyInfo>();
    const properties = descriptor.properties.map(convert);
    for (const [key, raw] of Object.entries(descriptor.propertiesByName)) byName.set(key, properties[descriptor.properties.indexOf(raw)] ?? convert(raw));
    const all = descriptor.allTypesByName;
    const info: TypeInfo = {
      name,
      properties,
      property: (n) => byName.get(n),
      hasId: !!descriptor.idProperty,
      is: (other) => other === name || other in all,
    };
    types.set(name, info);
    return info;
  };
  const prefixes = new Map<string, string | undefined>();
  const aliases = new Map<string, boolean>();
  return {
    prefixOf: (uri) => {
      if (!uri) return undefined;
      if (!prefixes.has(uri)) prefixes.set(uri, moddle.getPackage(uri)?.prefix);
      return prefixes.get(uri);
    },
    lowerCaseAlias: (prefix) => {
      if (!aliases.has(prefix)) aliases.set(prefix, moddle.getPackage(prefix)?.xml?.tagAlias === 'lowerCase');
      return aliases.get(prefix)!;
    },
    type: typeInfo,
  };
}
