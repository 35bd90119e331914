import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { collectBlocks, collectBlocksIn, locate, type TextBlock } from '@/content/scan/segments';

function page(body: string): Document {
  return parseHTML(`<!doctype html><html><head><title>T SECRET</title></head><body>${body}</body></html>`).document as unknown as Document;
}

const texts = (blocks: TextBlock[]) => blocks.map((b) => b.text);

describe('collectBlocks', () => {
  it('joins the text nodes of one block across inline markup', () => {
    const [block, ...rest] = collectBlocks(page('<p>Mark <b>Chen</b> and <a href="#"><i>Sam</i> Altman</a></p>'));
    expect(rest).toEqual([]);
    expect(block!.text).toBe('Mark Chen and Sam Altman');
    expect(block!.element.localName).toBe('p');
    expect(block!.nodes.map((n) => n.data)).toEqual(['Mark ', 'Chen', ' and ', 'Sam', ' Altman']);
    expect(Array.from(block!.starts)).toEqual([0, 5, 9, 14, 17]);
  });

  it('joins Chinese names split by inline markup', () => {
    expect(texts(collectBlocks(page('<p><b>山姆</b>·奥特曼说</p>')))).toEqual(['山姆·奥特曼说']);
  });

  it('never joins text across block boundaries', () => {
    const cases = [
      '<p>Sam</p><p>Altman</p>',
      '<div>Sam<div>Altman</div></div>',
      '<div><span>Sam</span><br>Altman</div>',
      '<div>Sam<hr>Altman</div>',
      '<ul><li>Sam</li><li>Altman</li></ul>',
      '<table><tr><td>Sam</td><td>Altman</td></tr></table>',
      '<h2>Sam</h2>Altman',
      '<blockquote>Sam</blockquote><section>Altman</section>',
    ];
    for (const html of cases) expect(texts(collectBlocks(page(html))), html).toEqual(['Sam', 'Altman']);
  });

  it('splits the text around a nested block, all under their nearest block element', () => {
    const blocks = collectBlocks(page('<div id="d">before <p>inside</p> after</div>'));
    expect(texts(blocks)).toEqual(['before ', 'inside', ' after']);
    expect(blocks.map((b) => b.element.localName)).toEqual(['div', 'p', 'div']);
  });

  it('never reads skipped elements', () => {
    const html = [
      '<p>visible</p>',
      '<script>SECRET</script>',
      '<style>.x{content:"SECRET"}</style>',
      '<noscript>SECRET</noscript>',
      '<template><p>SECRET</p></template>',
      '<textarea>SECRET</textarea>',
      '<select><option>SECRET</option></select>',
      '<p>a <code>SECRET</code> b</p>',
      '<pre>SECRET</pre>',
      '<p><kbd>SECRET</kbd><samp>SECRET</samp></p>',
      '<svg><text>SECRET</text></svg>',
      '<math><mi>SECRET</mi></math>',
      '<iframe>SECRET</iframe>',
      '<object>SECRET</object>',
      '<canvas>SECRET</canvas>',
      '<div contenteditable="true"><p>SECRET</p></div>',
      '<div contenteditable><p>SECRET</p></div>',
      '<div contenteditable="plaintext-only">SECRET</div>',
      '<div data-talent-lens-ignore><p>SECRET</p></div>',
      '<talent-lens-ui>SECRET</talent-lens-ui>',
      '<p><ruby>山<rt>SECRET</rt></ruby></p>',
      '<button>Press</button>',
    ].join('');
    const all = texts(collectBlocks(page(html))).join('|');
    expect(all).not.toContain('SECRET');
    expect(all).toContain('visible');
    expect(all).toContain('Press');
  });

  it('reads contenteditable="false"', () => {
    expect(texts(collectBlocks(page('<p contenteditable="false">Sam Altman</p>')))).toEqual(['Sam Altman']);
  });

  it('treats a skipped element as a block boundary', () => {
    expect(texts(collectBlocks(page('<p>Sam<code>x</code>Altman</p>')))).toEqual(['Sam', 'Altman']);
  });

  it('skips whitespace-only text nodes, but keeps the space between two inline words', () => {
    const blocks = collectBlocks(page('<ul>\n  <li>One</li>\n  <li><b>Mark</b> <b>Chen</b> </li>\n</ul>\n'));
    expect(texts(blocks)).toEqual(['One', 'Mark Chen']);
    expect(blocks[1]!.nodes.map((n) => n.data)).toEqual(['Mark', ' ', 'Chen']);
  });

  it('accepts an element or a text node as root', () => {
    const doc = page('<div><p>one</p><p id="x">two <b>three</b></p></div>');
    const p = doc.getElementById('x')!;
    expect(texts(collectBlocks(p))).toEqual(['two three']);
    expect(texts(collectBlocks(p.querySelector('b')!))).toEqual(['three']);
    expect(collectBlocks(p.firstChild!).map((b) => [b.text, b.element.localName])).toEqual([['two ', 'p']]);
  });

  it('returns nothing for a root inside a skipped element', () => {
    const doc = page('<div contenteditable><p id="x">Sam Altman</p></div>');
    expect(collectBlocks(doc.getElementById('x')!)).toEqual([]);
  });

  it('collects a large page', () => {
    const body = Array.from({ length: 20_000 }, (_, i) => `<p>Para ${i} <b>bold</b> <i>x</i></p>`).join('');
    const blocks = collectBlocks(page(body));
    expect(blocks).toHaveLength(20_000);
    expect(blocks[19_999]!.text).toBe('Para 19999 bold x');
  });
});

describe('collectBlocksIn', () => {
  it('rescans the nearest block of each changed node, once', () => {
    const doc = page('<div id="a"><p id="p">Mark <b id="b">Chen</b></p><p id="q">other</p></div><p id="r">Sam</p>');
    const b = doc.getElementById('b')!;
    const { containers, blocks } = collectBlocksIn([b, b.firstChild!, doc.getElementById('r')!.firstChild!]);
    expect(containers.map((c) => c.id)).toEqual(['p', 'r']);
    expect(texts(blocks)).toEqual(['Mark Chen', 'Sam']);
  });

  it('drops containers inside other changed containers', () => {
    const doc = page('<div id="a"><p id="p">one</p><p id="q">two</p></div>');
    const { containers, blocks } = collectBlocksIn([doc.getElementById('p')!, doc.getElementById('a')!]);
    expect(containers.map((c) => c.id)).toEqual(['a']);
    expect(texts(blocks)).toEqual(['one', 'two']);
  });

  it('ignores changes inside skipped elements', () => {
    const doc = page('<div contenteditable><p id="p">Sam Altman</p></div>');
    expect(collectBlocksIn([doc.getElementById('p')!.firstChild!]).blocks).toEqual([]);
  });
});

describe('locate', () => {
  const [block] = collectBlocks(page('<p>Mark <b>Chen</b> said</p>'));

  it('finds the node and offset of a text offset', () => {
    expect(locate(block!, 0)).toMatchObject({ node: block!.nodes[0], offset: 0 });
    expect(locate(block!, 6)).toMatchObject({ node: block!.nodes[1], offset: 1 });
    expect(locate(block!, 12)).toMatchObject({ node: block!.nodes[2], offset: 3 });
  });

  it('puts a range start at the next node and a range end at the previous one on a boundary', () => {
    expect(locate(block!, 5)).toMatchObject({ node: block!.nodes[1], offset: 0 });
    expect(locate(block!, 9, true)).toMatchObject({ node: block!.nodes[1], offset: 4 });
    expect(locate(block!, 9)).toMatchObject({ node: block!.nodes[2], offset: 0 });
    expect(locate(block!, 14, true)).toMatchObject({ node: block!.nodes[2], offset: 5 });
  });
});
