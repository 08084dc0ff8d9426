import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join, resolve } from 'node:path';
import { expect, type Page } from '@playwright/test';

const repoRoot = fileURLToPath(new URL('..', import.meta.url));

/**
 * The BPMN MIWG suite beside the repository (`$BPMN_MIWG_DIR`, `../shared/bpmn-miwg`, or beside a
 * worktree's parent), as the Node round trip finds it; fails naming where it looked.
 */
export function miwgDir(): string {
  const candidates = process.env.BPMN_MIWG_DIR ? [resolve(process.env.BPMN_MIWG_DIR)] : [join(repoRoot, '..', 'shared', 'bpmn-miwg'), join(repoRoot, '..', '..', 'shared', 'bpmn-miwg')];
  const found = candidates.find((dir) => existsSync(join(dir, 'Vendors')));
  if (!found) throw new Error(`The BPMN MIWG files were not found; looked in ${candidates.join(' and ')}. Set BPMN_MIWG_DIR.`);
  return found;
}

/** Drops files on the shell's Open file input, as a user picking them does. */
export async function openFiles(page: Page, files: Array<{ name: string; buffer: Buffer }>): Promise<void> {
  await page.getByTestId('open-file-input').setInputFiles(files.map((f) => ({ ...f, mimeType: 'application/octet-stream' })));
}

export function miwgFile(relative: string): { name: string; buffer: Buffer } {
  return { name: relative.split('/').pop()!, buffer: readFileSync(join(miwgDir(), relative)) };
}

/**
 * What the live modeler shows of its first diagram: the DI elements it drew, and the DI elements
 * that could have been drawn (they point at a flow node, flow, pool, lane, artifact or data
 * reference) but were not.
 */
export async function canvasCoverage(page: Page) {
  return page.evaluate(() => {
    type Element = { id: string; type: string; labelTarget?: unknown; waypoints?: unknown; x: number; y: number; width: number; height: number; di?: unknown };
    const handle = window.__flowdeckEditors!.bpmn as { modeler: { get(name: string): unknown; getDefinitions(): { diagrams: Array<{ plane: { planeElement?: Array<{ id?: string; bpmnElement?: { id: string; $type: string } }> } }> } } };
    const registry = handle.modeler.get('elementRegistry') as { getAll(): Element[]; get(id: string): Element | undefined };
    const drawn = registry.getAll().filter((e) => !e.labelTarget && e.type !== 'label' && !/^bpmn:(Process|Collaboration)$/.test(e.type) && !e.id.endsWith('_plane') && e.id !== '__implicitroot');
    const plane = handle.modeler.getDefinitions().diagrams[0].plane;
    const undrawable = /^bpmn:(Process|Message|DataObject|Definitions)$/;
    const missing = (plane.planeElement ?? []).filter((di) => di.bpmnElement && !undrawable.test(di.bpmnElement.$type) && !registry.get(di.bpmnElement.id)).map((di) => `${di.bpmnElement!.$type} ${di.bpmnElement!.id}`);
    const shapes = drawn.filter((e) => !e.waypoints).map((e) => ({ id: e.id, x: e.x, y: e.y, width: e.width, height: e.height }));
    return { drawn: drawn.length, missing, shapes };
  });
}

/** Screen boxes of the drawn shapes and of the palette, to check what covers what. */
export async function screenLayout(page: Page) {
  const palette = await page.locator('[data-testid=bpmn-canvas] .djs-palette').boundingBox();
  const canvas = await page.getByTestId('bpmn-canvas').boundingBox();
  const shapes = await page.locator('[data-testid=bpmn-canvas] .djs-shape:not(.djs-frame) .djs-visual').evaluateAll((nodes) =>
    nodes.map((n) => {
      const r = n.getBoundingClientRect();
      return { left: r.left, right: r.right, top: r.top, bottom: r.bottom };
    }),
  );
  return { palette, canvas, shapes };
}

export async function expectEditorOpen(page: Page): Promise<void> {
  await expect(page.getByTestId('bpmn-canvas')).toBeVisible({ timeout: 30_000 });
  await page.waitForFunction(() => Boolean(window.__flowdeckEditors?.bpmn), undefined, { timeout: 30_000 });
  await expect(page.locator('[data-testid=bpmn-canvas] .djs-element').first()).toBeAttached({ timeout: 30_000 });
}
