/**
 * The reader's people and additions as the notes page lists them: one row each, named
 * as the reader would recognise them, newest change first.
 */
import type { PersonAdditionRecord, UserPersonRecord, Visibility } from '@/utils/people/records';
import type { UserLayerSnapshot } from '@/utils/people/store';

export interface OwnPeopleRow {
  id: string;
  /** 'person': one of the reader's own people; 'addition': their layer over a bundled person. */
  kind: 'person' | 'addition';
  name: string;
  /** The name in the other script, when the reader gave it. */
  otherName?: string;
  /** Organization and role of one of the reader's people, as they wrote them. */
  role?: string;
  /** Names looked for besides the person's own. */
  aliases: string[];
  facts: number;
  tags: string[];
  /** What the reader chose for this person; absent: their default. */
  visibility?: Visibility;
  updatedAt: number;
}

function personRow(person: UserPersonRecord): OwnPeopleRow {
  const own = new Set([person.name.primary, person.name.other]);
  return {
    id: person.id,
    kind: 'person',
    name: person.name.primary,
    ...(person.name.other ? { otherName: person.name.other } : {}),
    ...(person.org || person.role ? { role: [person.role, person.org].filter(Boolean).join(' · ') } : {}),
    aliases: person.aliases.map((a) => a.text).filter((text) => !own.has(text)),
    facts: person.facts.length,
    tags: person.tags,
    ...(person.visibility ? { visibility: person.visibility } : {}),
    updatedAt: person.updatedAt,
  };
}

function additionRow(addition: PersonAdditionRecord, bundledName: (personId: string) => string): OwnPeopleRow {
  return {
    id: addition.id,
    kind: 'addition',
    name: bundledName(addition.id),
    aliases: addition.aliases.map((a) => a.text),
    facts: addition.facts.length,
    tags: addition.tags,
    ...(addition.visibility ? { visibility: addition.visibility } : {}),
    updatedAt: addition.updatedAt,
  };
}

/** Every row, the most recently changed first (a person just edited or restored comes to the top). */
export function ownPeopleRows(layer: UserLayerSnapshot, bundledName: (personId: string) => string): OwnPeopleRow[] {
  return [...layer.people.map(personRow), ...layer.additions.map((a) => additionRow(a, bundledName))].sort(
    (a, b) => b.updatedAt - a.updatedAt || a.name.localeCompare(b.name),
  );
}
