/**
 * Gzipped sizes (node:zlib, level 9) of what each part of the built
 * extension loads: the content script (on every page), the card's code
 * (card-ui.js, which the content script imports on pages with a mention),
 * the background, and the popup (its HTML plus every script and stylesheet
 * it loads statically, shared chunks included).
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

export interface PartSize {
  files: string[];
  bytes: number;
  gzipBytes: number;
}

function sizeOf(dir: string, files: string[]): PartSize {
  let bytes = 0;
  let gzipBytes = 0;
  for (const file of files) {
    const data = readFileSync(path.join(dir, file));
    bytes += data.length;
    gzipBytes += gzipSync(data, { level: 9 }).length;
  }
  return { files, bytes, gzipBytes };
}

/** Files a script or page pulls in with static imports, <script src> and <link href>, followed transitively. */
function staticClosure(dir: string, entry: string): string[] {
  const seen = new Set<string>();
  const visit = (file: string): void => {
    if (seen.has(file) || !existsSync(path.join(dir, file))) return;
    seen.add(file);
    const text = readFileSync(path.join(dir, file), 'utf8');
    const refs = [
      ...text.matchAll(/<script[^>]*\ssrc="([^"]+)"/g),
      ...text.matchAll(/<link[^>]*\shref="([^"]+\.(?:css|js))"/g),
      ...text.matchAll(/(?:^|[;\s}])import\s*(?:[\w*{}\s,$]+from\s*)?["']([^"']+\.js)["']/g),
      ...text.matchAll(/\bfrom\s*["']([^"']+\.js)["']/g),
    ].map((m) => m[1]!);
    for (const ref of refs) {
      const resolved = ref.startsWith('/') ? ref.slice(1) : path.posix.join(path.posix.dirname(file), ref);
      visit(resolved);
    }
  };
  visit(entry);
  return [...seen];
}

export const PARTS = ['content', 'card', 'background', 'popup'] as const;

export function bundleSizes(buildDir: string): Record<(typeof PARTS)[number], PartSize> {
  const contentDir = path.join(buildDir, 'content-scripts');
  const content = readdirSync(contentDir)
    .filter((f) => f.endsWith('.js') || f.endsWith('.css'))
    .map((f) => `content-scripts/${f}`);
  return {
    content: sizeOf(buildDir, content),
    card: sizeOf(buildDir, ['card-ui.js']),
    background: sizeOf(buildDir, staticClosure(buildDir, 'background.js')),
    popup: sizeOf(buildDir, staticClosure(buildDir, 'popup.html')),
  };
}
