import type { Ref } from 'preact';
import { DisputeExplanation, SourceList } from '@/components/explore/MoveSources';
import type { ExploreReference, Labels } from '@/components/explore/labels';
import { flowDescription } from '@/components/explore/FlowPicture';
import { extensionPagePath } from '@/utils/extension-pages';
import type { Flow } from '@/utils/explore/flows';
import { isDisputed } from '@/utils/explore/moves';
import { t } from '@/utils/i18n';
import { AddedByYou } from '@/components/people/UserFacts';

/** Who made a flow's moves, when, on which sources, and why any of it is disputed; each person links to their page. */
export function FlowDetails({
  flow,
  reference,
  labels,
  headingRef,
}: {
  flow: Flow | undefined;
  reference: ExploreReference;
  labels: Labels;
  headingRef: Ref<HTMLHeadingElement>;
}) {
  if (!flow) {
    return (
      <section class="tl-explore-details" aria-live="polite">
        <p class="tl-muted-note">{t('exploreFlowHint')}</p>
      </section>
    );
  }
  return (
    <section class="tl-explore-details" aria-live="polite" data-testid="flow-details" data-flow={flow.key}>
      <h2 ref={headingRef} tabIndex={-1}>
        {flowDescription(flow, labels)}
      </h2>
      <ul class="tl-explore-moves">
        {flow.moves.map((move) => (
          <li key={move.id} data-testid="flow-move" data-person-id={move.personId}>
            <p>
              <a href={extensionPagePath('popup', move.personId)} data-testid="flow-person">
                {labels.person(move)}
              </a>
              {' · '}
              {labels.organization(move.from)} → {labels.organization(move.to)}
              {' · '}
              <span data-testid="flow-move-date">{labels.date(move)}</span>
              {isDisputed(move) && <span class="tl-explore-badge">{t('exploreDisputed')}</span>}
              {move.origin === 'own' && <span class="tl-explore-badge">{t('exploreOriginOwn')}</span>}
            </p>
            <SourceList reference={reference} sources={move.sources} labels={labels} />
            {move.own && (
              <div class="tl-muted-note" data-testid="own-move-source">
                {move.own.text}
                {move.own.source?.quote && <blockquote class="tl-explore-quote">{move.own.source.quote}</blockquote>}
                <AddedByYou source={move.own.source} addedAt={move.own.addedAt} />
              </div>
            )}
            <DisputeExplanation move={move} reference={reference} labels={labels} />
          </li>
        ))}
      </ul>
    </section>
  );
}
