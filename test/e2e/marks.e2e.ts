/**
 * The page layer in real Chromium: what gets marked, what never does, and that
 * the page stays exactly as it built itself.
 */
import { describe, expect, it } from 'vitest';
import { useExtensionSuite } from './setup';
import type { Page } from 'playwright-core';
import { expectNeverWithin, markTexts, NOTHING_HAPPENS_MS } from './page-helpers';

/** The id of the nearest element with an id around each mark. */
function markOwners(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const highlight = CSS.highlights.get('talent-lens');
    const ranges = highlight ? ([...highlight] as Range[]) : [];
    return ranges
      .filter((r) => !r.collapsed)
      .map((r) => {
        const node = r.startContainer;
        return (node.nodeType === 1 ? (node as Element) : node.parentElement)?.closest('[id]')?.id ?? '';
      })
      .sort();
  });
}

describe('marks in Chromium', () => {
  const suite = useExtensionSuite();

  const open = (pathname: string) => suite.open(pathname);

  it('marks the English sample with the Highlight API and leaves the body byte-identical', async () => {
    const page = await suite.browser.context.newPage();
    // The page's markup as parsed, before the content script could run.
    await page.addInitScript(() => {
      document.addEventListener('DOMContentLoaded', () => {
        (window as unknown as { bodyBefore: string }).bodyBefore = document.body.innerHTML;
      });
    });
    await page.goto(suite.server.url('/pages/en-news.html'));
    await expect.poll(() => markTexts(page)).toContain('Mark Chen');
    const texts = await markTexts(page);
    for (const name of ['Alexandr Wang', 'Shengjia Zhao', 'Mark Chen', 'Sam Altman', 'Altman', 'Lucas Beyer', 'Chen']) {
      expect(texts, name).toContain(name);
    }
    // "Lucas" is bold, "Beyer" is not: one mark across the inline element.
    expect(texts).toContain('Lucas Beyer');
    // Never a name inside a longer word: the chenille sweater, Wangari Maathai.
    expect(texts.some((t) => /chenille|Wangari/i.test(t))).toBe(false);
    // "Not every Wang…" and the badminton player Wang Zhiyi: a bare "Wang" is never Alexandr Wang here.
    expect(texts).not.toContain('Wang');
    // The form field and the code block hold names; neither is marked (see forms.html for the full set).
    const owners = await page.evaluate(() => {
      const highlight = CSS.highlights.get('talent-lens')!;
      return [...(highlight as unknown as Set<Range>)].map(
        (r) => r.startContainer.parentElement?.closest('textarea, input, pre, code, form')?.localName ?? null,
      );
    });
    expect(owners.filter(Boolean)).toEqual([]);
    // Marks are StaticRanges: the browser does not update them on every DOM change the page makes
    // (content/marks/ranges.ts), as it must for live Ranges.
    const kinds = await page.evaluate(() => {
      const highlight = CSS.highlights.get('talent-lens')!;
      return [...(highlight as unknown as Set<AbstractRange>)].map((r) =>
        r instanceof StaticRange ? 'static' : r instanceof Range ? 'live' : 'other',
      );
    });
    expect(kinds.length).toBeGreaterThan(0);
    expect(new Set(kinds)).toEqual(new Set(['static']));
    const { before, after } = await page.evaluate(() => ({
      before: (window as unknown as { bodyBefore: string }).bodyBefore,
      after: document.body.innerHTML,
    }));
    expect(after).toBe(before);
    await page.close();
  });

  it('marks Simplified Chinese: full names, and a surname only after the full name', async () => {
    const page = await open('/pages/zh-news.html');
    await expect.poll(() => markTexts(page)).toContain('马克·陈');
    const texts = await markTexts(page);
    expect(texts).toEqual(expect.arrayContaining(['亚历山大·王', '汪滔', '赵晟佳', '马克·陈', '萨姆・奥尔特曼', '奥尔特曼']));
    // 马克·扎克伯格 is marked whole, as himself: never its first half as 马克·陈's given name.
    expect(texts[0]).toBe('马克·扎克伯格');
    expect(texts).not.toContain('马克');
    // 王曼昱 and 陈梦 (sports) are not the people in the dataset.
    expect(texts.some((t) => /王曼昱|陈梦|^王$|^陈$/.test(t))).toBe(false);
    expect(texts).not.toContain('我同意萨姆·奥尔特曼的看法。');
    await page.close();
  });

  it('marks Traditional Chinese through the same aliases', async () => {
    const page = await open('/pages/zh-hant.html');
    await expect.poll(() => markTexts(page)).toContain('馬克·陳');
    expect(await markTexts(page)).toEqual(['馬克·陳', '薩姆·奧爾特曼', '奧爾特曼', '趙晟佳']);
    await page.close();
  });

  it('never marks or changes form fields, editors, code, scripts, styles, templates or SVG', async () => {
    const page = await open('/pages/forms.html');
    const before = await page.evaluate(() => ({
      body: document.body.innerHTML,
      input: (document.getElementById('input') as HTMLInputElement).value,
      textarea: (document.getElementById('textarea') as HTMLTextAreaElement).value,
      select: (document.getElementById('select') as HTMLSelectElement).value,
      options: [...(document.getElementById('select') as HTMLSelectElement).options].map((o) => o.text),
      editor: document.getElementById('editor')!.innerHTML,
      plain: document.getElementById('editor-plain')!.innerHTML,
    }));
    await expect.poll(() => markTexts(page)).toEqual(['Mark Chen', 'Sam Altman']);
    expect(await markOwners(page)).toEqual(['control', 'control']);
    // Typing into the editor (a DOM change the observer sees) still marks nothing there.
    await page.click('#editor p');
    await page.keyboard.press('End');
    await page.keyboard.type(' And Shengjia Zhao.');
    // Longer than the rescan's debounce (at most 1 s after the first change).
    await expectNeverWithin(
      async () => (await markOwners(page)).join() !== 'control,control',
      NOTHING_HAPPENS_MS,
      'a mark appeared in the editor, or a control lost its mark',
    );
    const after = await page.evaluate(() => ({
      input: (document.getElementById('input') as HTMLInputElement).value,
      textarea: (document.getElementById('textarea') as HTMLTextAreaElement).value,
      select: (document.getElementById('select') as HTMLSelectElement).value,
      options: [...(document.getElementById('select') as HTMLSelectElement).options].map((o) => o.text),
      editor: document.getElementById('editor')!.innerHTML,
      plain: document.getElementById('editor-plain')!.innerHTML,
      bodyWithoutEditor: document.body.innerHTML.replace(document.getElementById('editor')!.outerHTML, ''),
    }));
    expect(after.input).toBe(before.input);
    expect(after.textarea).toBe(before.textarea);
    expect(after.select).toBe(before.select);
    expect(after.options).toEqual(before.options);
    expect(after.plain).toBe(before.plain);
    expect(after.editor).toBe('<p>Sam Altman in a rich-text editor. And Shengjia Zhao.</p>');
    expect(after.bodyWithoutEditor).toBe(
      before.body.replace(before.editor ? `<div id="editor" contenteditable="true">${before.editor}</div>` : '', ''),
    );
    await page.close();
  });

  it('matches a name split by inline markup, never one split across blocks', async () => {
    const page = await open('/pages/markup.html');
    await expect.poll(() => markTexts(page)).toContain('Mark Chen');
    const texts = await markTexts(page);
    expect(texts).toContain('Shengjia Zhao');
    // "Sam" ends one paragraph and "Altman" starts the next: never one full name across the two blocks.
    // Each half counts on its own merits: "Altman" is a shared name and this page's OpenAI is the evidence
    // that makes it Sam Altman's, which then gives his given name "Sam" to him. "Alexandr" and "Wang" sit in
    // nested blocks: nothing.
    expect(texts.some((t) => /Sam\s+Altman|Alexandr|Wang/.test(t))).toBe(false);
    // Shengjia Zhao is named in full, so the later "Zhao" counts.
    expect(texts).toEqual(['Mark Chen', 'Shengjia Zhao', 'Sam', 'Altman', 'Zhao']);
    const spansBlocks = await page.evaluate(() => {
      const highlight = CSS.highlights.get('talent-lens')!;
      return [...(highlight as unknown as Set<Range>)].some(
        (r) => r.startContainer.parentElement?.closest('p, div') !== r.endContainer.parentElement?.closest('p, div'),
      );
    });
    expect(spansBlocks).toBe(false);
    await page.close();
  });

  // A mark on a replaced node is taken down in the observer's callback, before the page's next task (a
  // StaticRange does not follow the page), so a read between two re-renders sees the live mark or none.
  it('follows a page that replaces its text nodes every 300 ms, without disturbing it', async () => {
    const page = await open('/pages/react-like.html');
    await expect.poll(() => markTexts(page)).toEqual(['Sam Altman']);
    // Across several re-renders the mark keeps pointing at the live text (never at a dropped node).
    const seen = new Set<string>();
    for (let i = 0; i < 8; i++) {
      await page.waitForTimeout(150);
      seen.add(JSON.stringify(await markTexts(page)));
    }
    expect(
      [...seen].every((s) => s === '["Sam Altman"]' || s === '[]'),
      `marks seen while it re-renders: ${[...seen].join(' ')}`,
    ).toBe(true);
    await expect.poll(() => markTexts(page)).toEqual(['Sam Altman']);
    // New text: the new full name arrives, and with it "Chen" in the other paragraph becomes valid.
    await page.evaluate(() => {
      (window as unknown as { nextText: string }).nextText = 'Mark Chen of OpenAI answered.';
    });
    // Mark Chen is a shared name: "of OpenAI" is the evidence that makes it the OpenAI Mark Chen.
    await expect.poll(() => markTexts(page), { timeout: 10_000 }).toEqual(['Mark Chen', 'Chen']);
    // And when the full name goes away again, the surname-only mark goes too.
    await page.evaluate(() => {
      (window as unknown as { nextText: string }).nextText = 'Nobody answered.';
    });
    await expect.poll(() => markTexts(page)).toEqual([]);
    expect(await page.evaluate(() => (window as unknown as { renderErrors: string[] }).renderErrors)).toEqual([]);
    expect(await page.evaluate(() => (window as unknown as { renders: number }).renders)).toBeGreaterThan(5);
    await page.close();
  });

  it('a page that names nobody in full is skipped unread, and read whole once a full name arrives', async () => {
    const page = await open('/pages/surnames-first.html');
    await page.waitForFunction(() => performance.getEntriesByName('talent-lens:marks-applied').length > 0);
    expect(await markTexts(page)).toEqual([]);
    // The full name arrives later: the surnames written before it now count as well.
    await page.evaluate(() => document.getElementById('later')!.insertAdjacentHTML('beforeend', '<p>Then Sam Altman arrived.</p>'));
    await expect.poll(() => markTexts(page)).toEqual(['Altman', '奥特曼', 'Sam Altman']);
    await page.close();
  });

  it('follows single-page-app navigation (pushState and new content)', async () => {
    const page = await open('/pages/spa.html');
    await expect.poll(() => markTexts(page)).toEqual(['Sam Altman']);
    await page.click('#to-second');
    await expect.poll(() => markTexts(page)).toEqual(['Shengjia Zhao', 'Zhao']);
    expect(new URL(page.url()).pathname).toBe('/second');
    await page.close();
  });

  it('styles marks from the manifest stylesheet, which a strict CSP does not block and the page cannot see', async () => {
    const page = await suite.browser.context.newPage();
    const violations: string[] = [];
    page.on('console', (message) => {
      if (['error', 'warning'].includes(message.type()) && /Content Security Policy|talent-lens/i.test(message.text()))
        violations.push(message.text());
    });
    await page.goto(suite.server.url('/pages/csp.html'));
    await expect.poll(() => markTexts(page)).toEqual(['Mark Chen', 'Sam Altman']);
    const styles = await page.evaluate(() => {
      const of = (name: string) => getComputedStyle(document.body, `::highlight(${name})`);
      return {
        mark: of('talent-lens').backgroundColor,
        active: of('talent-lens-active').textDecorationLine,
        unknown: of('not-ours').backgroundColor,
        pageSheets: document.styleSheets.length + document.adoptedStyleSheets.length,
      };
    });
    expect(styles).toEqual({ mark: 'rgba(59, 130, 246, 0.12)', active: 'underline', unknown: 'rgba(0, 0, 0, 0)', pageSheets: 0 });
    expect(await page.evaluate(() => document.querySelectorAll('style, link').length)).toBe(0);
    expect(violations).toEqual([]);
    await page.close();
  });
});
