// @vitest-environment happy-dom
/**
 * The one walk (content/scan/text-walk.ts) as both of its readers see it: the
 * content script's first read (collectCandidateBlocks, which streams each block
 * through the prefilter) and the matcher's segments (collectBlocks, every block
 * in full). On markup where every block that is read names someone, the first
 * read keeps every block, so the two must give the very same blocks.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeEach, describe, expect, it } from 'vitest';
import { buildAliasIndex } from '@/utils/dataset/build';
import { loadDatasetFiles } from '@/utils/dataset/load-files';
import { validateDataset } from '@/utils/dataset/validate';
import { createPrefilter } from '@/utils/match/matcher';
import { collectCandidateBlocks } from '@/content/scan/candidate-walk';
import { collectBlocks, type TextBlock } from '@/content/scan/segments';
import { TaskBudget } from '@/content/scheduling';
import { UI_HOST_TAG } from '@/content/ui-host';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const prefilter = createPrefilter(buildAliasIndex(validateDataset(loadDatasetFiles(path.join(root, 'data')))));

/** Every text the walk must not read names someone too: were it read, its block would be kept. */
const PAGE = `
  <header>Sam Altman <script>var who = "Mark Chen";</script> and Mira Murati lead</header>
  <style>.x::after { content: "Ilya Sutskever"; }</style>
  <div hidden>Hidden but in the text: Mira Murati</div>
  <div contenteditable>Editable: Ilya Sutskever</div>
  <div contenteditable="FALSE">Not editable: Ilya Sutskever</div>
  <p contenteditable="plaintext-only">Plain editable: Trapit Bansal</p>
  <${UI_HOST_TAG}>Ours: Sam Altman</${UI_HOST_TAG}>
  <div data-talent-lens-ignore>Ignored: Mark Chen</div>
  <article>Outer Mark <b>Chen</b> <section>Inner, Ilya Sutskever <p>Sam <i>Altman</i></p> then Mira Murati</section> tail Alexandr Wang<!-- Sam Altman --></article>
  <ul><li> <b>Trapit</b> <a href="#">Bansal</a> </li><li><textarea>Sam Altman</textarea><pre>Mark Chen</pre>Shengjia Zhao<br>Alexandr Wang</li></ul>
  <div>Before the host, Mark Chen <span id="host"></span> after it, Ilya Sutskever</div>
  <div id="closed">Closed host's own text: Mark Chen</div>
  <x-pending>Custom, no root yet: Alexandr Wang</x-pending>
  <p><span>   </span></p>`;

/** What both readers are told besides text. */
function recorder() {
  const roots: ShadowRoot[] = [];
  const custom: string[] = [];
  return {
    roots,
    custom,
    finds: { shadowRoot: (r: ShadowRoot) => roots.push(r), customElement: (e: Element) => custom.push(e.localName) },
  };
}

/** The content script's first read of the page: the document, then each open root it met (as the scanner reads them). */
async function firstRead(budget: () => TaskBudget) {
  const { roots, custom, finds } = recorder();
  const blocks = (await collectCandidateBlocks(document, prefilter, budget(), () => false, finds))!.map((b) => b.block);
  for (let i = 0; i < roots.length; i++)
    blocks.push(...(await collectCandidateBlocks(roots[i]!, prefilter, budget(), () => false, finds))!.map((b) => b.block));
  return { blocks, roots, custom };
}

function segments() {
  const { roots, custom } = recorder();
  const blocks = collectBlocks(document, { onShadowRoot: (r) => roots.push(r), onCustomElement: (e) => custom.push(e.localName) });
  return { blocks, roots, custom };
}

const shape = (blocks: TextBlock[]) =>
  blocks.map((b) => ({ text: b.text, element: b.element, nodes: b.nodes, starts: Array.from(b.starts) }));

describe('one walk for both readers', () => {
  beforeEach(() => {
    document.body.innerHTML = PAGE;
    const shadow = document.getElementById('host')!.attachShadow({ mode: 'open' });
    shadow.innerHTML =
      'Shadow Sam <b>Altman</b><p>Shadow paragraph, Mira Murati</p><x-inner id="nested"></x-inner><style>Mark Chen</style>';
    const nested = (shadow.getElementById('nested') as HTMLElement).attachShadow({ mode: 'open' });
    nested.innerHTML = '<span>Nested root: Shengjia Zhao</span>';
    document.getElementById('closed')!.attachShadow({ mode: 'closed' }).innerHTML = 'Closed: Sam Altman';
  });

  it('reads the text both readers read, and only that', () => {
    const { blocks, custom } = segments();
    expect(blocks.map((b) => b.text)).toEqual([
      'Sam Altman ',
      ' and Mira Murati lead',
      'Hidden but in the text: Mira Murati',
      'Not editable: Ilya Sutskever',
      'Outer Mark Chen',
      'Inner, Ilya Sutskever ',
      'Sam Altman',
      ' then Mira Murati',
      ' tail Alexandr Wang',
      'Trapit Bansal',
      'Shengjia Zhao',
      'Alexandr Wang',
      'Before the host, Mark Chen  after it, Ilya Sutskever',
      "Closed host's own text: Mark Chen",
      'Custom, no root yet: Alexandr Wang',
      'Shadow Sam Altman',
      'Shadow paragraph, Mira Murati',
      'Nested root: Shengjia Zhao',
    ]);
    // A shadow root's text belongs to the block around its host (never joined to the text beside it).
    expect(blocks.find((b) => b.text === 'Shadow Sam Altman')!.element).toBe(document.getElementById('host')!.parentElement);
    expect(custom).toEqual(['x-pending']);
  });

  it('the first read keeps the same blocks, the same roots and custom elements, in one go or yielding at every node', async () => {
    const reference = segments();
    for (const budget of [() => new TaskBudget(1e9), () => new TaskBudget(0, 1)]) {
      const read = await firstRead(budget);
      expect(shape(read.blocks)).toEqual(shape(reference.blocks));
      expect(read.roots).toEqual(reference.roots);
      expect(read.custom).toEqual(reference.custom);
    }
  });
});
