import { useState } from 'preact/hooks';
import type { Labels, ExploreReference } from '@/components/explore/labels';
import { extensionPagePath } from '@/utils/extension-pages';
import { isDisputed, type ExploreMove } from '@/utils/explore/moves';
import { periodOf, type Granularity } from '@/utils/explore/periods';
import { t } from '@/utils/i18n';

const PAGE_ROWS = 200;

/** The table's columns, for the page and for the CSV alike. */
export function moveTableHeader(): string[] {
  return [
    t('exploreColumnPerson'),
    t('exploreColumnFrom'),
    t('exploreColumnTo'),
    t('exploreColumnDate'),
    t('exploreColumnPeriod'),
    t('exploreColumnDisputed'),
    t('exploreColumnSources'),
    t('exploreColumnOrigin'),
  ];
}

export function moveTableRow(move: ExploreMove, granularity: Granularity, labels: Labels, reference: ExploreReference): string[] {
  return [
    labels.person(move),
    labels.organization(move.from),
    labels.organization(move.to),
    labels.date(move),
    labels.period(periodOf(move.when, granularity)),
    isDisputed(move) ? t('exploreYes') : t('exploreNo'),
    move.own
      ? (move.own.source?.title ?? move.own.source?.url ?? '')
      : move.sources.map((s) => reference.sources[s.source]?.title ?? s.source).join('; '),
    move.origin === 'own' ? t('exploreOriginOwn') : t('exploreOriginBundled'),
  ];
}

/** The same moves as the picture, as a table: for screen readers, for copying, and what the CSV exports. */
export function MoveTable({
  moves,
  granularity,
  labels,
  reference,
}: {
  moves: ExploreMove[];
  granularity: Granularity;
  labels: Labels;
  reference: ExploreReference;
}) {
  const [shown, setShown] = useState(PAGE_ROWS);
  const header = moveTableHeader();
  return (
    <div class="tl-explore-table-wrap">
      <table class="tl-explore-table" data-testid="move-table">
        <caption class="tl-sr-only">{t('exploreTableHeading')}</caption>
        <thead>
          <tr>
            {header.map((label) => (
              <th key={label} scope="col">
                {label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {moves.slice(0, shown).map((move) => {
            const [person, ...rest] = moveTableRow(move, granularity, labels, reference);
            return (
              <tr key={move.id} data-testid="move-row" data-person-id={move.personId}>
                <th scope="row">
                  <a href={extensionPagePath('popup', move.personId)}>{person}</a>
                </th>
                {rest.map((value, index) => (
                  <td key={index}>{value}</td>
                ))}
              </tr>
            );
          })}
        </tbody>
      </table>
      {moves.length > shown && (
        <button type="button" class="tl-button" onClick={() => setShown(shown + PAGE_ROWS)} data-testid="table-more">
          {t('exploreShowMore', [String(shown), String(moves.length)])}
        </button>
      )}
    </div>
  );
}
