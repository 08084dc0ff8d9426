import { Decimal } from './decimal';
import { FeelContext, FeelFunction, type FeelParam, type FeelValue } from './values';

/**
 * `function(...) external {java: {class, method signature}}` cannot load Java in a browser; instead a
 * whitelist of side-effect-free JDK methods (java.lang.Math and the boxed-number/String factories)
 * is emulated, so that models written for Java engines keep working. Unknown methods give null.
 */

type JavaArg = number | string | null;
type JavaImpl = (args: JavaArg[]) => FeelValue;

const num = (x: number): FeelValue => (Number.isFinite(x) ? new Decimal(x) : null);
const math1 = (f: (x: number) => number): JavaImpl => ([x]) => (typeof x === 'number' ? num(f(x)) : null);
const math2 = (f: (x: number, y: number) => number): JavaImpl => ([x, y]) => (typeof x === 'number' && typeof y === 'number' ? num(f(x, y)) : null);
const parseNum = (integral: boolean): JavaImpl => ([s]) => {
  if (typeof s === 'number') return num(integral ? Math.trunc(s) : s);
  if (typeof s !== 'string' || !(integral ? /^[-+]?\d+$/ : /^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/).test(s.trim())) return null;
  return new Decimal(s.trim());
};

const METHODS: Record<string, JavaImpl> = {
  'java.lang.Math.abs': math1(Math.abs),
  'java.lang.Math.acos': math1(Math.acos),
  'java.lang.Math.asin': math1(Math.asin),
  'java.lang.Math.atan': math1(Math.atan),
  'java.lang.Math.atan2': math2(Math.atan2),
  'java.lang.Math.cbrt': math1(Math.cbrt),
  'java.lang.Math.ceil': math1(Math.ceil),
  'java.lang.Math.cos': math1(Math.cos),
  'java.lang.Math.cosh': math1(Math.cosh),
  'java.lang.Math.exp': math1(Math.exp),
  'java.lang.Math.floor': math1(Math.floor),
  'java.lang.Math.hypot': math2(Math.hypot),
  'java.lang.Math.log': math1(Math.log),
  'java.lang.Math.log10': math1(Math.log10),
  'java.lang.Math.max': math2(Math.max),
  'java.lang.Math.min': math2(Math.min),
  'java.lang.Math.pow': math2(Math.pow),
  'java.lang.Math.round': math1((x) => Math.floor(x + 0.5)),
  'java.lang.Math.signum': math1(Math.sign),
  'java.lang.Math.sin': math1(Math.sin),
  'java.lang.Math.sinh': math1(Math.sinh),
  'java.lang.Math.sqrt': math1(Math.sqrt),
  'java.lang.Math.tan': math1(Math.tan),
  'java.lang.Math.tanh': math1(Math.tanh),
  'java.lang.Math.toDegrees': math1((x) => (x * 180) / Math.PI),
  'java.lang.Math.toRadians': math1((x) => (x * Math.PI) / 180),
  'java.lang.Integer.valueOf': parseNum(true),
  'java.lang.Integer.parseInt': parseNum(true),
  'java.lang.Long.valueOf': parseNum(true),
  'java.lang.Long.parseLong': parseNum(true),
  'java.lang.Short.valueOf': parseNum(true),
  'java.lang.Byte.valueOf': parseNum(true),
  'java.lang.Double.valueOf': parseNum(false),
  'java.lang.Double.parseDouble': parseNum(false),
  'java.lang.Float.valueOf': parseNum(false),
  'java.lang.Float.parseFloat': parseNum(false),
  'java.lang.String.valueOf': ([x]) => (x === null ? null : String(x)),
  'java.lang.String.format': ([fmt, ...rest]) => {
    if (typeof fmt !== 'string') return null;
    const args = rest.length === 1 && Array.isArray(rest[0]) ? (rest[0] as JavaArg[]) : rest;
    let i = 0;
    return fmt.replace(/%[sd%n]/g, (m) => (m === '%%' ? '%' : m === '%n' ? '\n' : String(args[i++] ?? 'null')));
  },
};

const INTEGRAL = new Set(['int', 'long', 'short', 'byte', 'java.lang.Integer', 'java.lang.Long', 'java.lang.Short', 'java.lang.Byte']);
const FLOATING = new Set(['double', 'float', 'java.lang.Double', 'java.lang.Float', 'java.lang.Number', 'java.math.BigDecimal']);

/** FEEL argument to the Java parameter type, or undefined when it cannot convert. */
function toJava(v: FeelValue, type: string): JavaArg | JavaArg[] | undefined {
  if (v === null) return null;
  if (INTEGRAL.has(type) || FLOATING.has(type)) return v instanceof Decimal ? (INTEGRAL.has(type) ? v.trunc().toNumber() : v.toNumber()) : undefined;
  if (type === 'char' || type === 'java.lang.Character') return typeof v === 'string' && [...v].length === 1 ? v : undefined;
  if (type === 'java.lang.String') return typeof v === 'string' ? v : undefined;
  if (type === '[Ljava.lang.Object;' || type === 'java.lang.Object...') {
    const xs = Array.isArray(v) ? v : [v];
    return xs.map((x) => (x instanceof Decimal ? x.toNumber() : typeof x === 'string' ? x : x === null ? null : String(x)));
  }
  if (type === 'java.lang.Object') return v instanceof Decimal ? v.toNumber() : typeof v === 'string' ? v : undefined;
  return undefined;
}

/**
 * A FEEL function value for a Java method, or null when the method is not in the whitelist.
 * @example javaFunction('java.lang.Math', 'max(double, double)', [{ name: 'a' }, { name: 'b' }])
 */
export function javaFunction(className: string, signature: string, params: readonly FeelParam[]): FeelFunction | null {
  const m = /^\s*([\w$]+)\s*\(([^)]*)\)\s*$/.exec(signature);
  if (!m) return null;
  const impl = METHODS[`${className.trim()}.${m[1]}`];
  if (!impl) return null;
  const types = m[2].split(',').map((s) => s.trim()).filter(Boolean);
  if (types.length !== params.length) return null;
  return new FeelFunction(`${className}.${m[1]}`, params, (args, call) => {
    const jargs: JavaArg[] = [];
    for (let i = 0; i < types.length; i++) {
      const j = toJava(args[i] ?? null, types[i]);
      if (j === undefined) {
        call.warn(`${m[1]}(): argument ${i + 1} cannot be passed as ${types[i]}`);
        return null;
      }
      jargs.push(j as JavaArg);
    }
    return impl(jargs);
  });
}

/** Reads `{java: {class: ..., method signature: ...}}` (the value of an `external` body). */
export function javaFunctionFromContext(v: FeelValue, params: readonly FeelParam[]): FeelFunction | null {
  const java = v instanceof FeelContext ? v.entries.get('java') : null;
  if (!(java instanceof FeelContext)) return null;
  const cls = java.entries.get('class');
  const sig = java.entries.get('method signature');
  return typeof cls === 'string' && typeof sig === 'string' ? javaFunction(cls, sig, params) : null;
}
