import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseHTML } from 'linkedom';
import { afterAll, describe, expect, it } from 'vitest';
import type { AliasIndex } from '@/data/schema';
import { joinBlocks } from '@/content/scan/scan-document';
import { collectBlocks } from '@/content/scan/segments';

const ROOT = join(__dirname, '..', '..');
const dir = mkdtempSync(join(tmpdir(), 'talent-lens-scan-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const index: AliasIndex = {
  version: 1,
  people: [
    { id: 'sam-altman', en: 'Sam Altman' },
    { id: 'mark-chen', en: 'Mark Chen' },
  ],
  aliases: [
    ['Sam Altman', 0, 0],
    ['萨姆·奥尔特曼', 0, 0],
    ['奥特曼', 0, 1],
    ['奧特曼', 0, 1],
    ['Altman', 0, 1],
    ['Mark Chen', 1, 0],
    ['Chen', 1, 1],
  ],
  t2s: '奧奥',
};
const indexPath = join(dir, 'index.json');
writeFileSync(indexPath, JSON.stringify(index));

function file(name: string, content: string): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

function scan(...args: string[]) {
  const result = spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'scripts/scan.ts'), ...args], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  const lines = result.stdout
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as Record<string, unknown>);
  return { status: result.status, lines, stderr: result.stderr };
}

describe('npm run scan', () => {
  it('scans HTML with the content script pipeline; offsets index the collected text', () => {
    const html =
      '<!doctype html><html><body><h1>Sam <b>Altman</b></h1><p>Later, Altman’s memo.</p>' +
      '<textarea>Mark Chen</textarea><p>Chenille and Chen.</p></body></html>';
    const path = file('page.html', html);
    const { status, lines } = scan('--index', indexPath, path);
    expect(status).toBe(0);
    expect(lines).toEqual([
      { file: path, person: 'sam-altman', name: 'Sam Altman', text: 'Sam Altman', start: 0, end: 10, block: 0 },
      { file: path, person: 'sam-altman', name: 'Sam Altman', text: 'Altman', start: 19, end: 25, block: 1 },
    ]);
    const { document } = parseHTML(html);
    const collected = joinBlocks(collectBlocks(document as unknown as Document).map((b) => b.text)).text;
    for (const line of lines) expect(collected.slice(line.start as number, line.end as number)).toBe(line.text);
  });

  it('sniffs HTML without an extension and accepts fragments', () => {
    const path = file('fragment', '  <p>Mark Chen</p><p>Chen said</p>');
    const { lines } = scan(`--index=${indexPath}`, path);
    expect(lines.map((l) => [l.text, l.block])).toEqual([
      ['Mark Chen', 0],
      ['Chen', 1],
    ]);
  });

  it('scans plain text by paragraph; offsets index the file itself', () => {
    const text = '😀 Intro about Sam\nAltman.\n\n  \n奥特曼表示，（奧特曼）\n\nMark\nChen? No: Chenille.\n';
    const path = file('notes.txt', text);
    const { status, lines } = scan('--index', indexPath, path);
    expect(status).toBe(0);
    expect(lines.map((l) => [l.text, l.block])).toEqual([
      ['Sam\nAltman', 0],
      ['奥特曼', 1],
      ['奧特曼', 1],
      ['Mark\nChen', 2],
    ]);
    for (const line of lines) expect(text.slice(line.start as number, line.end as number)).toBe(line.text);
  });

  it('does not let a paragraph boundary join a name', () => {
    const { lines } = scan('--index', indexPath, file('split.txt', 'Sam\n\nAltman'));
    expect(lines).toEqual([]);
  });

  it('treats each file as its own page', () => {
    const a = file('a.txt', 'Sam Altman');
    const b = file('b.txt', 'Altman');
    expect(scan('--index', indexPath, a, b).lines.map((l) => l.file)).toEqual([a]);
  });

  it('reports an unreadable file on stderr with exit code 2 and still scans the others', () => {
    const good = file('good.txt', 'Sam Altman');
    const missing = join(dir, 'missing.txt');
    const { status, lines, stderr } = scan('--index', indexPath, missing, good);
    expect(status).toBe(2);
    expect(stderr).toContain(`cannot read ${missing}`);
    expect(lines.map((l) => l.file)).toEqual([good]);
  });

  it('explains a missing index', () => {
    const { status, stderr } = scan('--index', join(dir, 'nope.json'), file('x.txt', 'x'));
    expect(status).toBe(2);
    expect(stderr).toMatch(/alias index .*nope\.json does not exist/);
  });

  it('prints usage without files', () => {
    const { status, stderr } = scan('--index', indexPath);
    expect(status).toBe(2);
    expect(stderr).toContain('usage: npm run scan');
  });
});
