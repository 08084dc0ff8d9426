import { describe, expect, it } from 'vitest';
import { buildProcessApplication } from './process-application';

describe('buildProcessApplication', () => {
  it('given a DMN file with its TCK decision tests, then the DMN is a resource and the tests are left out saying flowdeck test runs them', () => {
    const app = buildProcessApplication([
      { path: 'rules/loan.dmn', kind: 'dmn', text: '<definitions/>' },
      { path: 'rules/loan-test-01.xml', kind: 'dmnTest', text: '<testCases/>' },
    ]);
    expect(app.resources.map((r) => r.path)).toEqual(['rules/loan.dmn']);
    expect(app.left).toEqual([{ path: 'rules/loan-test-01.xml', reason: 'a DMN TCK test-case file, which Camunda 8 does not run (`flowdeck test` does)' }]);
  });
});
