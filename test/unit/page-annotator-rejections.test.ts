// @vitest-environment happy-dom
/**
 * "Not this person" in the page layer (element engine: happy-dom has no Highlight API): the site's
 * rejections are asked only once a page has a mention, before the first mark is drawn; a rejection
 * removes every mark of that alias text for that person at once; undo brings them back. The card's
 * target carries the alias text and an explanation. The mark style (Settings) redraws from what was resolved.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import aliasIndex from '@/data/generated/alias-index.json';
import type { AliasIndex } from '@/data/schema';
import { createMatcher, createPrefilter } from '@/utils/match/matcher';
import { Annotator } from '@/content/annotator';
import { MARK_TAG } from '@/content/marks/mark-engine';
import type { Rejection } from '@/utils/notes/rejections';
import { asUserInput } from './trusted-events';
import { recordingCardController, lifetimeHost } from './page-fixtures';

let annotator: Annotator | null = null;
afterEach(() => {
  annotator?.destroy();
  annotator = null;
});

function setup(html: string, loadRejections: () => Promise<Rejection[]>) {
  document.body.innerHTML = html;
  const controller = recordingCardController();
  const host = lifetimeHost();
  const index = aliasIndex as AliasIndex;
  const prefilter = createPrefilter(index);
  annotator = new Annotator({
    index,
    prefilter,
    matcher: () => createMatcher(index, { prefilter }),
    createController: () => controller,
    host,
    engine: 'element',
    loadRejections,
  });
  return { annotator, controller };
}

const marks = () => [...document.querySelectorAll(MARK_TAG)].map((m) => m.textContent);

describe('Not this person in the page layer', () => {
  it('never asks on a page with no names', async () => {
    const load = vi.fn(async () => []);
    const { annotator } = setup('<p>Nobody we know is named here, not even Altman.</p>', load);
    annotator.start();
    await annotator.idle();
    expect(marks()).toEqual([]);
    expect(load).not.toHaveBeenCalled();
  });

  it('asks once, before drawing, and never draws a rejected mark', async () => {
    const load = vi.fn(async () => [{ personId: 'sam-altman', aliasText: 'Altman' }]);
    const { annotator } = setup('<p>Sam Altman spoke.</p><p>Altman said so; Mark Chen agreed with Altman.</p>', load);
    annotator.start();
    await vi.waitFor(async () => {
      await annotator.idle();
      expect(marks()).toEqual(['Sam Altman', 'Mark Chen']);
    });
    expect(load).toHaveBeenCalledTimes(1);
    // A later change on the page does not ask again.
    document.body.insertAdjacentHTML('beforeend', '<p>Later, Sam Altman again.</p>');
    await vi.waitFor(async () => {
      await annotator.idle();
      expect(marks()).toEqual(['Sam Altman', 'Mark Chen', 'Sam Altman']);
    });
    expect(load).toHaveBeenCalledTimes(1);
  });

  it('removes every mark of the alias for that person at once, and brings them back on undo', async () => {
    const { annotator, controller } = setup('<p>Sam Altman spoke.</p><p>Altman said so.</p><p>Then Altman left.</p>', async () => []);
    annotator.start();
    await vi.waitFor(async () => {
      await annotator.idle();
      expect(marks()).toEqual(['Sam Altman', 'Altman', 'Altman']);
    });
    // The card's target for the surname says what the page layer knows.
    const surname = annotator.mentions()[1]!;
    surname.mark.focusTarget!.dispatchEvent(asUserInput(new FocusEvent('focusin', { bubbles: true })));
    const target = controller.open.mock.calls.at(-1)![0];
    expect(target).toMatchObject({
      personId: 'sam-altman',
      aliasText: 'Altman',
      explanation: { confidence: 'marked', why: { kind: 'named-in-full', fullName: 'Sam Altman' } },
    });

    annotator.reject({ personId: 'sam-altman', aliasText: ' Altman' });
    expect(marks()).toEqual(['Sam Altman']);
    expect(annotator.report(true).people).toMatchObject([{ personId: 'sam-altman', count: 1 }]);
    annotator.unreject({ personId: 'sam-altman', aliasText: 'Altman' });
    expect(marks()).toEqual(['Sam Altman', 'Altman', 'Altman']);
  });

  it('draws the marks when the site’s rejections cannot be read', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const { annotator } = setup('<p>Sam Altman spoke.</p>', async () => Promise.reject(new Error('no background')));
    annotator.start();
    await vi.waitFor(async () => {
      await annotator.idle();
      expect(marks()).toEqual(['Sam Altman']);
    });
  });
});

describe('the mark style in the page layer', () => {
  const page = '<p>Sam Altman spoke. Altman said so; Mark Chen agreed with Altman.</p><p>Altman again.</p>';

  it('draws each person’s first mention per paragraph, and every mention again when switched back, without a rescan', async () => {
    const { annotator } = setup(page, async () => []);
    annotator.setMarkStyle({ scope: 'first', look: 'fill' });
    annotator.start();
    await vi.waitFor(async () => {
      await annotator.idle();
      expect(marks()).toEqual(['Sam Altman', 'Mark Chen', 'Altman']);
    });
    annotator.setMarkStyle({ scope: 'all', look: 'fill' });
    expect(marks()).toEqual(['Sam Altman', 'Altman', 'Mark Chen', 'Altman', 'Altman']);
    annotator.setMarkStyle({ scope: 'all', look: 'underline' });
    expect([...document.querySelectorAll(MARK_TAG)].every((m) => m.hasAttribute('data-underline'))).toBe(true);
  });

  it('takes the first mention the reader did not reject', async () => {
    const { annotator } = setup(page, async () => [{ personId: 'sam-altman', aliasText: 'Sam Altman' }]);
    annotator.setMarkStyle({ scope: 'first', look: 'fill' });
    annotator.start();
    await vi.waitFor(async () => {
      await annotator.idle();
      expect(marks()).toEqual(['Altman', 'Mark Chen', 'Altman']);
    });
  });
});
