/**
 * Fitting an imported diagram into the part of the canvas nothing covers. bpmn-js' own
 * `zoom('fit-viewport')` fits the whole container, so the left of the diagram ends up under the
 * palette, which floats over the canvas.
 */

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** How far overlays reach into the canvas from each side, in screen pixels. */
export interface Insets {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/**
 * The viewbox (diagram coordinates) that shows `inner` (the diagram's bounding box) centred in the
 * free part of a canvas of size `outer`, with `padding` around it, never zoomed in beyond `maxScale`.
 *
 * @example
 * canvas.viewbox(viewboxToFit(canvas.viewbox().inner, { width: 800, height: 600 }, { left: 60, top: 0, right: 0, bottom: 0 }));
 */
export function viewboxToFit(inner: Box, outer: { width: number; height: number }, insets: Insets, padding = 24, maxScale = 1): Box {
  const freeWidth = Math.max(1, outer.width - insets.left - insets.right);
  const freeHeight = Math.max(1, outer.height - insets.top - insets.bottom);
  const scale = Math.min((freeWidth - 2 * padding) / Math.max(1, inner.width), (freeHeight - 2 * padding) / Math.max(1, inner.height), maxScale);
  const safe = scale > 0 ? scale : Math.min(freeWidth / Math.max(1, inner.width), freeHeight / Math.max(1, inner.height));
  const centreX = insets.left + freeWidth / 2;
  const centreY = insets.top + freeHeight / 2;
  return {
    x: inner.x + inner.width / 2 - centreX / safe,
    y: inner.y + inner.height / 2 - centreY / safe,
    width: outer.width / safe,
    height: outer.height / safe,
  };
}

/** The insets of the overlays (the palette) inside `container`, measured in the page. */
export function overlayInsets(container: HTMLElement): Insets {
  const box = container.getBoundingClientRect();
  const insets: Insets = { left: 0, top: 0, right: 0, bottom: 0 };
  for (const palette of container.querySelectorAll<HTMLElement>('.djs-palette')) {
    const rect = palette.getBoundingClientRect();
    if (rect.width === 0 || rect.height === 0) continue;
    // The palette is a column on the left: everything right of it is free.
    if (rect.left - box.left < box.width / 2) insets.left = Math.max(insets.left, rect.right - box.left);
  }
  return insets;
}
