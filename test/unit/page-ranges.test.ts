// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { liveRange, markRange, startComparer, viewportTops } from '@/content/marks/ranges';

/** A StaticRange stand-in (happy-dom has none): the four fields a mark keeps. */
class FakeStaticRange {
  readonly startContainer: Node;
  readonly startOffset: number;
  readonly endContainer: Node;
  readonly endOffset: number;
  readonly collapsed: boolean;
  constructor(init: { startContainer: Node; startOffset: number; endContainer: Node; endOffset: number }) {
    this.startContainer = init.startContainer;
    this.startOffset = init.startOffset;
    this.endContainer = init.endContainer;
    this.endOffset = init.endOffset;
    this.collapsed = init.startContainer === init.endContainer && init.startOffset === init.endOffset;
  }
}

function page(): { p: HTMLElement; a: Text; b: Text } {
  document.body.innerHTML = '<p>Lucas <b>Beyer</b> and Sam Altman</p>';
  const p = document.querySelector('p')!;
  return { p, a: p.firstChild as Text, b: p.querySelector('b')!.firstChild as Text };
}

describe('ranges', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('markRange makes a StaticRange where the browser has one, and a live Range where not', () => {
    const { a, b } = page();
    const fallback = markRange(a, 0, b, 5);
    expect(fallback).toBeInstanceOf(Range);
    expect((fallback as Range).toString()).toBe('Lucas Beyer');
    vi.stubGlobal('StaticRange', FakeStaticRange);
    const staticOne = markRange(a, 0, b, 5);
    expect(staticOne).toBeInstanceOf(FakeStaticRange);
    expect([staticOne.startContainer, staticOne.startOffset, staticOne.endContainer, staticOne.endOffset]).toEqual([a, 0, b, 5]);
  });

  it('liveRange reads a static range as a live one, and gives null once the page no longer fits it', () => {
    const { p, a, b } = page();
    const mark = new FakeStaticRange({ startContainer: a, startOffset: 0, endContainer: b, endOffset: 5 }) as unknown as AbstractRange;
    expect(liveRange(mark)?.toString()).toBe('Lucas Beyer');
    // The text got shorter than the mark's end offset.
    b.data = 'Bey';
    expect(liveRange(mark)).toBeNull();
    // The node left the page.
    b.data = 'Beyer';
    p.remove();
    expect(liveRange(mark)).toBeNull();
  });

  it('liveRange hands a live Range back as it is', () => {
    const { a } = page();
    const range = document.createRange();
    range.setStart(a, 0);
    range.setEnd(a, 5);
    expect(liveRange(range)).toBe(range);
  });

  it('startComparer orders marks in document order, within one node and across nodes', () => {
    const { p, a, b } = page();
    const tail = p.lastChild as Text;
    const at = (node: Node, offset: number) =>
      new FakeStaticRange({
        startContainer: node,
        startOffset: offset,
        endContainer: node,
        endOffset: offset + 1,
      }) as unknown as AbstractRange;
    const marks = [at(tail, 9), at(b, 0), at(a, 0), at(tail, 5)];
    const compare = startComparer();
    const sorted = [...marks].sort(compare);
    expect(sorted.map((m) => [m.startContainer, m.startOffset])).toEqual([
      [a, 0],
      [b, 0],
      [tail, 5],
      [tail, 9],
    ]);
    expect(compare(marks[2]!, marks[2]!)).toBe(0);
    // A mark whose node left the page compares equal rather than throwing.
    const gone = document.createTextNode('gone');
    expect(compare(at(gone, 0), marks[0]!)).toBe(0);
  });

  it('viewportTops measures every mark through one live Range, and gives Infinity for a mark the page no longer fits', () => {
    const { a, b } = page();
    const fits = new FakeStaticRange({ startContainer: a, startOffset: 0, endContainer: b, endOffset: 5 }) as unknown as AbstractRange;
    const tooLong = new FakeStaticRange({ startContainer: b, startOffset: 0, endContainer: b, endOffset: 99 }) as unknown as AbstractRange;
    const gone = document.createTextNode('gone');
    const detached = new FakeStaticRange({
      startContainer: gone,
      startOffset: 0,
      endContainer: gone,
      endOffset: 2,
    }) as unknown as AbstractRange;
    const created = vi.spyOn(document, 'createRange');
    const tops = viewportTops([fits, tooLong, detached]);
    expect(created).toHaveBeenCalledTimes(1);
    expect(Number.isFinite(tops[0])).toBe(true);
    expect(tops.slice(1)).toEqual([Infinity, Infinity]);
  });

  it("startComparer orders marks in shadow roots at their host, before the host's own children", () => {
    document.body.innerHTML = '<p id="before">Sam Altman</p><div id="host"><span>slotted</span></div><p id="after">Mira Murati</p>';
    const host = document.getElementById('host')!;
    const root = host.attachShadow({ mode: 'open' });
    root.innerHTML = '<p>Mark Chen</p><div id="nested"></div>';
    const nested = (root.getElementById('nested') as HTMLElement).attachShadow({ mode: 'open' });
    nested.innerHTML = '<p>Lucas Beyer</p>';
    const text = (parent: ParentNode, selector: string) => parent.querySelector(selector)!.firstChild!;
    const at = (node: Node) =>
      new FakeStaticRange({ startContainer: node, startOffset: 0, endContainer: node, endOffset: 1 }) as unknown as AbstractRange;
    const before = at(text(document, '#before'));
    const inRoot = at(text(root, 'p'));
    const inNested = at(text(nested, 'p'));
    const slotted = at(text(host, 'span'));
    const after = at(text(document, '#after'));
    const sorted = [after, inNested, slotted, inRoot, before].sort(startComparer());
    expect(sorted).toEqual([before, inRoot, inNested, slotted, after]);
  });
});
