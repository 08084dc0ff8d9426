import { describe, expect, it } from 'vitest';
import { createCallContext, Decimal, invoke, javaFunction } from './index';
import { feel, run } from './test-support/helpers';

describe('FEEL external Java functions (whitelisted emulation)', () => {
  it('given java.lang.Math methods, when defined with external, then they are callable', () => {
    expect(feel('{max: function(a, b) external {java: {class: "java.lang.Math", method signature: "max(double, double)"}}, r: max(123.45, 456.78)}.r')).toBe('456.78');
    expect(feel('{f: function(a, b) external {java: {class: "java.lang.Math", method signature: "max(int,int)"}}, r: f(123, 456)}.r')).toBe('456');
  });

  it('given boxed-number and String factories, when called, then values convert', () => {
    expect(feel('{f: function(s) external {java: {class: "java.lang.Integer", method signature: "valueOf(java.lang.String)"}}, r: f("123")}.r')).toBe('123');
    expect(feel('{f: function(c) external {java: {class: "java.lang.String", method signature: "valueOf(char)"}}, r: f("a")}.r')).toBe('"a"');
    expect(feel('{f: function(c) external {java: {class: "java.lang.String", method signature: "valueOf(char)"}}, r: f("abc")}.r')).toBe('null');
    expect(feel('{f: function(s, o) external {java: {class: "java.lang.String", method signature: "format(java.lang.String, [Ljava.lang.Object;)"}}, r: f("foo %s", "bar")}.r')).toBe('"foo bar"');
  });

  it('given an unknown class or method, when defined, then the function is null with a warning', () => {
    const r = run('{f: function(a) external {java: {class: "java.lang.Foo", method signature: "valueOf(double)"}}, r: f(1)}.r');
    expect(r.value).toBeNull();
    expect(r.warnings[0].message).toMatch(/external function is not supported/);
  });

  it('given javaFunction from host code (boxed function definitions of kind Java), when invoked, then it runs', () => {
    const fn = javaFunction('java.lang.Math', 'pow(double, double)', [{ name: 'a' }, { name: 'b' }]);
    expect(String(invoke(fn, [new Decimal(2), new Decimal(10)], createCallContext()))).toBe('1024');
    expect(javaFunction('java.lang.System', 'exit(int)', [{ name: 'code' }])).toBeNull();
  });
});
