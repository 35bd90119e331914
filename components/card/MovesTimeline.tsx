import type { PersonCard } from '@/data/schema';
import { t } from '@/utils/i18n';
import { ConflictMark } from './ConflictMark';
import { pick, type CardLang } from './text';

export interface MovesTimelineProps {
  card: PersonCard;
  lang: CardLang;
}

/** Career moves as a small vertical timeline: date, org → org, role, one line of context. */
export function MovesTimeline({ card, lang }: MovesTimelineProps) {
  const { person, organizations, sources, conflicts } = card;
  const orgName = (id: string) => {
    const org = organizations[id];
    return org ? pick(org.name, lang) : id;
  };
  // A move may name only one side: where the person came from (or went to) is not always known.
  const route = (from: string | null, to: string | null) =>
    from && to
      ? `${orgName(from)} → ${orgName(to)}`
      : to
        ? t('cardMoveJoined', orgName(to))
        : from
          ? t('cardMoveLeft', orgName(from))
          : null;
  return (
    <ol class="tl-moves" data-testid="moves">
      {person.moves.map((move, i) => {
        const conflict = move.conflict ? conflicts.find((c) => c.id === move.conflict) : undefined;
        const path = route(move.from, move.to);
        return (
          <li key={i} class="tl-move" data-testid="move">
            {/* Partial dates are shown exactly as precise as the sources state them. */}
            <span class="tl-move-when">{move.when ?? t('cardUndated')}</span>
            <div class="tl-move-body">
              {path && <span class="tl-move-route">{path}</span>}
              {move.role && <span class="tl-move-role">{pick(move.role, lang)}</span>}
              {move.summary && <span class="tl-move-summary">{pick(move.summary, lang)}</span>}
              {move.doubt && (
                <span class="tl-move-summary tl-move-doubt" data-testid="move-doubt">
                  {t('cardMoveDoubt', pick(move.doubt, lang))}
                </span>
              )}
            </div>
            {/* Below the move across both columns, so the claims get the card's width. */}
            {conflict && (
              <div class="tl-fact tl-move-conflict">
                <ConflictMark conflict={conflict} sources={sources} lang={lang} />
              </div>
            )}
          </li>
        );
      })}
    </ol>
  );
}
