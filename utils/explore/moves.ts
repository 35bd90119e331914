/**
 * The moves Explore draws, from any origin: the bundled dataset, and the reader's own people
 * (own-moves.ts). Each move keeps its person, its sources and what puts it in doubt, so the
 * picture, the timeline and the table can all say who moved, when and on whose word. Pure.
 */
import type { BilingualText, DatasetDetails, SourceRefRecord } from '@/data/schema';
import type { FactSource } from '@/utils/people/records';

/** Where a move comes from: the bundled dataset, or people the reader added. */
export type MoveOrigin = 'bundled' | 'own';

export interface ExploreMove {
  /** Unique in a list: the person's id and the move's place in their moves. */
  id: string;
  personId: string;
  personName: BilingualText;
  origin: MoveOrigin;
  /** Organization ids; null where the sources name none (a founder's first job, a departure to nowhere stated). */
  from: string | null;
  to: string | null;
  /** As precise as the sources state it; absent when no source dates it. */
  when?: string;
  sources: SourceRefRecord[];
  /** A move the reader added: their words, when, and the page they cited (shown as theirs, never as a dataset source). */
  own?: { text: string; addedAt: number; source?: FactSource };
  /** The conflict (sources that disagree) this move belongs to. */
  conflict?: string;
  /** Our own doubt about the claim, where no second source disagrees. */
  doubt?: BilingualText;
}

/** Disputed: the sources disagree about it, or we doubt what they claim. */
export function isDisputed(move: ExploreMove): boolean {
  return move.conflict !== undefined || move.doubt !== undefined;
}

/** Every move of the bundled dataset, in the dataset's order. */
export function bundledMoves(details: DatasetDetails): ExploreMove[] {
  const moves: ExploreMove[] = [];
  for (const person of Object.values(details.people)) {
    person.moves.forEach((move, index) => {
      moves.push({
        id: `${person.id}#${index}`,
        personId: person.id,
        personName: { en: person.name.en, ...(person.name.zh ? { zh: person.name.zh } : {}) },
        origin: 'bundled',
        from: move.from,
        to: move.to,
        ...(move.when ? { when: move.when } : {}),
        sources: move.sources,
        ...(move.conflict ? { conflict: move.conflict } : {}),
        ...(move.doubt ? { doubt: move.doubt } : {}),
      });
    });
  }
  return moves;
}
