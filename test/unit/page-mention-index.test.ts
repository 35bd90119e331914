import { describe, expect, it } from 'vitest';
import { MentionIndex } from '@/content/marks/mention-index';

describe('MentionIndex', () => {
  const a = { name: 'text node a' };
  const b = { name: 'text node b' };

  function build() {
    const index = new MentionIndex<object, string>();
    // Out of order on purpose: the index keeps each node's list sorted.
    index.add(a, 20, 29, 'sam');
    index.add(a, 0, 4, 'mark');
    index.add(b, 0, 4, 'chen');
    index.add(a, 40, 46, 'wang-1');
    index.add(a, 40, 46, 'wang-2');
    return index;
  }

  it('finds the mention by node and offset, with the end offset counting as touching', () => {
    const index = build();
    expect(index.at(a, 0)).toEqual(['mark']);
    expect(index.at(a, 3)).toEqual(['mark']);
    expect(index.at(a, 4)).toEqual(['mark']);
    expect(index.at(a, 5)).toEqual([]);
    expect(index.at(a, 19)).toEqual([]);
    expect(index.at(a, 25)).toEqual(['sam']);
    expect(index.at(b, 2)).toEqual(['chen']);
    expect(index.at({}, 2)).toEqual([]);
  });

  it('returns every person sharing one span', () => {
    expect(build().at(a, 43).sort()).toEqual(['wang-1', 'wang-2']);
  });

  it('forgets removed mentions and empty nodes', () => {
    const index = build();
    index.remove([a, b], (m) => m === 'sam' || m === 'chen');
    expect(index.at(a, 25)).toEqual([]);
    expect(index.at(b, 2)).toEqual([]);
    expect(index.at(a, 2)).toEqual(['mark']);
    expect(index.nodeCount).toBe(1);
    index.clear();
    expect(index.at(a, 2)).toEqual([]);
  });

  it('ignores empty segments', () => {
    const index = new MentionIndex<object, string>();
    index.add(a, 5, 5, 'x');
    expect(index.at(a, 5)).toEqual([]);
  });

  it('stays correct with many segments in one node', () => {
    const index = new MentionIndex<object, number>();
    for (let i = 999; i >= 0; i--) index.add(a, i * 10, i * 10 + 5, i);
    for (const i of [0, 1, 500, 999]) {
      expect(index.at(a, i * 10 + 2)).toEqual([i]);
      expect(index.at(a, i * 10 + 7)).toEqual([]);
    }
  });
});
