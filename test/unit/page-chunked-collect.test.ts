// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { chunkRoots, collectDocumentBlocks } from '@/utils/page/chunked-collect';
import { collectBlocks } from '@/utils/page/segments';
import { TaskBudget } from '@/utils/page/scheduling';

const PAGE = `
  <header>Site <b>news</b></header>
  <main>
    Loose text before, Mark
    <article><h1>Title</h1><p>Para one with Sam <b>Altman</b> inside.</p><p>Para <i>two</i>.</p>
      <div>Nested <span>inline <em>deep</em></span><ul><li>one</li><li>two <a href="#">link</a></li></ul> tail text</div>
    </article>
    Chen loose text after
    <pre>code Mark Chen</pre>
    <section>${'<p>filler <b>bold</b> text</p>'.repeat(30)}</section>
  </main>
  <footer>Foot</footer>`;

const texts = (blocks: { text: string }[]) => blocks.map((b) => b.text).sort();

describe('collectDocumentBlocks', () => {
  it('gives the same blocks as one collectBlocks walk, for every chunk size', async () => {
    document.body.innerHTML = PAGE;
    const whole = texts(collectBlocks(document));
    expect(whole.length).toBeGreaterThan(30);
    for (const limit of [1, 2, 3, 5, 8, 13, 40, 100, 10_000]) {
      // A zero budget yields at every check: the slicing itself is exercised.
      const blocks = await collectDocumentBlocks(document, new TaskBudget(0, 1), () => false, limit);
      expect(texts(blocks!), `limit ${limit}`).toEqual(whole);
    }
  });

  it('never splits text that one block holds ("Mark" before <article> stays apart from "Chen" after it)', async () => {
    document.body.innerHTML = PAGE;
    const blocks = await collectDocumentBlocks(document, new TaskBudget(0, 1), () => false, 5);
    expect(blocks!.some((b) => b.text.includes('Sam Altman inside.'))).toBe(true);
    expect(blocks!.some((b) => /Mark\s*Chen/.test(b.text))).toBe(false);
  });

  it('picks the largest small block elements as chunk roots', async () => {
    document.body.innerHTML = '<div id="big"><p id="a">one <b>two</b></p><p id="b">three</p></div>';
    const roots = await chunkRoots(document.documentElement, new TaskBudget(100), 4);
    expect(roots.map((r) => r.id)).toEqual(['a', 'b']);
    const all = await chunkRoots(document.documentElement, new TaskBudget(100), 1000);
    // The walk's own root is never a chunk: the remainder step reads what lies outside the chunks.
    expect(all.map((r) => r.localName)).toEqual(['body']);
  });

  it('stops when told the work is stale', async () => {
    document.body.innerHTML = PAGE;
    expect(await collectDocumentBlocks(document, new TaskBudget(0, 1), () => true, 5)).toBeNull();
  });
});
