// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { changesOf, type MutationLike } from '@/content/scan/mutations';
import { isBlockElement } from '@/content/scan/text-walk';
import { isInsideOurUi as isOurs, UI_HOST_TAG } from '@/content/ui-host';

function record(partial: Partial<MutationLike> & Pick<MutationLike, 'type' | 'target'>): MutationLike {
  return { addedNodes: [], removedNodes: [], previousSibling: null, nextSibling: null, ...partial };
}

describe('changesOf', () => {
  document.body.innerHTML = `<p id="p">Mark <b>Chen</b> said</p><ul id="list"></ul><${UI_HOST_TAG} id="ours"></${UI_HOST_TAG}>`;
  const p = document.getElementById('p')!;
  const list = document.getElementById('list')!;
  const ours = document.getElementById('ours')!;

  it('rescans added nodes themselves, not their whole parent', () => {
    const li = document.createElement('li');
    const { changed, removals } = changesOf([record({ type: 'childList', target: list, addedNodes: [li] })], isOurs, isBlockElement);
    expect([...changed]).toEqual([li]);
    expect(removals).toBe(false);
  });

  it('rescans the block whose inline content or text changed', () => {
    const b = p.querySelector('b')!;
    const text = p.firstChild!;
    const removedInline = changesOf([record({ type: 'childList', target: p, removedNodes: [b] })], isOurs, isBlockElement);
    expect([...removedInline.changed]).toEqual([p]);
    expect(removedInline.removals).toBe(true);
    const edited = changesOf([record({ type: 'characterData', target: text })], isOurs, isBlockElement);
    expect([...edited.changed]).toEqual([text]);
  });

  it('for a removed block, rescans the text on either side of it, which may now run together', () => {
    const before = document.createTextNode('Mark');
    const after = document.createTextNode('Chen');
    const removed = document.createElement('div');
    const { changed, removals } = changesOf(
      [record({ type: 'childList', target: p, removedNodes: [removed], previousSibling: before, nextSibling: after })],
      isOurs,
      isBlockElement,
    );
    expect([...changed]).toEqual([before, after]);
    expect(removals).toBe(true);
  });

  it('ignores our own UI host, its insertion and its removal', () => {
    const host = document.createElement(UI_HOST_TAG);
    const records = [
      record({ type: 'childList', target: document.documentElement, addedNodes: [host] }),
      record({ type: 'childList', target: document.documentElement, removedNodes: [host] }),
      record({ type: 'childList', target: ours, addedNodes: [document.createTextNode('Mark Chen')] }),
      record({ type: 'attributes', target: p }),
    ];
    const { changed, removals } = changesOf(records, isOurs, isBlockElement);
    expect(changed.size).toBe(0);
    expect(removals).toBe(false);
  });
});
