/**
 * Why a mention names its person, and how sure that is: made by the matcher's
 * resolver for every mention, carried by the page layer to the card, which
 * says it in one line ("Named in full above", "With OpenAI and Sam Altman on
 * this page", "Written 趙勝嘉 here, a variant of 赵晟佳"). Declared once here.
 */

/** `marked`: a plain mark. `possible`: a visibly weaker mark, and a card that says "possibly". */
export type MentionConfidence = 'marked' | 'possible';

export type MentionWhy =
  /** The person's full name, one no one else well known carries. */
  | { kind: 'full-name' }
  /** A surname, given name or shared name whose person the page names in full elsewhere. */
  | { kind: 'named-in-full'; fullName: string }
  /** A name that needs context, found with it: organizations and other dataset people on the page (ids). */
  | { kind: 'context'; organizations: string[]; people: string[] }
  /**
   * Written in another form than the dataset's: a homophone ("a variant of"), or a near
   * transliteration (`near`: "close to"; at most a possible match).
   */
  | { kind: 'variant'; written: string; of: string; near?: true };

export interface MentionExplanation {
  confidence: MentionConfidence;
  why: MentionWhy;
}
