/**
 * Saving what Explore shows: the picture as SVG or PNG, the table as CSV. Everything is made
 * in the page from what it already drew; nothing leaves the browser but the downloaded file.
 */

function download(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.click();
  // The download has its own copy of the data once started.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

function svgText(svg: SVGSVGElement): string {
  const copy = svg.cloneNode(true) as SVGSVGElement;
  // The page's interaction state is not part of the picture.
  copy.querySelectorAll('[tabindex]').forEach((element) => element.removeAttribute('tabindex'));
  return `<?xml version="1.0" encoding="UTF-8"?>\n${new XMLSerializer().serializeToString(copy)}`;
}

export function saveSvg(svg: SVGSVGElement, name: string): void {
  download(new Blob([svgText(svg)], { type: 'image/svg+xml' }), name);
}

/** Browsers refuse canvases much wider or taller than this (Chrome: 32,767 px a side). */
const MAX_CANVAS_SIDE = 16_000;

/**
 * The picture drawn at twice its size, so it stays sharp on a slide or in print; a picture of many
 * periods is drawn smaller, to fit the largest canvas browsers allow.
 */
export async function savePng(svg: SVGSVGElement, name: string): Promise<void> {
  const width = Number(svg.getAttribute('width'));
  const height = Number(svg.getAttribute('height'));
  const scale = Math.min(2, MAX_CANVAS_SIDE / width, MAX_CANVAS_SIDE / height);
  const url = URL.createObjectURL(new Blob([svgText(svg)], { type: 'image/svg+xml' }));
  try {
    const image = new Image();
    image.src = url;
    await image.decode();
    const canvas = document.createElement('canvas');
    canvas.width = Math.round(width * scale);
    canvas.height = Math.round(height * scale);
    const context = canvas.getContext('2d')!;
    context.scale(scale, scale);
    context.drawImage(image, 0, 0, width, height);
    const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'));
    if (!blob) throw new Error('the picture is too large to save as PNG');
    download(blob, name);
  } finally {
    URL.revokeObjectURL(url);
  }
}

export function saveCsv(csv: string, name: string): void {
  download(new Blob([csv], { type: 'text/csv;charset=utf-8' }), name);
}
