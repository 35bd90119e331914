// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { ElementEngine } from '@/content/marks/element-engine';
import { MARK_TAG, type MarkRequest } from '@/content/marks/mark-engine';

function request(pieces: Array<[Text, number, number]>): MarkRequest {
  const range = document.createRange();
  const [first] = pieces;
  const last = pieces[pieces.length - 1]!;
  range.setStart(first![0], first![1]);
  range.setEnd(last[0], last[2]);
  return { range, segments: pieces.map(([node, start, end]) => ({ node, start, end })) };
}

describe('ElementEngine (the fallback without the Highlight API)', () => {
  it('wraps each mention, split by inline markup or not, and unmarking restores the page exactly', () => {
    document.body.innerHTML = '<p>Then Mark <b>Chen</b> met Sam Altman and Altman.</p>';
    const p = document.querySelector('p')!;
    const before = p.innerHTML;
    const first = p.firstChild as Text; // "Then Mark "
    const chen = p.querySelector('b')!.firstChild as Text;
    const tail = p.lastChild as Text; // " met Sam Altman and Altman."
    const engine = new ElementEngine();
    const marks = engine.mark([
      request([
        [first, 5, 10],
        [chen, 0, 4],
      ]),
      request([[tail, 5, 15]]),
      request([[tail, 20, 26]]),
    ]);
    expect(marks).toHaveLength(3);
    expect(marks.map((m) => m.range.toString())).toEqual(['Mark Chen', 'Sam Altman', 'Altman']);
    expect([...p.querySelectorAll(MARK_TAG)].map((m) => m.textContent)).toEqual(['Mark ', 'Chen', 'Sam Altman', 'Altman']);
    expect(p.textContent).toBe('Then Mark Chen met Sam Altman and Altman.');
    // One tab stop per mention.
    expect(marks.map((m) => m.focusTarget?.tabIndex)).toEqual([0, 0, 0]);
    expect(engine.markOfElement(p.querySelectorAll(MARK_TAG)[1]!)).toBe(marks[0]);

    engine.setActive(marks[1]!);
    expect(p.querySelectorAll(`${MARK_TAG}[data-active]`)).toHaveLength(1);

    engine.unmark([marks[1]!]);
    expect(p.querySelectorAll(MARK_TAG)).toHaveLength(3);
    engine.unmark([marks[0]!, marks[2]!]);
    expect(p.innerHTML).toBe(before);
    // The page's own Text objects hold their whole text again.
    expect(p.firstChild).toBe(first);
    expect(first.data).toBe('Then Mark ');
    expect(p.lastChild).toBe(tail);
    expect(tail.data).toBe(' met Sam Altman and Altman.');
    expect(p.childNodes).toHaveLength(3);
  });

  it('destroy removes every mark', () => {
    document.body.innerHTML = '<p>Sam Altman</p>';
    const text = document.querySelector('p')!.firstChild as Text;
    const engine = new ElementEngine();
    engine.mark([request([[text, 0, 10]])]);
    expect(document.querySelectorAll(MARK_TAG)).toHaveLength(1);
    engine.destroy();
    expect(document.body.innerHTML).toBe('<p>Sam Altman</p>');
    expect(document.querySelector('p')!.firstChild).toBe(text);
  });
});
