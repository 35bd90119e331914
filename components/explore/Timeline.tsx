import { useState } from 'preact/hooks';
import type { Labels } from '@/components/explore/labels';
import { organizationColour } from '@/components/explore/palette';
import { extensionPagePath } from '@/utils/extension-pages';
import type { Lane } from '@/utils/explore/timeline';
import { isDisputed, type ExploreMove } from '@/utils/explore/moves';
import { dateSpan } from '@/utils/explore/periods';
import { t } from '@/utils/i18n';

const ROW_HEIGHT = 32;
const VIEW_HEIGHT = 520;
/** Rows drawn above and below the visible ones, so a quick scroll shows no gap. */
const OVERSCAN = 8;
const NAME_WIDTH = 180;
const YEAR_WIDTH = 56;
const UNDATED_WIDTH = 120;

function moveText(move: ExploreMove, labels: Labels): string {
  return `${labels.organization(move.from)} → ${labels.organization(move.to)}, ${labels.date(move)}`;
}

/**
 * Every person's moves as a lane over time: each dated move a bar as long as its date is
 * precise (a year-only date covers the year), undated moves in their own column at the end.
 * Only the lanes in view are in the DOM, so 10,000 people scroll as easily as 30.
 */
export function Timeline({ lanes, years, labels }: { lanes: Lane[]; years: [number, number] | undefined; labels: Labels }) {
  const [scrollTop, setScrollTop] = useState(0);
  const [first, last] = years ?? [0, -1];
  const yearCount = last - first + 1;
  const trackWidth = Math.max(0, yearCount) * YEAR_WIDTH;
  const width = NAME_WIDTH + trackWidth + UNDATED_WIDTH;
  const start = Math.max(0, Math.floor(scrollTop / ROW_HEIGHT) - OVERSCAN);
  const end = Math.min(lanes.length, Math.ceil((scrollTop + VIEW_HEIGHT) / ROW_HEIGHT) + OVERSCAN);
  const x = (time: number) => NAME_WIDTH + (time - first) * YEAR_WIDTH;

  return (
    <div class="tl-explore-timeline" data-testid="timeline">
      <div class="tl-explore-timeline-axis" style={{ width: `${width}px` }} aria-hidden="true">
        {Array.from({ length: Math.max(0, yearCount) }, (_, i) => (
          <span key={i} style={{ left: `${x(first + i)}px`, width: `${YEAR_WIDTH}px` }}>
            {first + i}
          </span>
        ))}
        <span style={{ left: `${NAME_WIDTH + trackWidth}px`, width: `${UNDATED_WIDTH}px` }}>{t('exploreUndated')}</span>
      </div>
      <div
        class="tl-explore-timeline-scroll"
        style={{ height: `${Math.min(VIEW_HEIGHT, lanes.length * ROW_HEIGHT + 2)}px` }}
        onScroll={(event) => setScrollTop(event.currentTarget.scrollTop)}
      >
        <ol
          class="tl-explore-lanes"
          style={{ height: `${lanes.length * ROW_HEIGHT}px`, width: `${width}px` }}
          aria-label={t('exploreTimelineHeading')}
        >
          {lanes.slice(start, end).map((lane, offset) => {
            const undated = lane.moves.filter((move) => !move.when);
            return (
              <li
                key={lane.personId}
                class="tl-explore-lane"
                style={{ top: `${(start + offset) * ROW_HEIGHT}px` }}
                data-testid="lane"
                data-person-id={lane.personId}
              >
                <a class="tl-explore-lane-name" href={extensionPagePath('popup', lane.personId)} style={{ width: `${NAME_WIDTH - 8}px` }}>
                  {lane.name}
                </a>
                <ul class="tl-sr-only">
                  {lane.moves.map((move) => (
                    <li key={move.id}>{moveText(move, labels)}</li>
                  ))}
                </ul>
                {lane.moves
                  .filter((move) => move.when)
                  .map((move) => {
                    const [from, to] = dateSpan(move.when!);
                    return (
                      <span
                        key={move.id}
                        class={`tl-explore-mark${isDisputed(move) ? ' tl-explore-mark-disputed' : ''}`}
                        style={{
                          left: `${x(from)}px`,
                          width: `${Math.max(6, (to - from) * YEAR_WIDTH)}px`,
                          background: organizationColour(move.to ?? '', move.to !== null),
                        }}
                        title={moveText(move, labels)}
                        aria-hidden="true"
                        data-testid="lane-move"
                      />
                    );
                  })}
                {undated.length > 0 && (
                  <span
                    class="tl-explore-undated"
                    style={{ left: `${NAME_WIDTH + trackWidth + 4}px`, width: `${UNDATED_WIDTH - 8}px` }}
                    title={undated.map((m) => moveText(m, labels)).join('\n')}
                    aria-hidden="true"
                  >
                    {undated.map((m) => labels.organization(m.to)).join(', ')}
                  </span>
                )}
              </li>
            );
          })}
        </ol>
      </div>
    </div>
  );
}
