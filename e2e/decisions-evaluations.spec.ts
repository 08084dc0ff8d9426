import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { ok } from './engine-call';
import { freshWorkspace } from './workspace-helpers';

// The instance view lists the decisions its business rule tasks evaluated, from the
// decisionEvaluated history events: element, decision and version, inputs, matched rules, result.
const bpmn = readFileSync(new URL('./decisions-evaluations.bpmn', import.meta.url), 'utf8');
const dmn = readFileSync(new URL('../docs/examples/pricing/discount.dmn', import.meta.url), 'utf8');

test('given a process with a business rule task and its DMN deployed, when an instance runs, then its view shows the matched rules, and clicking an element filters them', async ({ page }) => {
  await freshWorkspace(page);
  await ok(page, 'deployments.deploy', { kind: 'dmn', name: 'discount.dmn', source: dmn });
  await ok(page, 'deployments.deploy', { kind: 'bpmn', name: 'pricing.bpmn', source: bpmn });
  const { instanceId } = await ok<{ instanceId: string }>(page, 'instances.start', { processId: 'pricingE2e', variables: { tier: 'gold', amount: 50 } });

  await page.goto(`/#/instances/${instanceId}`);
  const panel = page.getByTestId('decisions-panel');
  const evaluation = panel.getByTestId('decision-evaluation');
  await expect(evaluation).toHaveCount(1);
  await expect(evaluation).toHaveAttribute('data-element-id', 'Decide');
  await expect(evaluation).toContainText('discount');
  await expect(evaluation).toContainText('v1');
  await expect(evaluation.getByTestId('decision-inputs')).toContainText('"gold"');
  await expect(evaluation.getByTestId('decision-inputs')).toContainText('50');
  // FIRST: gold and 50 match rules 2 (R2) and 3 (R3); the hit policy used rule 2.
  const rules = evaluation.getByTestId('matched-rule');
  await expect(rules).toHaveCount(2);
  await expect(rules.nth(0)).toHaveAttribute('data-rule-id', 'R2');
  await expect(rules.nth(0)).toHaveAttribute('data-chosen', 'true');
  await expect(rules.nth(1)).toHaveAttribute('data-rule-id', 'R3');
  await expect(rules.nth(1)).toHaveAttribute('data-chosen', 'false');
  await expect(evaluation.getByTestId('decision-result')).toHaveText('0.05');

  // Clicking another element of the diagram filters the list; "show all" brings it back.
  await expect(page.getByTestId('instance-diagram')).toHaveAttribute('data-loaded', 'true');
  await page.locator('.djs-element[data-element-id="Review"]').click();
  await expect(panel.getByTestId('decisions-none')).toBeVisible();
  await expect(evaluation).toHaveCount(0);
  await page.locator('.djs-element[data-element-id="Decide"]').click();
  await expect(evaluation).toHaveCount(1);
  await page.getByTestId('decisions-show-all').click();
  await expect(evaluation).toHaveCount(1);
  await expect(panel).toContainText('All elements');
});
