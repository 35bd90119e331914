/**
 * Scans files for the people of the alias index, exactly as the content
 * script would mark them on a page.
 *
 *   npm run scan -- [--index PATH] FILE...
 *
 * HTML files (.html/.htm/.xhtml, or any file whose first non-blank
 * character is "<") are parsed with linkedom and read with the content
 * script's own block collection (content/scan/segments.ts). Other files are
 * plain text, one block per paragraph (a blank line ends a paragraph).
 * Every file is one page for the ambiguity rules: a surname counts only if
 * the same file names the person in full.
 *
 * Output: one JSON object per line per mention, in document order:
 *   {"file":"a.html","person":"sam-altman","name":"Sam Altman","text":"Altman","start":120,"end":126,"block":3}
 * - file: the path as given; person: the person's id; name: their English name;
 * - text: the mention as written in the page;
 * - block: index of the block (HTML) or paragraph (plain text), from 0;
 * - start/end: UTF-16 code-unit offsets, end exclusive, such that
 *   collected.slice(start, end) === text, where `collected` is
 *   - for plain text: the file's content itself (decoded as UTF-8);
 *   - for HTML: the page's text as collected, i.e. the text of each block
 *     (its text nodes' data concatenated, unmodified) joined by "\n\n"
 *     (joinBlocks in content/scan/scan-document.ts).
 *
 * The index defaults to data/generated/alias-index.json (built by
 * `npm run data`). Exit code: 0 when every file was scanned, 2 when a file
 * could not be read or the index could not be loaded (other files are still
 * scanned).
 */
import { existsSync, readFileSync } from 'node:fs';
import { extname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DOMParser } from 'linkedom';
import type { AliasIndex } from '../data/schema';
import { createMatcher, type Matcher } from '../utils/match/matcher';
import { joinBlocks, paragraphs, scanDocument, scanTexts, type BlockMention } from '@/content/scan/scan-document';

const DEFAULT_INDEX = fileURLToPath(new URL('../data/generated/alias-index.json', import.meta.url));
const USAGE = 'usage: npm run scan -- [--index PATH] FILE...';

/** A mention placed in the file's collected text (see the header). */
interface Located {
  mention: BlockMention;
  start: number;
  text: string;
}

function locateAll(mentions: BlockMention[], blocks: ReadonlyArray<{ text: string; offset: number }>): Located[] {
  return mentions.map((mention) => {
    const block = blocks[mention.block]!;
    return { mention, start: block.offset + mention.start, text: block.text.slice(mention.start, mention.end) };
  });
}

function fail(message: string): never {
  process.stderr.write(`scan: ${message}\n`);
  process.exit(2);
}

function parseArgs(argv: string[]): { index: string; files: string[] } {
  let index = DEFAULT_INDEX;
  const files: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--index') {
      const value = argv[++i];
      if (!value) fail(`--index needs a path\n${USAGE}`);
      index = resolve(value);
    } else if (arg.startsWith('--index=')) index = resolve(arg.slice('--index='.length));
    else if (arg === '--help' || arg === '-h') {
      process.stdout.write(`${USAGE}\n`);
      process.exit(0);
    } else if (arg === '--') continue;
    else if (arg.startsWith('--')) fail(`unknown option ${arg}\n${USAGE}`);
    else files.push(arg);
  }
  if (files.length === 0) fail(`no file given\n${USAGE}`);
  return { index, files };
}

function loadIndex(path: string): AliasIndex {
  if (!existsSync(path)) {
    fail(
      path === DEFAULT_INDEX
        ? `the alias index ${path} does not exist: run \`npm run data\` first (or pass --index PATH)`
        : `the alias index ${path} does not exist`,
    );
  }
  let index: AliasIndex;
  try {
    index = JSON.parse(readFileSync(path, 'utf8')) as AliasIndex;
  } catch (error) {
    fail(`cannot read the alias index ${path}: ${(error as Error).message}`);
  }
  if (index?.version !== 1 || !Array.isArray(index.people) || !Array.isArray(index.aliases) || typeof index.t2s !== 'string') {
    fail(`${path} is not an alias index (version 1); run \`npm run data\` to rebuild it`);
  }
  return index;
}

function isHtml(file: string, content: string): boolean {
  return ['.html', '.htm', '.xhtml'].includes(extname(file).toLowerCase()) || content.trimStart().startsWith('<');
}

function scanHtml(content: string, matcher: Matcher, index: AliasIndex): Located[] {
  // linkedom drops text outside an <html> element: give fragments one.
  const source = /<html[\s>]/i.test(content) ? content : `<!doctype html><html><body>${content}</body></html>`;
  const document = new DOMParser().parseFromString(source, 'text/html');
  const { blocks, mentions } = scanDocument(document as unknown as Document, matcher, undefined, index);
  const { offsets } = joinBlocks(blocks.map((b) => b.text));
  return locateAll(
    mentions,
    blocks.map((b, i) => ({ text: b.text, offset: offsets[i]! })),
  );
}

function scanPlain(content: string, matcher: Matcher, index: AliasIndex): Located[] {
  const paras = paragraphs(content);
  return locateAll(
    scanTexts(
      paras.map((p) => p.text),
      matcher,
      index,
    ),
    paras,
  );
}

function main(): void {
  const { index: indexPath, files } = parseArgs(process.argv.slice(2));
  const index = loadIndex(indexPath);
  const matcher = createMatcher(index);
  let status = 0;
  for (const file of files) {
    let content: string;
    try {
      content = readFileSync(file, 'utf8');
    } catch (error) {
      process.stderr.write(`scan: cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}\n`);
      status = 2;
      continue;
    }
    const located = isHtml(file, content) ? scanHtml(content, matcher, index) : scanPlain(content, matcher, index);
    const lines = located.map(({ mention, start, text }) => {
      const person = index.people[mention.person]!;
      return JSON.stringify({ file, person: person.id, name: person.en, text, start, end: start + text.length, block: mention.block });
    });
    if (lines.length > 0) process.stdout.write(`${lines.join('\n')}\n`);
  }
  process.exitCode = status;
}

main();
