/**
 * The people dataset's schema: the one declaration of every dataset record.
 *
 * The source files (data/people/*.json, organizations.json, sources.json,
 * conflicts.json) are validated against it by the data build
 * (scripts/build-data.ts) and by the unit tests. The build then splits the
 * dataset in two: a small alias index for the content script and the details
 * (moves, quotes, sources, conflicts) that only the background loads.
 */
import { z } from 'zod';
import type { PARTIAL, STANDALONE } from '../utils/match/alias-safety';

/** Stable, lowercase, hyphenated ids: `mark-chen`, `openai`, `s001`. */
const id = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'ids are lowercase words joined by hyphens');

export const SourceId = id;
export const OrgId = id;
export const PersonId = id;
export const ConflictId = id;

/** A date as precise as the source states it: 2025, 2025-06 or 2025-06-30. */
export const PartialDate = z
  .string()
  .regex(/^\d{4}(?:-(?:0[1-9]|1[0-2])(?:-(?:0[1-9]|[12]\d|3[01]))?)?$/, 'dates are YYYY, YYYY-MM or YYYY-MM-DD');

/** Text shown to users in both UI languages. `zh` is Simplified Chinese. */
export const Bilingual = z.object({
  en: z.string().min(1),
  zh: z.string().min(1).optional(),
});

/** Where a fact comes from. `quote`, when present, must be an exact substring of the source file. */
export const SourceRef = z.object({
  source: SourceId,
  quote: z.string().min(1).optional(),
});

/** BCP 47 tags for the languages our sources are written in. */
export const SourceLanguage = z.enum(['zh-Hans', 'zh-Hant', 'en']);

export const Source = z.object({
  id: SourceId,
  /** The article's file name in ../shared/seeds. */
  file: z.string().regex(/^\d{3}_[0-9a-f]{16}\.txt$/),
  /** The article's own title, verbatim; for an untitled article, our description of it with `untitled: true`. */
  title: z.string().min(1),
  untitled: z.boolean().optional(),
  /** English rendering of the title, written by us. */
  titleEn: z.string().min(1),
  /** The publisher, only where the article names it. */
  publisher: z.string().min(1).optional(),
  /** The language and script the article is written in. */
  language: SourceLanguage,
  /** Publication date where the article states one. */
  date: PartialDate.optional(),
  /**
   * For an undated article (required then; the data check says so): when we place it and
   * from what, in our words, read as "placed <this>": "in mid-2024 (its appendix runs to August 2024)".
   */
  placed: Bilingual.optional(),
  /** What a reader should know about the source, e.g. that its text is machine-garbled. */
  caveat: Bilingual.optional(),
});

export const Organization = z.object({
  id: OrgId,
  name: Bilingual,
  /** Other names the articles use, any script. */
  aliases: z.array(z.string().min(1)).default([]),
});

/**
 * How safe an alias is on its own.
 * - `full`: names the person unambiguously (full name, or a unique well-known form).
 * - `surname` / `given`: only counts on a page that has already named the person in full.
 */
export const AliasKind = z.enum(['full', 'surname', 'given']);

/**
 * Where a variant form of a name is used, so a reader (and a maintainer) can tell a
 * Taiwan transliteration from a machine-translation slip.
 * - `mainland` / `taiwan` / `hongkong`: the form that region's media use;
 * - `machine-translation`: a form produced by machine translation, not by editors;
 * - `own`: the person's own Chinese name.
 */
export const AliasUsage = z.enum(['mainland', 'taiwan', 'hongkong', 'machine-translation', 'own'], {
  error: 'usage is one of mainland, taiwan, hongkong, machine-translation, own',
});

/**
 * How much a page must say before an alias names this person (utils/match/resolve.ts):
 * - `unique`: only this person carries it (Shengjia Zhao, 扎克伯格, 小扎): it marks alone.
 * - `shared`: other well-known people or common words carry it too (汪滔 is also DJI's founder,
 *   奥特曼 is also Ultraman): it needs evidence on the page (their organizations, other dataset
 *   people, the topic).
 * - `partial`: a surname or given name (Chen, Sam): it needs the person established on the page.
 * Absent: `unique` for a `full` alias, `partial` for a `surname` or `given` one.
 */
export const AliasAmbiguity = z.enum(['unique', 'shared', 'partial']);

export const Alias = z.object({
  text: z.string().min(1),
  /** Latn: any Latin-script form (English name, pinyin in either order). Hans/Hant: Chinese. */
  script: z.enum(['Latn', 'Hans', 'Hant']),
  kind: AliasKind,
  ambiguity: AliasAmbiguity.optional(),
  /** Who or what else carries a `shared` alias, for the people who edit the data. */
  collides: z.string().min(1).optional(),
  /** Where this spelling was seen: a seed article, or `common` for forms real news uses. */
  seen: z.union([SourceId, z.literal('common')]).optional(),
  /**
   * Where the form is used. A list, because one form can be shared (Taiwan and Hong Kong
   * media often agree). Carried to the details only; the content script's alias index
   * does not need it.
   */
  usage: z.array(AliasUsage).min(1, 'usage lists at least one place the form is used').optional(),
});

export const Move = z.object({
  from: OrgId.nullable(),
  to: OrgId.nullable(),
  /** When, as precisely as stated. Omitted when no source dates it. */
  when: PartialDate.optional(),
  role: Bilingual.optional(),
  /** One line in our words, e.g. "Left to co-found Anthropic". */
  summary: Bilingual.optional(),
  sources: z.array(SourceRef).min(1),
  /** Set when sources disagree about this move; the conflict lists every claim. */
  conflict: ConflictId.optional(),
  /**
   * Our doubt about what the sources claim for this move, in our words, when no second
   * source disagrees (that would be a conflict) but the claim itself is shaky: e.g. a
   * date that a heading gives and the article's body does not support. The card shows it.
   */
  doubt: z
    .object(
      {
        en: z.string().min(1, 'a doubt needs its English text'),
        zh: z.string().min(1, "a doubt's Chinese text, when given, must not be empty").optional(),
      },
      { error: 'a doubt is { en, zh? }: our words on why the claim is uncertain' },
    )
    .optional(),
});

export const Quote = z.object({
  /** Verbatim: an exact substring of the source article. */
  text: z.string().min(4).max(400),
  source: SourceId,
  /** Our English gloss of the quote (never the article's text). */
  gloss: z.string().min(1).optional(),
  /** Whether the person said it, or it was said about them. */
  by: z.enum(['person', 'about']),
});

export const Person = z.object({
  id: PersonId,
  name: z.object({
    en: z.string().min(1),
    /** The Chinese form shown on the card (Simplified). */
    zh: z.string().min(1).optional(),
    /** The person's own Chinese name, where they have one (Shengjia Zhao: 赵晟佳). */
    native: z.string().min(1).optional(),
  }),
  aliases: z.array(Alias).min(1),
  role: Bilingual,
  org: OrgId.nullable(),
  /** Sources for the current role and organization. */
  roleSources: z.array(SourceRef).min(1),
  roleConflict: ConflictId.optional(),
  /** Why this person appears: key player, researcher who moved, commentator quoted, journalist cited… */
  group: z.enum(['key', 'moved', 'executive', 'founder', 'academic', 'commentator', 'journalist', 'other']),
  moves: z.array(Move).default([]),
  quotes: z.array(Quote).min(1).max(3),
});

export const Claim = z.object({
  statement: Bilingual,
  sources: z.array(SourceRef).min(1),
});

/** Sources disagree: every claim is kept with its sources; none is silently picked. */
export const Conflict = z.object({
  id: ConflictId,
  topic: Bilingual,
  people: z.array(PersonId).min(1),
  /**
   * Set when the dispute is about an organization (how much it raised, how many of its
   * founders remain) rather than about the people it involves: it is then shown with the
   * organization on "About the data", not on those people's cards.
   */
  organization: OrgId.optional(),
  claims: z.array(Claim).min(2),
});

/**
 * What, besides a person's organizations and the other dataset people, tells a page is about
 * the dataset's world (data/evidence.json): its topic terms in English and Chinese (Traditional
 * forms are folded to Simplified), and organization aliases too common as words to count.
 */
export const EvidenceTerms = z.object({
  topics: z.object({ en: z.array(z.string().min(1)), zh: z.array(z.string().min(1)) }),
  ignoredOrganizationAliases: z.array(z.string().min(1)).default([]),
});

/**
 * The characters Chinese media use to write foreign names (data/transliteration.json), Simplified:
 * the near forms of a transliterated name are made only with these (utils/dataset/near-transliterations.ts).
 */
export const TransliterationCharacters = z.object({
  characters: z.string().regex(/^\p{Script=Han}+$/u, 'transliteration characters are Han characters only'),
});

export const Dataset = z.object({
  sources: z.array(Source).min(1),
  organizations: z.array(Organization).min(1),
  people: z.array(Person).min(1),
  conflicts: z.array(Conflict).default([]),
  evidence: EvidenceTerms.default({ topics: { en: [], zh: [] }, ignoredOrganizationAliases: [] }),
  transliteration: TransliterationCharacters.default({ characters: '' }),
});

export type SourceRecord = z.infer<typeof Source>;
export type SourceLanguageTag = z.infer<typeof SourceLanguage>;
export type OrganizationRecord = z.infer<typeof Organization>;
export type AliasRecord = z.infer<typeof Alias>;
export type AliasKindName = z.infer<typeof AliasKind>;
export type AliasAmbiguityName = z.infer<typeof AliasAmbiguity>;
export type PersonRecord = z.infer<typeof Person>;
export type ConflictRecord = z.infer<typeof Conflict>;
export type SourceRefRecord = z.infer<typeof SourceRef>;
export type BilingualText = z.infer<typeof Bilingual>;
export type DatasetRecord = z.infer<typeof Dataset>;

// ---------------------------------------------------------------------------
// What the data build emits (data/generated/, not committed).

/** Which boundary rules an alias obeys in the matcher: utils/match/alias-safety.ts names the values. */
export type AliasSafety = typeof STANDALONE | typeof PARTIAL;

/** The small index bundled into the content script. */
export interface AliasIndex {
  version: 1;
  /**
   * Person table; aliases point into it by position. `orgs`: indices into evidence.orgs of the
   * person's organization and every organization of their moves (their evidence on a page).
   */
  people: Array<{ id: string; en: string; zh?: string; orgs?: number[] }>;
  /**
   * [alias text as written, person index, safety, shared]. Traditional variants are included.
   * shared is 1 for an alias of the `shared` class (absent otherwise): its class is then
   * `shared`; else `unique` for STANDALONE and `partial` for PARTIAL.
   */
  aliases: Array<[text: string, person: number, safety: AliasSafety, shared?: 1]>;
  /**
   * The terms that count as evidence for shared aliases (utils/match/evidence.ts): organization
   * ids, and [term, organization index or -1 for a topic term]. Absent: no evidence is read, and a
   * shared alias counts only where its person is named by a unique alias.
   */
  evidence?: { orgs: string[]; terms: Array<[text: string, org: number]> };
  /**
   * Chinese-born people's own names written with other characters of the same sound (余佳辉 for
   * 余家辉; utils/match/homophones.ts, built by utils/dataset/homophones.ts). `syllables`: per
   * toneless syllable used, the common characters that can read so (Simplified). `names`: the
   * person, the alias row of their name, its surname character, and the syllable of each given-name
   * character (indices into `syllables`). Absent: no homophone is looked for.
   */
  homophones?: {
    syllables: string[];
    names: Array<[person: number, alias: number, surname: string, first: number, second: number]>;
  };
  /**
   * Near forms of the foreign names written in Chinese (穆拉提 for 穆拉蒂, 亚历山德·王 for 亚历山大·王;
   * built by utils/dataset/near-transliterations.ts): [form, alias row of the name it is near to].
   * Searched like aliases; a hit is at most a possible match, with evidence (utils/match/resolve.ts).
   */
  near?: Array<[text: string, alias: number]>;
  /** nearForms[i]: near[i] as the matcher searches for it, written by the data build as `forms` is. */
  nearForms?: string[];
  /**
   * Traditional→Simplified folding for the characters that occur in aliases:
   * a string of pairs, "趙赵勝胜…" (traditional char, then simplified char).
   */
  t2s: string;
  /**
   * forms[i]: aliases[i] as the matcher searches for it (normalized with this
   * index's folding; "" for an alias of only spaces or punctuation, which is
   * never searched). Written by the data build so that a page does not
   * normalize every alias before its first scan; an index without it (a test's,
   * the benchmark's synthetic one) is normalized when the matcher is built.
   */
  forms?: string[];
  /**
   * The prefilter's patterns (utils/match/prefilter.ts, streamPatterns),
   * written by the data build for the same reason; computed from the forms
   * when absent.
   */
  stream?: { patterns: string[]; cores: string[] };
}

/** Everything a card shows about one person, resolved; sent by the background on demand. */
export interface PersonCard {
  person: PersonRecord;
  /** Every organization the person's role or moves mention. */
  organizations: Record<string, OrganizationRecord>;
  /** Every source the person's facts cite. */
  sources: Record<string, SourceRecord>;
  /** Conflicts that involve this person. */
  conflicts: ConflictRecord[];
}

/** The details bundle the background loads. */
export interface DatasetDetails {
  version: 1;
  people: Record<string, PersonRecord>;
  organizations: Record<string, OrganizationRecord>;
  sources: Record<string, SourceRecord>;
  conflicts: ConflictRecord[];
}
