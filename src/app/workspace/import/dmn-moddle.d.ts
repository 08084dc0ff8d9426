// dmn-moddle ships JavaScript without declarations; this is the part the import validation uses.
declare module 'dmn-moddle' {
  export class DmnModdle {
    constructor(packages?: Record<string, unknown>, options?: Record<string, unknown>);
    fromXML(xml: string, typeName?: string): Promise<{ rootElement: { $type: string }; warnings: Array<{ message: string }> }>;
  }
}
