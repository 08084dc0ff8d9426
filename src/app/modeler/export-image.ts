/**
 * Diagram images: SVG straight from bpmn-js, PNG by drawing that SVG onto a canvas. The SVG is
 * loaded from a blob: URL, which the app's CSP allows for images and which keeps the canvas
 * untainted so `toBlob` works.
 *
 * @example
 * ```ts
 * downloadBlob('order.png', await svgToPng(svg, 2));
 * ```
 */
export async function svgToPng(svg: string, scale = 2, background = '#ffffff'): Promise<Blob> {
  const { width, height } = svgSize(svg);
  const url = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml' }));
  try {
    const image = new Image();
    image.decoding = 'sync';
    await new Promise<void>((resolve, reject) => {
      image.onload = () => resolve();
      image.onerror = () => reject(new Error('The diagram SVG could not be rendered as an image.'));
      image.src = url;
    });
    const canvas = document.createElement('canvas');
    canvas.width = Math.max(1, Math.ceil(width * scale));
    canvas.height = Math.max(1, Math.ceil(height * scale));
    const context = canvas.getContext('2d');
    if (!context) throw new Error('No 2D canvas available for PNG export.');
    context.fillStyle = background;
    context.fillRect(0, 0, canvas.width, canvas.height);
    context.drawImage(image, 0, 0, canvas.width, canvas.height);
    return await new Promise<Blob>((resolve, reject) =>
      canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('PNG encoding failed.'))), 'image/png'),
    );
  } finally {
    URL.revokeObjectURL(url);
  }
}

/** Width and height of an SVG document from its root `width`/`height` or `viewBox`. */
export function svgSize(svg: string): { width: number; height: number } {
  const root = /<svg\b[^>]*>/i.exec(svg)?.[0] ?? '';
  const attribute = (name: string) => new RegExp(`\\s${name}="([^"]+)"`, 'i').exec(root)?.[1];
  const width = parseFloat(attribute('width') ?? '');
  const height = parseFloat(attribute('height') ?? '');
  if (width > 0 && height > 0) return { width, height };
  const box = (attribute('viewBox') ?? '').split(/[\s,]+/).map(Number);
  if (box.length === 4 && box[2] > 0 && box[3] > 0) return { width: box[2], height: box[3] };
  return { width: 300, height: 150 };
}

/** Saves a blob as a file through a temporary link (works offline, no server round-trip). */
export function downloadBlob(fileName: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.rel = 'noopener';
  document.body.append(link);
  link.click();
  link.remove();
  // Revoke later: Chromium starts the download asynchronously from the click.
  window.setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
