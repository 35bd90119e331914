import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { cardLang } from '@/components/card/text';
import { PageNav } from '@/components/pages/PageNav';
import { FlowDetails } from '@/components/explore/FlowDetails';
import { FlowPicture } from '@/components/explore/FlowPicture';
import { MoveTable, moveTableHeader, moveTableRow } from '@/components/explore/MoveTable';
import { Timeline } from '@/components/explore/Timeline';
import { saveCsv, savePng, saveSvg } from '@/components/explore/export';
import { explorerLabels, type ExploreReference } from '@/components/explore/labels';
import { usePalette } from '@/components/explore/palette';
import { toCsv } from '@/utils/explore/csv';
import { layoutFlows } from '@/utils/explore/flow-layout';
import {
  ALL,
  DEFAULT_FILTER,
  DEFAULT_FLOW_OPTIONS,
  filterMoves,
  flowBands,
  organizationsOf,
  periodsOf,
  type ExploreFilter,
  type Flow,
} from '@/utils/explore/flows';
import type { ExploreMove } from '@/utils/explore/moves';
import { timelineLanes, timelineYears, type LaneSort } from '@/utils/explore/timeline';
import { t, type MessageKey } from '@/utils/i18n';
import { logError } from '@/utils/log';

type View = 'flows' | 'timeline' | 'table';
const VIEWS: Array<[View, MessageKey]> = [
  ['flows', 'exploreViewFlows'],
  ['timeline', 'exploreViewTimeline'],
  ['table', 'exploreViewTable'],
];
const SORTS: Array<[LaneSort, MessageKey]> = [
  ['date', 'exploreSortDate'],
  ['organization', 'exploreSortOrganization'],
  ['name', 'exploreSortName'],
];

/**
 * Explore: where the people of the data moved, as a flow picture over time, a timeline of each
 * person's moves and a table, all under the same filters. The moves can come from any origin
 * (utils/explore/moves.ts): the bundled dataset, and the reader's own moves (utils/explore/own-moves.ts).
 */
export function ExplorePage({ moves, reference }: { moves: ExploreMove[]; reference: ExploreReference }) {
  const labels = useMemo(() => explorerLabels(reference, cardLang()), [reference]);
  const palette = usePalette();
  const [filter, setFilter] = useState<ExploreFilter>(DEFAULT_FILTER);
  const [view, setView] = useState<View>('flows');
  const [sort, setSort] = useState<LaneSort>('date');
  const [activeKey, setActiveKey] = useState<string>();
  const [exportError, setExportError] = useState<string>();
  const svgRef = useRef<SVGSVGElement>(null);
  const pictureRef = useRef<HTMLDivElement>(null);
  const detailsHeading = useRef<HTMLHeadingElement>(null);

  const periods = useMemo(() => periodsOf(moves, filter.granularity), [moves, filter.granularity]);
  const organizations = useMemo(
    () => organizationsOf(moves).sort((a, b) => labels.organization(a).localeCompare(labels.organization(b))),
    [moves, labels],
  );
  const shown = useMemo(() => filterMoves(moves, filter), [moves, filter]);
  const bands = useMemo(
    () =>
      flowBands(shown, filter.granularity, {
        ...DEFAULT_FLOW_OPTIONS,
        ...(filter.organization !== ALL ? { keep: filter.organization } : {}),
      }),
    [shown, filter.granularity, filter.organization],
  );
  const layout = useMemo(() => layoutFlows(bands), [bands]);
  const activeFlow = useMemo(() => bands.flatMap((band) => band.flows).find((flow) => flow.key === activeKey), [bands, activeKey]);
  const lanes = useMemo(
    () => (view === 'timeline' ? timelineLanes(shown, sort, labels.person, labels.organization) : []),
    [view, shown, sort, labels],
  );
  const years = useMemo(() => timelineYears(shown), [shown]);

  // The newest periods are the news: the picture opens scrolled to its end (the undated band beside them).
  useEffect(() => {
    const picture = pictureRef.current;
    if (picture) picture.scrollLeft = picture.scrollWidth;
  }, [layout, view]);

  const update = (change: Partial<ExploreFilter>) => {
    const next = { ...filter, ...change };
    // A period of the other granularity does not exist under this one.
    if (change.granularity && next.period !== ALL && !periodsOf(moves, next.granularity).includes(next.period)) next.period = ALL;
    setFilter(next);
  };
  const openFlow = (flow: Flow) => {
    setActiveKey(flow.key);
    requestAnimationFrame(() => detailsHeading.current?.focus());
  };
  const exportCsv = () =>
    saveCsv(
      toCsv(
        moveTableHeader(),
        shown.map((move) => moveTableRow(move, filter.granularity, labels, reference)),
      ),
      'talent-lens-moves.csv',
    );

  return (
    <div class="tl-host tl-page">
      <div class="tl-app tl-explore" data-testid="explore-page">
        <PageNav current="explore" />
        <header>
          <h1>{t('exploreTitle')}</h1>
          <p class="tl-muted-note">{t('exploreIntro')}</p>
        </header>

        <form class="tl-explore-filters" onSubmit={(event) => event.preventDefault()} aria-label={t('exploreFiltersLabel')}>
          <label>
            {t('exploreFilterGranularity')}
            <select
              value={filter.granularity}
              onChange={(e) => update({ granularity: e.currentTarget.value as ExploreFilter['granularity'] })}
              data-testid="filter-granularity"
            >
              <option value="year">{t('exploreYear')}</option>
              <option value="quarter">{t('exploreQuarterOption')}</option>
            </select>
          </label>
          <label>
            {t('exploreFilterPeriod')}
            <select value={filter.period} onChange={(e) => update({ period: e.currentTarget.value })} data-testid="filter-period">
              <option value={ALL}>{t('exploreAllPeriods')}</option>
              {periods.map((period) => (
                <option key={period} value={period}>
                  {labels.period(period)}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t('exploreFilterOrganization')}
            <select
              value={filter.organization}
              onChange={(e) => update({ organization: e.currentTarget.value })}
              data-testid="filter-organization"
            >
              <option value={ALL}>{t('exploreAllOrganizations')}</option>
              {organizations.map((id) => (
                <option key={id} value={id}>
                  {labels.organization(id)}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t('exploreFilterOrigin')}
            <select
              value={filter.origin}
              onChange={(e) => update({ origin: e.currentTarget.value as ExploreFilter['origin'] })}
              data-testid="filter-origin"
            >
              <option value={ALL}>{t('exploreOriginAll')}</option>
              <option value="bundled">{t('exploreOriginBundled')}</option>
              <option value="own">{t('exploreOriginOwn')}</option>
            </select>
          </label>
        </form>

        <div class="tl-explore-toolbar">
          <div class="tl-explore-views" role="group" aria-label={t('exploreViewsLabel')}>
            {VIEWS.map(([id, label]) => (
              <button
                key={id}
                type="button"
                class="tl-button"
                aria-pressed={view === id}
                onClick={() => setView(id)}
                data-testid={`view-${id}`}
              >
                {t(label)}
              </button>
            ))}
          </div>
          <p class="tl-status-line" role="status" data-testid="explore-count">
            {t('exploreCount', [String(shown.length), String(new Set(shown.map((m) => m.personId)).size)])}
          </p>
        </div>

        {shown.length === 0 ? (
          <p data-testid="explore-empty">
            {filter.origin === 'own' && !moves.some((m) => m.origin === 'own') ? t('exploreNoOwnPeople') : t('exploreNothing')}
          </p>
        ) : (
          <>
            {view === 'flows' && (
              <section aria-labelledby="tl-explore-flows">
                <h2 id="tl-explore-flows" class="tl-sr-only">
                  {t('exploreFlowsHeading')}
                </h2>
                <p class="tl-muted-note tl-explore-legend">
                  <svg width="36" height="10" aria-hidden="true">
                    <line x1="0" y1="5" x2="36" y2="5" stroke={palette.muted} stroke-width="6" />
                  </svg>
                  {t('exploreLegendAgreed')}
                  <svg width="36" height="10" aria-hidden="true">
                    <line x1="0" y1="5" x2="36" y2="5" stroke={palette.muted} stroke-width="6" stroke-dasharray="7 5" />
                  </svg>
                  {t('exploreLegendDisputed')}
                </p>
                <div class="tl-explore-picture" ref={pictureRef}>
                  <FlowPicture
                    layout={layout}
                    labels={labels}
                    palette={palette}
                    activeKey={activeKey}
                    onActivate={(flow) => setActiveKey(flow.key)}
                    onOpen={openFlow}
                    svgRef={svgRef}
                  />
                </div>
                <div class="tl-explore-actions">
                  <button
                    type="button"
                    class="tl-button"
                    onClick={() => svgRef.current && saveSvg(svgRef.current, 'talent-lens-flows.svg')}
                    data-testid="export-svg"
                  >
                    {t('exploreExportSvg')}
                  </button>
                  <button
                    type="button"
                    class="tl-button"
                    onClick={() => {
                      if (!svgRef.current) return;
                      setExportError(undefined);
                      savePng(svgRef.current, 'talent-lens-flows.png').catch((cause: unknown) => {
                        logError('saving the picture as PNG failed', cause);
                        setExportError(t('exploreExportFailed', cause instanceof Error ? cause.message : String(cause)));
                      });
                    }}
                    data-testid="export-png"
                  >
                    {t('exploreExportPng')}
                  </button>
                </div>
                {exportError && (
                  <p class="tl-status tl-error" role="alert">
                    {exportError}
                  </p>
                )}
                <FlowDetails flow={activeFlow} reference={reference} labels={labels} headingRef={detailsHeading} />
              </section>
            )}
            {view === 'timeline' && (
              <section aria-labelledby="tl-explore-timeline">
                <h2 id="tl-explore-timeline" class="tl-sr-only">
                  {t('exploreTimelineHeading')}
                </h2>
                <label class="tl-explore-sort">
                  {t('exploreSortBy')}
                  <select value={sort} onChange={(e) => setSort(e.currentTarget.value as LaneSort)} data-testid="timeline-sort">
                    {SORTS.map(([id, label]) => (
                      <option key={id} value={id}>
                        {t(label)}
                      </option>
                    ))}
                  </select>
                </label>
                <Timeline lanes={lanes} years={years} labels={labels} />
              </section>
            )}
            {view === 'table' && (
              <section aria-labelledby="tl-explore-table">
                <h2 id="tl-explore-table" class="tl-sr-only">
                  {t('exploreTableHeading')}
                </h2>
                <div class="tl-explore-actions">
                  <button type="button" class="tl-button" onClick={exportCsv} data-testid="export-csv">
                    {t('exploreExportCsv')}
                  </button>
                </div>
                <MoveTable moves={shown} granularity={filter.granularity} labels={labels} reference={reference} />
              </section>
            )}
          </>
        )}
      </div>
    </div>
  );
}
