/**
 * The frames of a tab, as the content script in each frame and the popup see them: which frames are
 * worth reading, in what order the next-mention shortcut visits them, and one "On this page" report
 * made of every frame's. Pure, so it runs in Node.
 */
import type { MentionSummary, MentionsReport } from '@/content/navigation/mentions-report';

/** The top frame's id, in every browser. */
export const TOP_FRAME_ID = 0;

/**
 * The smallest frame viewport read, in CSS px. Below it a frame cannot show an article: 1×1 trackers,
 * hidden frames (0×0), 728×90 and 320×50 banners. A 300×250 or 160×600 ad is read, and costs what a
 * page without names costs (its text has none of the names that may count alone, so it is never walked).
 */
export const MIN_FRAME_WIDTH = 150;
export const MIN_FRAME_HEIGHT = 100;

/** Whether a child frame of this viewport size is read at all. */
export function frameWorthReading(width: number, height: number): boolean {
  return width >= MIN_FRAME_WIDTH && height >= MIN_FRAME_HEIGHT;
}

/**
 * The order the shortcut visits a tab's frames in: the top frame, then its frames by id. Browsers number
 * a tab's frames as they are created, so frames written in the page's markup come in document order.
 */
export function frameOrder(frameIds: Iterable<number>): number[] {
  const children = [...new Set(frameIds)].filter((id) => Number.isInteger(id) && id > TOP_FRAME_ID).sort((a, b) => a - b);
  return [TOP_FRAME_ID, ...children];
}

/**
 * The frames to offer the selection to, nearest first, when it leaves frame `from` going `direction`:
 * every other frame once, wrapping at the ends. `from` not among them (a frame without marks): from the
 * start going forward, from the end going back.
 */
export function framesAfter(order: readonly number[], from: number, direction: 1 | -1): number[] {
  const at = order.indexOf(from);
  const count = order.length;
  const start = at === -1 ? (direction === 1 ? -1 : count) : at;
  const result: number[] = [];
  for (let step = 1; step <= count; step++) {
    const index = start + direction * step;
    const frame = order[((index % count) + count) % count]!;
    if (frame !== from && !result.includes(frame)) result.push(frame);
  }
  return result;
}

/** One frame's answer to `listMentions`. */
export interface FrameReport {
  frameId: number;
  report: MentionsReport;
}

/**
 * The tab's "On this page": the top frame's page (address, title, site, switch) with every frame's
 * people, each once, counted over all frames. A person's first mention is the one in the earliest
 * frame of `frameOrder`, and the summary says which frame that is (for "show on page").
 */
export function mergeFrameReports(reports: readonly FrameReport[]): MentionsReport | null {
  const order = frameOrder(reports.map((r) => r.frameId));
  const byFrame = new Map(reports.map((r) => [r.frameId, r.report]));
  const top = byFrame.get(TOP_FRAME_ID);
  if (!top) return null;
  const people = new Map<string, MentionSummary>();
  for (const frameId of order) {
    const report = byFrame.get(frameId);
    if (!report?.enabled) continue;
    for (const summary of report.people) {
      const seen = people.get(summary.personId);
      if (!seen) {
        people.set(summary.personId, { ...summary, frameId });
        continue;
      }
      seen.count += summary.count;
      if (summary.possible) seen.possible = (seen.possible ?? 0) + summary.possible;
      // A marked mention in a later frame beats a "find only" one: there is something to scroll to.
      if (seen.unmarked && !summary.unmarked) {
        delete seen.unmarked;
        seen.first = summary.first;
        seen.frameId = frameId;
      }
    }
  }
  return { ...top, people: [...people.values()] };
}
