// bpmn-auto-layout ships JavaScript without declarations; the part the layout of missing shapes uses.
declare module 'bpmn-auto-layout' {
  export function layoutProcess(xml: string): Promise<string>;
}
