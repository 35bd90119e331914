/** Bundles bench/matcher-entry.ts (the extension's matcher) into one classic script for injection into pages. */
import { build } from 'esbuild';
import path from 'node:path';

export async function bundleMatcher(root: string): Promise<string> {
  const result = await build({
    entryPoints: [path.join(root, 'bench/matcher-entry.ts')],
    bundle: true,
    format: 'iife',
    target: 'chrome120',
    // Readable names in CPU profiles matter more here than bytes.
    minify: false,
    keepNames: false,
    write: false,
    tsconfig: path.join(root, 'tsconfig.json'),
    logLevel: 'silent',
  });
  return result.outputFiles[0]!.text;
}
