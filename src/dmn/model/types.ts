/**
 * The DMN model as read from XML (DMN 1.1 to 1.5): plain data, no behaviour. `compileDmn` turns one
 * or more of these into an executable form.
 */

/** Version of the DMN namespace the model was written in. */
export type DmnVersion = '1.1' | '1.2' | '1.3' | '1.4' | '1.5';

/** One `<definitions>` document. */
export interface DmnModel {
  readonly id?: string;
  readonly name: string;
  readonly namespace: string;
  readonly version: DmnVersion;
  readonly expressionLanguage?: string;
  readonly imports: readonly DmnImport[];
  readonly itemDefinitions: readonly ItemDefinition[];
  readonly decisions: readonly Decision[];
  readonly inputData: readonly InputData[];
  readonly bkms: readonly BusinessKnowledgeModel[];
  readonly decisionServices: readonly DecisionService[];
}

export interface DmnImport {
  readonly name: string;
  readonly namespace: string;
  readonly importType?: string;
  readonly locationURI?: string;
}

/** An item definition: a named type (simple, structured, collection or function type). */
export interface ItemDefinition {
  readonly id?: string;
  readonly name: string;
  readonly label?: string;
  readonly typeRef?: string;
  readonly isCollection: boolean;
  /** Unary tests restricting the values (DMN 1.1+ allowedValues). */
  readonly allowedValues?: string;
  /** Unary tests restricting the values (DMN 1.5 typeConstraint; applies to the whole collection). */
  readonly typeConstraint?: string;
  readonly components: readonly ItemDefinition[];
  readonly functionItem?: { readonly parameters: readonly InformationItem[]; readonly outputTypeRef?: string };
}

/** A named, typed variable (decision variable, formal parameter, context entry variable...). */
export interface InformationItem {
  readonly id?: string;
  readonly name: string;
  readonly typeRef?: string;
}

/** A reference to another DRG element: `#id` locally, or `namespace#id` for imported ones. */
export interface Href {
  readonly namespace?: string;
  readonly id: string;
}

export interface Decision {
  readonly kind: 'decision';
  readonly id: string;
  readonly name: string;
  readonly label?: string;
  readonly variable?: InformationItem;
  readonly requiredDecisions: readonly Href[];
  readonly requiredInputs: readonly Href[];
  readonly requiredKnowledge: readonly Href[];
  readonly expression?: Expression;
  /** Camunda's `<zeebe:versionTag value="…"/>` extension: what a `versionTag` binding names. */
  readonly versionTag?: string;
}

export interface InputData {
  readonly kind: 'inputData';
  readonly id: string;
  readonly name: string;
  readonly variable?: InformationItem;
}

export interface BusinessKnowledgeModel {
  readonly kind: 'bkm';
  readonly id: string;
  readonly name: string;
  readonly variable?: InformationItem;
  readonly requiredKnowledge: readonly Href[];
  readonly logic?: FunctionDefinitionExpr;
}

export interface DecisionService {
  readonly kind: 'decisionService';
  readonly id: string;
  readonly name: string;
  readonly variable?: InformationItem;
  readonly outputDecisions: readonly Href[];
  readonly encapsulatedDecisions: readonly Href[];
  readonly inputDecisions: readonly Href[];
  readonly inputData: readonly Href[];
}

export type DrgElement = Decision | InputData | BusinessKnowledgeModel | DecisionService;

interface ExpressionBase {
  readonly id?: string;
  readonly typeRef?: string;
  /** 1-based XML line, for error messages. */
  readonly line?: number;
}

export interface LiteralExpression extends ExpressionBase {
  readonly kind: 'literal';
  readonly text: string;
  readonly expressionLanguage?: string;
}

export type HitPolicy =
  | 'UNIQUE' | 'ANY' | 'PRIORITY' | 'FIRST' | 'RULE ORDER' | 'OUTPUT ORDER' | 'COLLECT';
export type Aggregation = 'SUM' | 'COUNT' | 'MIN' | 'MAX';

export interface DecisionTableInput {
  readonly id?: string;
  readonly label?: string;
  readonly expression: string;
  readonly typeRef?: string;
  /** Unary tests listing the allowed input values. */
  readonly inputValues?: string;
}

export interface DecisionTableOutput {
  readonly id?: string;
  readonly name?: string;
  readonly label?: string;
  readonly typeRef?: string;
  /** Unary tests listing the output values; their order is the priority for P and O. */
  readonly outputValues?: string;
  readonly defaultOutputEntry?: string;
}

export interface DecisionRule {
  readonly id?: string;
  readonly inputEntries: readonly string[];
  readonly outputEntries: readonly string[];
  readonly annotations: readonly string[];
  readonly description?: string;
}

export interface DecisionTable extends ExpressionBase {
  readonly kind: 'decisionTable';
  readonly hitPolicy: HitPolicy;
  readonly aggregation?: Aggregation;
  readonly inputs: readonly DecisionTableInput[];
  readonly outputs: readonly DecisionTableOutput[];
  readonly annotations: readonly string[];
  readonly rules: readonly DecisionRule[];
  readonly outputLabel?: string;
}

export interface ContextEntry {
  /** Absent for the final (result) entry of a boxed context. */
  readonly variable?: InformationItem;
  readonly value: Expression;
}

export interface ContextExpr extends ExpressionBase {
  readonly kind: 'context';
  readonly entries: readonly ContextEntry[];
}

export interface RelationExpr extends ExpressionBase {
  readonly kind: 'relation';
  readonly columns: readonly InformationItem[];
  readonly rows: readonly (readonly Expression[])[];
}

export interface ListExpr extends ExpressionBase {
  readonly kind: 'list';
  readonly items: readonly Expression[];
}

export interface InvocationExpr extends ExpressionBase {
  readonly kind: 'invocation';
  readonly callee: Expression;
  readonly bindings: readonly { readonly parameter: InformationItem; readonly value?: Expression }[];
}

export interface FunctionDefinitionExpr extends ExpressionBase {
  readonly kind: 'function';
  readonly functionKind: 'FEEL' | 'Java' | 'PMML';
  readonly parameters: readonly InformationItem[];
  readonly body?: Expression;
}

export interface ConditionalExpr extends ExpressionBase {
  readonly kind: 'conditional';
  readonly if: Expression;
  readonly then: Expression;
  readonly else: Expression;
}

export interface FilterExpr extends ExpressionBase {
  readonly kind: 'filter';
  readonly in: Expression;
  readonly match: Expression;
}

export interface IteratorExpr extends ExpressionBase {
  readonly kind: 'for' | 'some' | 'every';
  readonly variable: string;
  readonly in: Expression;
  /** `return` for `for`, `satisfies` for `some`/`every`. */
  readonly body: Expression;
}

/** An element this reader does not know; compiling it reports an error naming the element. */
export interface UnsupportedExpr extends ExpressionBase {
  readonly kind: 'unsupported';
  readonly element: string;
}

export type Expression =
  | LiteralExpression
  | DecisionTable
  | ContextExpr
  | RelationExpr
  | ListExpr
  | InvocationExpr
  | FunctionDefinitionExpr
  | ConditionalExpr
  | FilterExpr
  | IteratorExpr
  | UnsupportedExpr;
