// @vitest-environment happy-dom
/**
 * The mark layer on its own (element engine: happy-dom has no Highlight API): a block's mentions
 * are drawn and replaced, rejected ones are left out, removed ones are reported, and the drawn
 * mentions come back in document order and from their elements.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { collectBlocks, type TextBlock } from '@/content/scan/segments';
import { MarkLayer, type PageMention } from '@/content/marks/mark-layer';
import type { Mention } from '@/utils/match/resolve';
import { MARK_TAG, UNDERLINE_ATTRIBUTE } from '@/content/marks/mark-engine';
import { mentionOf, TWO_PEOPLE } from './page-fixtures';

const people = TWO_PEOPLE;

function setup(html: string) {
  document.body.innerHTML = html;
  const removed: PageMention[][] = [];
  const layer = new MarkLayer({ people, engine: 'element', mute: (change) => change(), onRemoved: (gone) => removed.push([...gone]) });
  const blocks = collectBlocks(document.body);
  return { layer, blocks, removed };
}

const marks = () => [...document.querySelectorAll(MARK_TAG)].map((m) => m.textContent);

describe('MarkLayer', () => {
  beforeEach(() => vi.restoreAllMocks());

  it('draws a block’s mentions and replaces them on the next draw, reporting what went', () => {
    const { layer, blocks, removed } = setup('<p>Ada Lovelace wrote to Alan Turing.</p>');
    const block = blocks[0]!;
    expect(layer.kind).toBeNull();
    layer.draw(block, [mentionOf(block, 'Ada Lovelace', 0), mentionOf(block, 'Alan Turing', 1)]);
    expect(layer.kind).toBe('element');
    expect(marks()).toEqual(['Ada Lovelace', 'Alan Turing']);
    expect(layer.size).toBe(2);
    layer.draw(block, [mentionOf(block, 'Alan Turing', 1)]);
    expect(marks()).toEqual(['Alan Turing']);
    expect(removed.at(-1)!.map((m) => m.personId)).toEqual(['ada', 'alan']);
    layer.clear(block);
    expect(marks()).toEqual([]);
    expect(layer.size).toBe(0);
  });

  it('draws each person’s first mention only under the "first" style, and all again when it is switched back', () => {
    const { layer, blocks } = setup('<p>Ada met Alan. Ada wrote; Alan replied to Ada.</p><p>Alan and Ada.</p>');
    const all = blocks.map((block) => {
      const found: Mention[] = [];
      for (const [name, person] of [
        ['Ada', 0],
        ['Alan', 1],
      ] as const) {
        for (let at = block.text.indexOf(name); at >= 0; at = block.text.indexOf(name, at + 1)) {
          found.push({ ...mentionOf(block, name, person), start: at, end: at + name.length });
        }
      }
      return found.sort((x, y) => x.start - y.start);
    });
    const drawAll = () => blocks.forEach((block, i) => layer.draw(block, all[i]!));
    drawAll();
    expect(layer.size).toBe(7);
    expect(layer.setStyle({ scope: 'first', look: 'fill' })).toBe(true);
    drawAll();
    // Per paragraph: the second paragraph marks both people again.
    expect(marks()).toEqual(['Ada', 'Alan', 'Alan', 'Ada']);
    expect(layer.mentions().map((m) => m.mention.start)).toEqual([0, 8, 0, 9]);
    expect(layer.setStyle({ scope: 'first', look: 'fill' })).toBe(false);
    expect(layer.setStyle({ scope: 'all', look: 'fill' })).toBe(true);
    drawAll();
    expect(layer.size).toBe(7);
  });

  it('changes the look of drawn marks and of marks to come', () => {
    const { layer, blocks } = setup('<p>Ada Lovelace</p><p>Alan Turing</p>');
    const underlined = () => [...document.querySelectorAll(MARK_TAG)].map((m) => m.hasAttribute(UNDERLINE_ATTRIBUTE));
    layer.draw(blocks[0]!, [mentionOf(blocks[0]!, 'Ada Lovelace', 0)]);
    expect(underlined()).toEqual([false]);
    expect(layer.setStyle({ scope: 'all', look: 'underline' })).toBe(false);
    expect(underlined()).toEqual([true]);
    layer.draw(blocks[1]!, [mentionOf(blocks[1]!, 'Alan Turing', 1)]);
    expect(underlined()).toEqual([true, true]);
    layer.setStyle({ scope: 'all', look: 'fill' });
    expect(underlined()).toEqual([false, false]);
  });

  it('makes no engine for a page with no mention', () => {
    const { layer, blocks } = setup('<p>Nobody here.</p>');
    layer.draw(blocks[0]!, []);
    expect(layer.kind).toBeNull();
  });

  it('leaves out rejected mentions until the choice is undone', () => {
    const { layer, blocks } = setup('<p>Ada Lovelace met Alan Turing.</p>');
    const block = blocks[0]!;
    const mentions = [mentionOf(block, 'Ada Lovelace', 0), mentionOf(block, 'Alan Turing', 1)];
    expect(layer.reject({ personId: 'ada', aliasText: 'Ada Lovelace' })).toBe(true);
    expect(layer.reject({ personId: 'ada', aliasText: 'Ada Lovelace' })).toBe(false);
    layer.draw(block, mentions);
    expect(marks()).toEqual(['Alan Turing']);
    expect(layer.unreject({ personId: 'ada', aliasText: 'Ada Lovelace' })).toBe(true);
    layer.draw(block, mentions);
    expect(marks()).toEqual(['Ada Lovelace', 'Alan Turing']);
  });

  it('lists mentions in document order whatever order blocks were drawn in, and finds them by element', () => {
    const { layer, blocks } = setup('<p>Ada Lovelace first.</p><p>Alan Turing second.</p>');
    const [first, second] = blocks as [TextBlock, TextBlock];
    layer.draw(second, [mentionOf(second, 'Alan Turing', 1)]);
    layer.draw(first, [mentionOf(first, 'Ada Lovelace', 0)]);
    expect(layer.mentions().map((m) => m.personId)).toEqual(['ada', 'alan']);
    const element = document.querySelectorAll(MARK_TAG)[1]!;
    expect(layer.mentionOfElement(element)?.personId).toBe('alan');
    expect(layer.mentionOfElement(document.body)).toBeNull();
  });

  it('destroy removes every mark, reports them gone, and keeps the reader’s choices', () => {
    const { layer, blocks, removed } = setup('<p>Ada Lovelace met Alan Turing.</p>');
    const block = blocks[0]!;
    layer.reject({ personId: 'alan', aliasText: 'Alan Turing' });
    layer.draw(block, [mentionOf(block, 'Ada Lovelace', 0), mentionOf(block, 'Alan Turing', 1)]);
    layer.destroy();
    expect(marks()).toEqual([]);
    expect(document.body.innerHTML).toBe('<p>Ada Lovelace met Alan Turing.</p>');
    expect(removed.at(-1)!.map((m) => m.personId)).toEqual(['ada']);
    expect(layer.kind).toBeNull();
    layer.draw(block, [mentionOf(block, 'Alan Turing', 1)]);
    expect(marks()).toEqual([]);
  });
});
