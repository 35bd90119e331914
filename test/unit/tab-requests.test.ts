// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest';
import { tabRequestHandlers, type FrameState } from '@/content/tab-requests';

function marking() {
  return {
    idle: vi.fn(async () => undefined),
    report: vi.fn((enabled: boolean) => ({ url: 'u', title: 't', host: 'news.example', enabled, people: [{ personId: 'mark-chen' }] })),
    reveal: vi.fn(() => true),
    enter: vi.fn(() => true),
    focusNext: vi.fn(() => true),
    unreject: vi.fn(),
  };
}

function frame(change: Partial<FrameState> = {}, annotator: ReturnType<typeof marking> | null = marking()) {
  const state: FrameState = {
    annotator: () => annotator as never,
    enabled: () => true,
    findOnly: () => [{ personId: 'own-1' } as never],
    pageSite: () => 'news.example',
    choicesSite: () => 'news.example',
    hasReadersFocus: () => true,
    stepAcrossFrames: vi.fn(async () => false),
    ...change,
  };
  return { state, annotator, handlers: tabRequestHandlers(state) };
}

describe('tabRequestHandlers', () => {
  it('listMentions: the marked people and the find-only ones, after the pending scan; an empty report while off', async () => {
    const on = frame();
    const report = await on.handlers.listMentions();
    expect(on.annotator!.idle).toHaveBeenCalled();
    expect(report.people.map((p) => p.personId)).toEqual(['mark-chen', 'own-1']);
    const off = frame({ enabled: () => false });
    expect(await off.handlers.listMentions()).toMatchObject({ host: 'news.example', enabled: false, people: [] });
    expect(off.annotator!.report).not.toHaveBeenCalled();
  });

  it('revealMention: only a person id, only while on', async () => {
    const on = frame();
    expect(await on.handlers.revealMention({ personId: 'mark-chen' })).toBe(true);
    expect(await on.handlers.revealMention({ personId: 3 } as never)).toBe(false);
    expect(await frame({}, null).handlers.revealMention({ personId: 'mark-chen' })).toBe(false);
  });

  it('rejectionUndone: marks the name again only in a document of the choice’s site', () => {
    const here = frame();
    here.handlers.rejectionUndone({ site: 'other.example', personId: 'mark-chen', aliasText: 'Chen' });
    here.handlers.rejectionUndone({ site: 'news.example', personId: 'mark-chen' } as never);
    expect(here.annotator!.unreject).not.toHaveBeenCalled();
    here.handlers.rejectionUndone({ site: 'news.example', personId: 'mark-chen', aliasText: 'Chen' });
    expect(here.annotator!.unreject).toHaveBeenCalledWith({ personId: 'mark-chen', aliasText: 'Chen' });
  });

  it('focusNextMention: taken by the frame with the reader’s focus; handed on when it has no marks; entered from another frame', async () => {
    const focused = frame();
    expect(await focused.handlers.focusNextMention({ direction: -1 })).toBe(true);
    expect(focused.annotator!.focusNext).toHaveBeenCalledWith(-1);

    const elsewhere = frame({ hasReadersFocus: () => false });
    expect(await elsewhere.handlers.focusNextMention({ direction: 1 })).toBe(false);
    expect(elsewhere.annotator!.focusNext).not.toHaveBeenCalled();

    const unmarked = frame({}, null);
    await unmarked.handlers.focusNextMention({ direction: 1 });
    expect(unmarked.state.stepAcrossFrames).toHaveBeenCalledWith(1);

    const entered = frame({ hasReadersFocus: () => false });
    expect(await entered.handlers.focusNextMention({ direction: 1, enter: true })).toBe(true);
    expect(entered.annotator!.enter).toHaveBeenCalledWith(1);
    // Anything but -1 is forward.
    await entered.handlers.focusNextMention({ direction: 7, enter: true } as never);
    expect(entered.annotator!.enter).toHaveBeenLastCalledWith(1);
  });
});
