// @vitest-environment happy-dom
/**
 * The page's first read (content/scan/candidate-walk.ts) against the reference:
 * collectBlocks over the whole document and the matcher without its
 * prefilter on every block. The walk may keep blocks where nothing is found,
 * but must keep every block with a hit, as the same TextBlock, and its
 * candidates must lead the matcher to the same hits.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { buildAliasIndex } from '@/utils/dataset/build';
import { loadDatasetFiles } from '@/utils/dataset/load-files';
import { validateDataset } from '@/utils/dataset/validate';
import { createMatcher, createPrefilter, type Hit } from '@/utils/match/matcher';
import { collectCandidateBlocks, GATE_PEEK_NODES, mayNameSomeone, type CandidateBlock } from '@/content/scan/candidate-walk';
import { collectBlocks, type TextBlock } from '@/content/scan/segments';
import { TaskBudget } from '@/content/scheduling';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const index = buildAliasIndex(validateDataset(loadDatasetFiles(path.join(root, 'data'))));
const prefilter = createPrefilter(index);
// Piecewise however dense the candidates: the ends the walk reports are what is under test.
const matcher = createMatcher(index, { prefilter, alwaysPiecewise: true });
const reference = createMatcher(index, { prefilter: false });
const hitKey = (h: Hit) => `${h.start}:${h.end}:${h.person}:${h.alias}`;

/** A budget that never asks to yield (the walk in one go). */
const unlimited = () => new TaskBudget(1e9);
/** A budget spent at every check: the walk yields between every two nodes. */
const exhausted = () => new TaskBudget(0, 1);

/** Blocks with their hits as the reference finds them. */
function referenceBlocks(): Array<{ block: TextBlock; hits: string[] }> {
  return collectBlocks(document)
    .map((block) => ({ block, hits: reference.scan(block.text).map(hitKey) }))
    .filter((b) => b.hits.length > 0);
}

/** Checks the walk's result against the reference for the document as it is now. */
function expectSameAsReference(walked: CandidateBlock[]): void {
  const all = collectBlocks(document);
  for (const { block, ends } of walked) {
    // Every kept block is a real block, the same TextBlock the reference collects.
    const twin = all.find((b) => b.nodes[0] === block.nodes[0]);
    expect(twin, JSON.stringify(block.text)).toBeDefined();
    expect(block.text).toBe(twin!.text);
    expect(block.element).toBe(twin!.element);
    expect(block.nodes).toEqual(twin!.nodes);
    expect(Array.from(block.starts)).toEqual(Array.from(twin!.starts));
    expect(ends.length).toBeGreaterThan(0);
    for (const end of ends) expect(end >= 0 && end <= block.text.length).toBe(true);
  }
  const found = walked
    .map(({ block, ends }) => ({ text: block.text, hits: matcher.scan(block.text, ends).map(hitKey) }))
    .filter((b) => b.hits.length > 0);
  expect(found).toEqual(referenceBlocks().map(({ block, hits }) => ({ text: block.text, hits })));
}

const PAGE = `
  <header>Site <b>news</b> · 新闻</header>
  <main>
    Loose text before, Mark
    <article><h1>Sam Altman's week</h1><p>Para one with Sam <b>Altman</b> inside.</p><p>Para <i>two</i> names nobody.</p>
      <div>Nested <span>inline <em>deep</em></span><ul><li>one</li><li>Trapit <a href="#">Bansal</a> left</li></ul> tail text</div>
      <p>  </p><p><b>萨姆</b>·奥尔特曼表示，<span>  </span>赵晟佳也在。</p>
    </article>
    Chen loose text after, current and remarkable words
    <pre>code Mark Chen</pre>
    <textarea>Sam Altman</textarea>
    <section>${'<p>filler <b>bold</b> text about current events</p>'.repeat(30)}</section>
    <p>Alexandr Wang</p>
  </main>
  <footer>Foot: Shengjia Zhao</footer>`;

describe('collectCandidateBlocks', () => {
  beforeEach(() => {
    document.body.innerHTML = PAGE;
  });

  it('keeps the blocks with names, as collectBlocks gives them, and leads the matcher to the same hits', async () => {
    const walked = (await collectCandidateBlocks(document, prefilter, unlimited(), () => false))!;
    expectSameAsReference(walked);
    // Most blocks name nobody and are not kept: the filler section is read and dropped.
    expect(walked.length).toBeLessThan(collectBlocks(document).length / 4);
    expect(walked.map((b) => b.block.text)).toContain('Trapit Bansal left');
  });

  it('gives the same result when it yields between every two nodes', async () => {
    const whole = (await collectCandidateBlocks(document, prefilter, unlimited(), () => false))!;
    const sliced = (await collectCandidateBlocks(document, prefilter, exhausted(), () => false))!;
    expect(sliced.map((b) => [b.block.text, b.ends])).toEqual(whole.map((b) => [b.block.text, b.ends]));
  });

  it('streams a long text node in slices and finds the names across the slice seams', async () => {
    // Slices are 16,384 characters: "Mark Chen" straddles the third seam, "Sam Altman" the first.
    const filler = 'lorem ipsum dolor '.repeat(3000);
    const head = `${filler.slice(0, 16_384 - 5)} Sam Altman `;
    const middle = `${filler.slice(0, 49_152 - 4 - head.length - 16)} Ilya Sutskever `;
    document.body.innerHTML = `<p>${head}${middle}Mark Chen ${filler}</p>`;
    expect(document.body.textContent!.indexOf('Mark Chen')).toBe(49_148);
    const walked = (await collectCandidateBlocks(document, prefilter, exhausted(), () => false))!;
    expectSameAsReference(walked);
    expect(matcher.scan(walked[0]!.block.text, walked[0]!.ends).map((h) => walked[0]!.block.text.slice(h.start, h.end))).toEqual([
      'Sam Altman',
      'Ilya Sutskever',
      'Mark Chen',
    ]);
  });

  it('the gate tells a page that names nobody in full from its first text nodes and its textContent, without walking it', async () => {
    // The prototype that defines textContent for the root element (happy-dom's own chain).
    let owner: object = document.documentElement;
    while (!Object.getOwnPropertyDescriptor(owner, 'textContent')) owner = Object.getPrototypeOf(owner);
    const textContent = vi.spyOn(owner as Node, 'textContent', 'get');
    const rootReads = () => textContent.mock.contexts.filter((node) => node === document.documentElement).length;
    const gate = () => mayNameSomeone(document, prefilter, exhausted(), () => false);
    // A name near the top is found among the first text nodes: the page's text is never copied whole.
    document.body.innerHTML = '<h1>Sam Altman returns</h1>' + '<p>filler text, nobody named.</p>'.repeat(200);
    expect(await gate()).toBe(true);
    expect(rootReads()).toBe(0);
    // Past the first GATE_PEEK_NODES text nodes, the rest is read whole.
    document.body.innerHTML = '<p>filler text, nobody named.</p>'.repeat(GATE_PEEK_NODES) + '<p>Then Mark <b>Chen</b> spoke.</p>';
    expect(await gate()).toBe(true);
    expect(rootReads()).toBe(1);
    const nextNode = vi.spyOn(TreeWalker.prototype, 'nextNode');
    document.body.innerHTML = '<p>Nothing here names anyone: current, remarkable, Chenille.</p><p>这里没有人名。</p>'.repeat(50);
    expect(await gate()).toBe(false);
    // Partial surnames alone count for nothing until a full name: still closed. (Changed on purpose
    // with the evidence model: shared surnames such as Altman and 奥特曼 open the gate, as they may
    // count with evidence; so the sentence holds partial ones only.)
    document.body.insertAdjacentHTML('beforeend', '<p>Brockman and Chen and 布罗克曼 spoke.</p>');
    expect(await gate()).toBe(false);
    // A full name split over elements and glued to the text around its block opens it.
    document.body.insertAdjacentHTML('beforeend', '<p>x</p><p>Mark <b>Chen</b></p><p>y</p>');
    expect(await gate()).toBe(true);
    // No walk: at most the first GATE_PEEK_NODES text nodes of each page were visited one by one
    // (elements are looked at for shadow roots through a collection, not a walk of the text).
    expect(nextNode.mock.calls.length).toBeLessThanOrEqual(3 * (GATE_PEEK_NODES + 1));
    // A long page is read in slices, with yields between them; stale at a yield: no answer.
    document.body.innerHTML = `<p>${'lorem ipsum '.repeat(50)}</p>`.repeat(GATE_PEEK_NODES + 100);
    expect(await mayNameSomeone(document, prefilter, exhausted(), () => true)).toBeNull();
    nextNode.mockRestore();
    textContent.mockRestore();
  });

  it('the gate reads the text of open shadow roots (nested too), which textContent leaves out, and reports the roots', async () => {
    document.body.innerHTML = '<p>Nothing here names anyone.</p><div id="host"></div><x-late></x-late>';
    const root = document.getElementById('host')!.attachShadow({ mode: 'open' });
    root.innerHTML = '<p>Still nobody.</p><span id="nested"></span>';
    const nested = (root.getElementById('nested') as HTMLElement).attachShadow({ mode: 'open' });
    nested.innerHTML = '<p>Nobody at all.</p>';
    const roots: ShadowRoot[] = [];
    const waiting: Element[] = [];
    const finds = { shadowRoot: (r: ShadowRoot) => roots.push(r), customElement: (e: Element) => waiting.push(e) };
    expect(await mayNameSomeone(document, prefilter, exhausted(), () => false, finds)).toBe(false);
    expect(roots).toEqual([root, nested]);
    expect(waiting.map((e) => e.localName)).toEqual(['x-late']);
    nested.innerHTML = '<p>Then Mark <b>Chen</b> spoke.</p>';
    expect(await mayNameSomeone(document, prefilter, exhausted(), () => false)).toBe(true);
  });

  it('walks a shadow root as text of its own, in the block around its host', async () => {
    document.body.innerHTML = '<div id="around"><p>Before.</p><span id="host"></span></div>';
    const root = document.getElementById('host')!.attachShadow({ mode: 'open' });
    root.innerHTML = 'Sam <b>Altman</b> spoke.<p>Mira Murati answered.</p>';
    const blocks = (await collectCandidateBlocks(root, prefilter, exhausted(), () => false))!;
    expect(blocks.map(({ block }) => [block.text, block.element.id || block.element.localName])).toEqual([
      ['Sam Altman spoke.', 'around'],
      ['Mira Murati answered.', 'p'],
    ]);
  });

  it('returns null when the result goes stale during a yield', async () => {
    expect(await collectCandidateBlocks(document, prefilter, exhausted(), () => true)).toBeNull();
  });

  it('keeps its place when the page removes the node it stopped at: the enclosing block is read again', async () => {
    // The page changes once, while the walk waits inside the article.
    let changed = false;
    const budget = exhausted();
    const originalYield = budget.yield.bind(budget);
    budget.yield = async () => {
      await originalYield();
      const target = document.querySelector('article p');
      if (!changed && target && document.querySelector('article')!.contains(target) && target.textContent!.includes('Para one')) {
        // Only once the walk is past the first paragraph's start.
        changed = true;
        target.remove();
        document.querySelector('article')!.insertAdjacentHTML('beforeend', '<p>Added: Mark Chen and Alexandr Wang</p>');
      }
    };
    const walked = (await collectCandidateBlocks(document, prefilter, budget, () => false))!;
    expect(changed).toBe(true);
    expectSameAsReference(walked);
    expect(walked.map((b) => b.block.text)).toContain('Added: Mark Chen and Alexandr Wang');
    expect(walked.every((b) => b.block.nodes.every((n) => n.isConnected))).toBe(true);
  });

  it('starts again when the page replaces its whole body while the walk waits', async () => {
    let replaced = false;
    const budget = exhausted();
    const originalYield = budget.yield.bind(budget);
    budget.yield = async () => {
      await originalYield();
      if (!replaced && document.querySelector('section')) {
        replaced = true;
        const body = document.createElement('body');
        body.innerHTML = '<p>New page about Ilya Sutskever</p><p>and nobody else</p>';
        document.body.replaceWith(body);
      }
    };
    const walked = (await collectCandidateBlocks(document, prefilter, budget, () => false))!;
    expect(replaced).toBe(true);
    expectSameAsReference(walked);
    expect(walked.map((b) => b.block.text)).toEqual(['New page about Ilya Sutskever']);
  });

  it('ends on a page that pulls the ground away at every step, keeping only what is still there', async () => {
    const budget = exhausted();
    const originalYield = budget.yield.bind(budget);
    let removals = 0;
    budget.yield = async () => {
      await originalYield();
      // Replace the first remaining filler paragraph each time: the walk is usually inside one.
      const p = document.querySelector('section p');
      if (p) {
        removals++;
        p.replaceWith(p.cloneNode(true));
      }
    };
    const walked = (await collectCandidateBlocks(document, prefilter, budget, () => false))!;
    expect(removals).toBeGreaterThan(10);
    expect(walked.every((b) => b.block.nodes.every((n) => n.isConnected))).toBe(true);
    expect(walked.map((b) => b.block.text)).toContain('Alexandr Wang');
  });

  it('matches the reference on random documents (fast-check)', async () => {
    const names = [...new Set(index.aliases.map(([text]) => text))];
    const word = fc.constantFrom(
      'the',
      'current',
      'remarkable',
      'said',
      'Wangari',
      '的',
      '表示',
      '，',
      '. ',
      ' ',
      '  ',
      '\u00a0',
      '·',
      '-',
      'Chenille',
      'Samsung',
    );
    const text = fc.array(fc.oneof(word, fc.constantFrom(...names)), { maxLength: 8 }).map((parts) => parts.join(' '));
    type Tree = string;
    const tree: fc.Arbitrary<Tree> = fc.letrec<{ node: Tree }>((tie) => ({
      node: fc.oneof(
        { depthSize: 'small', withCrossShrink: true },
        text.map((t) => t.replace(/[<&]/g, '')),
        fc
          .tuple(
            fc.constantFrom('p', 'div', 'b', 'span', 'li', 'pre', 'script', 'br', 'em', 'section', 'textarea'),
            fc.array(tie('node'), { maxLength: 4 }),
          )
          .map(([tag, children]) => (tag === 'br' ? '<br>' : `<${tag}>${children.join('')}</${tag}>`)),
      ),
    })).node;
    await fc.assert(
      fc.asyncProperty(fc.array(tree, { maxLength: 6 }), fc.boolean(), async (trees, yieldEverywhere) => {
        document.body.innerHTML = trees.join('');
        const walked = (await collectCandidateBlocks(document, prefilter, yieldEverywhere ? exhausted() : unlimited(), () => false))!;
        expectSameAsReference(walked);
      }),
      { numRuns: 300 },
    );
  });
});
