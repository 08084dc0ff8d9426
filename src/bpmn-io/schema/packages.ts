/**
 * The moddle packages every Flowdeck BPMN reader and writer uses (modeler, validation, auto
 * layout, round trip): BPMN 2.0 with one correction, plus zeebe.
 *
 * The correction: the BPMN 2.0 schema lets `<extension>` hold `documentation` (tExtension in
 * BPMN20.xsd), bpmn-moddle's `bpmn:Extension` has no such property, so moddle drops it (Enterprise
 * Explorer writes its author and dates there). Adding the property keeps it where the file had it.
 */
import bpmnPackage from 'bpmn-moddle/resources/bpmn/json/bpmn.json';
import zeebe from 'zeebe-bpmn-moddle/resources/zeebe.json';

interface PackageType {
  name: string;
  properties?: Array<Record<string, unknown>>;
  [key: string]: unknown;
}

const patchedBpmn = (() => {
  const copy = JSON.parse(JSON.stringify(bpmnPackage)) as { types: PackageType[] };
  const extension = copy.types.find((t) => t.name === 'Extension');
  if (extension && !extension.properties?.some((p) => p.name === 'documentation')) {
    (extension.properties ??= []).push({ name: 'documentation', type: 'Documentation', isMany: true });
  }
  return copy;
})();

/**
 * Packages for `new BpmnModdle(bpmnPackages())` and for bpmn-js' `moddleExtensions` (a `bpmn`
 * key there replaces bpmn-moddle's built-in package).
 *
 * @example
 * const moddle = new BpmnModdle(bpmnPackages());
 */
export function bpmnPackages(): { bpmn: typeof patchedBpmn; zeebe: typeof zeebe } {
  return { bpmn: patchedBpmn, zeebe };
}
