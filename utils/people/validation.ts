/**
 * Runtime checks for the reader's people and additions arriving from outside the
 * store: the add form (any extension page) and files being imported. Typed
 * against records.ts, so the TypeScript declarations stay the one source of
 * the shape.
 */
import { z } from 'zod';
import { PartialDate, PersonId } from '@/data/schema';
import {
  PEOPLE_LIMITS,
  USER_PERSON_PREFIX,
  type FactSource,
  type PersonAdditionDraft,
  type PersonAdditionRecord,
  type UserAlias,
  type UserFact,
  type UserFactDraft,
  type UserPersonDraft,
  type UserPersonRecord,
} from '@/utils/people/records';

const epochMs = z.number().int().nonnegative().max(8.64e15);

/** Some visible text, trimmed, within a limit. */
const text = (max: number, what: string) =>
  z.string().trim().min(1, `${what} needs some text`).max(max, `${what} holds at most ${max} characters`);

const Revision = z
  .number()
  .int('a revision is a whole number')
  .min(1, 'a revision is at least 1')
  .max(PEOPLE_LIMITS.revision, `a revision is at most ${PEOPLE_LIMITS.revision}`);

const RecordId = z
  .string()
  .min(1)
  .max(PEOPLE_LIMITS.id)
  .regex(/^[A-Za-z0-9_-]+$/, 'ids are letters, digits, - and _');

/** The reader's own people: `u-` then lowercase words joined by hyphens (a UUID is). */
export const UserPersonId = PersonId.refine(
  (id) => id.startsWith(USER_PERSON_PREFIX),
  `the reader's people have ids starting "${USER_PERSON_PREFIX}"`,
);

/** A bundled person's id: never the reader's prefix. */
const BundledPersonId = PersonId.refine((id) => !id.startsWith(USER_PERSON_PREFIX), 'an addition belongs to a bundled person');

const UserAliasSchema: z.ZodType<UserAlias> = z.object({
  text: text(PEOPLE_LIMITS.alias, 'an alias'),
  kind: z.enum(['full', 'surname', 'given'], { error: 'an alias is full, surname or given' }),
});

const FactSourceSchema: z.ZodType<FactSource> = z.object({
  url: z
    .string()
    .max(PEOPLE_LIMITS.url)
    .refine((url) => /^https?:\/\//i.test(url), 'a source is a web page (http or https)'),
  title: z.string().max(PEOPLE_LIMITS.title),
  date: PartialDate.optional(),
  quote: z.string().max(PEOPLE_LIMITS.quote).optional(),
});

const factFields = {
  id: RecordId,
  kind: z.enum(['role', 'move'], { error: 'a fact is a role or a move' }),
  text: text(PEOPLE_LIMITS.role, 'a fact'),
  org: text(PEOPLE_LIMITS.org, 'an organization').optional(),
  when: PartialDate.optional(),
  source: FactSourceSchema.optional(),
  addedAt: epochMs,
};
const UserFactSchema: z.ZodType<UserFact> = z.object(factFields);
const UserFactDraftSchema: z.ZodType<UserFactDraft> = z.object({ ...factFields, id: RecordId.optional(), addedAt: epochMs.optional() });

const Visibility = z.enum(['mark', 'find-only'], { error: 'visibility is mark or find-only' });

const layerFields = {
  aliases: z.array(UserAliasSchema).max(PEOPLE_LIMITS.aliases, `at most ${PEOPLE_LIMITS.aliases} aliases`),
  facts: z.array(UserFactSchema).max(PEOPLE_LIMITS.facts, `at most ${PEOPLE_LIMITS.facts} facts`),
  tags: z.array(text(PEOPLE_LIMITS.tag, 'a tag')).max(PEOPLE_LIMITS.tags, `at most ${PEOPLE_LIMITS.tags} tags`),
  visibility: Visibility.optional(),
};

const recordFields = { createdAt: epochMs, updatedAt: epochMs, revision: Revision };

const PersonName = z.object({
  primary: text(PEOPLE_LIMITS.name, 'a name'),
  other: text(PEOPLE_LIMITS.name, 'a name').optional(),
});

export const UserPersonSchema: z.ZodType<UserPersonRecord> = z.object({
  id: UserPersonId,
  name: PersonName,
  org: text(PEOPLE_LIMITS.org, 'an organization').optional(),
  role: text(PEOPLE_LIMITS.role, 'a role').optional(),
  ...layerFields,
  aliases: layerFields.aliases.min(1, 'a person needs at least one name to look for'),
  ...recordFields,
});

export const PersonAdditionSchema: z.ZodType<PersonAdditionRecord> = z.object({
  id: BundledPersonId,
  ...layerFields,
  ...recordFields,
});

export const UserPersonDraftSchema: z.ZodType<UserPersonDraft> = z.object({
  id: UserPersonId.optional(),
  baseRevision: Revision.optional(),
  name: PersonName,
  aliases: layerFields.aliases.min(1, 'a person needs at least one name to look for'),
  org: text(PEOPLE_LIMITS.org, 'an organization').optional(),
  role: text(PEOPLE_LIMITS.role, 'a role').optional(),
  facts: z.array(UserFactDraftSchema).max(PEOPLE_LIMITS.facts, `at most ${PEOPLE_LIMITS.facts} facts`).optional(),
  tags: layerFields.tags.optional(),
  visibility: Visibility.optional(),
});

export const PersonAdditionDraftSchema: z.ZodType<PersonAdditionDraft> = z.object({
  personId: BundledPersonId,
  baseRevision: Revision.optional(),
  aliases: layerFields.aliases,
  facts: z.array(UserFactDraftSchema).max(PEOPLE_LIMITS.facts, `at most ${PEOPLE_LIMITS.facts} facts`).optional(),
  tags: layerFields.tags.optional(),
  visibility: Visibility.optional(),
});
