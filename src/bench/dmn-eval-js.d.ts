/** The part of @hbtgmbh/dmn-eval-js (untyped CommonJS) that bench:dmn uses. */
declare module '@hbtgmbh/dmn-eval-js' {
  interface DecisionTableApi {
    parseDmnXml(xml: string): Promise<unknown>;
    evaluateDecision(id: string, decisions: unknown, context: Record<string, unknown>): unknown;
  }
  const dmnEvalJs: { decisionTable: DecisionTableApi };
  export default dmnEvalJs;
}
