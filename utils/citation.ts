/**
 * The text "Copy citation" puts on the clipboard: the article's words, our translation of them
 * (labelled as ours), and the source as a reader would cite it. Pure: every label and every
 * value arrives already in the UI language, so this only decides order, quotation marks and
 * punctuation, and is tested in Node.
 */

/** A source as the card shows it, each part already worded in the UI language. */
export interface CitedSource {
  /** The article's own title, or for an untitled one our description of it. */
  title: string;
  /** Our rendering of the title in the UI language, when it differs from the title. */
  titleTranslation?: string;
  /** The publisher, or the words for "publisher not stated". */
  publisher: string;
  /** The date as stated, or the words for "undated" with how we placed it. */
  when: string;
  /** The article's language, in words. */
  language: string;
}

export interface CitationLabels {
  /** Labels our translation, so it is never taken for the article's words. */
  translation: string;
  /** Introduces the source line. */
  source: string;
  /** Between the parts of the source line: ", " in English, "，" in Chinese. */
  separator: string;
}

const HAN = /\p{Script=Han}/u;

/** Chinese text takes corner brackets, everything else curly quotes. */
function quoted(text: string): string {
  return HAN.test(text) ? `「${text}」` : `“${text}”`;
}

export function citationText(quote: { text: string; translation?: string }, source: CitedSource, labels: CitationLabels): string {
  const lines = [quoted(quote.text.trim())];
  const translation = quote.translation?.trim();
  if (translation) lines.push(`${labels.translation}: ${quoted(translation)}`);
  const title = source.titleTranslation ? `${source.title} (${source.titleTranslation})` : source.title;
  lines.push(`${labels.source}: ${[title, source.publisher, source.when, source.language].join(labels.separator)}`);
  return lines.join('\n');
}
