import { citedSource } from '@/components/card/source-facts';
import { langOf, pick, stripEmphasis } from '@/components/card/text';
import type { ExploreReference, Labels } from '@/components/explore/labels';
import type { SourceRefRecord } from '@/data/schema';
import type { ExploreMove } from '@/utils/explore/moves';
import { t } from '@/utils/i18n';

/** A source as every screen cites it (components/card/source-facts.ts), and the quote it was cited for. */
function SourceLine({ reference, source, labels }: { reference: ExploreReference; source: SourceRefRecord; labels: Labels }) {
  const record = reference.sources[source.source];
  if (!record) return <li>{source.source}</li>;
  const cited = citedSource(record, labels.lang);
  return (
    <li data-testid="move-source" data-source-id={record.id}>
      <cite lang={langOf(cited.title)}>{cited.title}</cite>
      {cited.titleTranslation && <span class="tl-muted-note"> ({cited.titleTranslation})</span>}
      <span class="tl-muted-note"> · {[cited.publisher, cited.when, cited.language].join(' · ')}</span>
      {source.quote && (
        <blockquote class="tl-explore-quote" lang={langOf(source.quote)}>
          {stripEmphasis(source.quote)}
        </blockquote>
      )}
    </li>
  );
}

export function SourceList({ reference, sources, labels }: { reference: ExploreReference; sources: SourceRefRecord[]; labels: Labels }) {
  return (
    <ul class="tl-explore-sources">
      {sources.map((source, index) => (
        <SourceLine key={`${source.source}-${index}`} reference={reference} source={source} labels={labels} />
      ))}
    </ul>
  );
}

/**
 * Why a move is disputed, one click away: every claim of its conflict with its own sources
 * (none silently picked), or our doubt about the claim.
 */
export function DisputeExplanation({ move, reference, labels }: { move: ExploreMove; reference: ExploreReference; labels: Labels }) {
  const conflict = move.conflict ? reference.conflicts.find((c) => c.id === move.conflict) : undefined;
  if (!conflict && !move.doubt) return null;
  return (
    <details class="tl-explore-dispute" data-testid="move-dispute">
      <summary>{t('exploreWhyDisputed')}</summary>
      {conflict && (
        <div>
          <p>{pick(conflict.topic, labels.lang)}</p>
          <ol>
            {conflict.claims.map((claim, index) => (
              <li key={index} data-testid="dispute-claim">
                <p>{pick(claim.statement, labels.lang)}</p>
                <SourceList reference={reference} sources={claim.sources} labels={labels} />
              </li>
            ))}
          </ol>
        </div>
      )}
      {move.doubt && <p data-testid="move-doubt">{pick(move.doubt, labels.lang)}</p>}
    </details>
  );
}
