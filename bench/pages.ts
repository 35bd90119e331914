/**
 * Generated long news pages for the benchmark: articles mixing Chinese and
 * English paragraphs, inline markup (<a>, <b>, <em>), headings, quotes and
 * lists, with an exact number of text nodes and people's names planted at a
 * chosen density (mentions per 1,000 characters of page text).
 *
 * The generator emits no whitespace between tags, so every text node of the
 * body is one the generator counted, and the count is exact.
 */
import type { AliasIndex } from '../data/schema';
import { createRng, type Rng } from './prng';
import { headline, mentionFrame, plainSentence, type Lang, type Piece } from './prose';
import { STANDALONE } from '../utils/match/alias-safety';

/** A name the generator may plant; surnames only follow the same person's full name. */
export interface NameChoice {
  text: string;
  person: number;
  lang: Lang;
  full: boolean;
}

export interface PageSpec {
  name: string;
  seed: number;
  /** Exact number of text nodes in the body. */
  textNodes: number;
  /** Planted names per 1,000 characters of text; 0 for a page with no names. */
  mentionsPer1000: number;
  /** The names to plant (see {@link namesOf}); unused when mentionsPer1000 is 0. */
  names: readonly NameChoice[];
}

export interface GeneratedPage {
  name: string;
  html: string;
  /** Text nodes in the body (all non-empty). */
  textNodes: number;
  /** Characters of text in the body (sum of the text nodes' lengths). */
  chars: number;
  /** Names planted. */
  mentions: number;
  /** The full names planted in the first paragraphs, in order (for hovering one). */
  firstMentions: string[];
}

/** Every alias of an index as a name the generator can plant (Latin → English prose, Han → Chinese). */
export function namesOf(index: AliasIndex): NameChoice[] {
  return index.aliases.map(([text, person, safety]) => ({
    text,
    person,
    lang: /\p{Script=Han}/u.test(text) ? 'zh' : 'en',
    full: safety === STANDALONE,
  }));
}

/** One text node: plain text, or the text of an inline element. */
interface Segment {
  text: string;
  tag?: 'a' | 'b' | 'em';
  href?: string;
  /** Names that end in this segment. */
  mentions: number;
  /** Full names that end in this segment. */
  fullNames: string[];
}

class Paragraph {
  readonly segments: Segment[] = [];

  plain(text: string, mention?: NameChoice): void {
    const last = this.segments[this.segments.length - 1];
    if (last && !last.tag) {
      last.text += text;
      this.count(last, mention);
    } else {
      const seg: Segment = { text, mentions: 0, fullNames: [] };
      this.count(seg, mention);
      this.segments.push(seg);
    }
  }

  tagged(tag: 'a' | 'b' | 'em', text: string, href?: string, mention?: NameChoice): void {
    const seg: Segment = { text, tag, href, mentions: 0, fullNames: [] };
    this.count(seg, mention);
    this.segments.push(seg);
  }

  private count(seg: Segment, mention: NameChoice | undefined): void {
    if (!mention) return;
    seg.mentions++;
    if (mention.full) seg.fullNames.push(mention.text);
  }
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };
const escapeHtml = (text: string): string => text.replace(/[&<>"]/g, (c) => ESCAPES[c]!);

function segmentHtml(seg: Segment): string {
  const text = escapeHtml(seg.text);
  if (!seg.tag) return text;
  const attrs = seg.href ? ` href="${seg.href}"` : '';
  return `<${seg.tag}${attrs}>${text}</${seg.tag}>`;
}

/** Chooses and writes the names: full names first, a person's surname only after their full name. */
class Planter {
  private readonly named = new Set<number>();
  private untilNext: number;
  planted = 0;
  readonly firstMentions: string[] = [];
  private readonly full: Record<Lang, NameChoice[]>;
  private readonly partial: Record<Lang, NameChoice[]>;

  constructor(
    private readonly rng: Rng,
    private readonly meanGap: number,
    names: readonly NameChoice[],
  ) {
    const by = (lang: Lang, full: boolean): NameChoice[] => names.filter((n) => n.lang === lang && n.full === full);
    this.full = { en: by('en', true), zh: by('zh', true) };
    this.partial = { en: by('en', false), zh: by('zh', false) };
    this.untilNext = this.gap();
  }

  /** Gaps uniform in [0.5, 1.5] × the mean, so names are spread evenly but not periodic. */
  private gap(): number {
    return this.meanGap * (0.5 + this.rng.next());
  }

  /** Counts text written (every character of the body goes through here). */
  wrote(chars: number): void {
    this.untilNext -= chars;
  }

  /** Whether the next sentence should carry a name. */
  due(): boolean {
    return Number.isFinite(this.meanGap) && this.untilNext <= 0;
  }

  choose(lang: Lang): NameChoice {
    const partial = this.partial[lang].filter((n) => this.named.has(n.person));
    const pool = partial.length > 0 && this.rng.chance(0.3) ? partial : this.full[lang];
    const name = this.rng.pick(pool);
    this.named.add(name.person);
    return name;
  }

  planted1(name: NameChoice): void {
    this.planted++;
    // Added, not assigned: the overshoot of a sentence boundary is paid back,
    // so the long-run density is exactly 1000 / meanGap per 1,000 characters.
    this.untilNext += this.gap();
    if (name.full && this.firstMentions.length < 8) this.firstMentions.push(name.text);
  }
}

/** Writes one sentence into a paragraph, planting a name if one is due. Returns the characters written. */
function writeSentence(p: Paragraph, rng: Rng, lang: Lang, planter: Planter, linkId: () => number): number {
  let written = 0;
  const put = (pieces: Piece[]): void => {
    for (const piece of pieces) {
      written += piece.text.length;
      if (piece.wrap && rng.chance(0.55)) {
        const tag = rng.pick(['a', 'a', 'b', 'em'] as const);
        p.tagged(tag, piece.text, tag === 'a' ? `/topics/${linkId()}` : undefined);
      } else {
        p.plain(piece.text);
      }
    }
  };
  if (!planter.due()) {
    put(plainSentence(rng, lang));
    planter.wrote(written);
    return written;
  }
  const name = planter.choose(lang);
  const frame = mentionFrame(rng, lang);
  if (frame.before) p.plain(frame.before);
  written += frame.before.length + name.text.length;
  const split = name.full ? splitName(name.text) : null;
  const style = rng.next();
  if (split && style < 0.1) {
    // A name split by markup: "<b>Sam</b> Altman", "<b>萨姆</b>·奥尔特曼".
    p.tagged('b', split[0]);
    p.plain(split[1], name);
  } else if (style < 0.35) {
    p.tagged('a', name.text, `/people/${name.person}`, name);
  } else {
    p.plain(name.text, name);
  }
  planter.planted1(name);
  put(frame.after);
  planter.wrote(written);
  return written;
}

/** Splits a full name before its last word or dot-joined part, if it has one. */
function splitName(text: string): [string, string] | null {
  const at = Math.max(text.lastIndexOf(' '), text.lastIndexOf('·'));
  return at > 0 ? [text.slice(0, at), text.slice(at)] : null;
}

/** A paragraph of 2–5 sentences; a third of the Chinese paragraphs carry an English sentence. */
function writeParagraph(rng: Rng, planter: Planter, linkId: () => number): { p: Paragraph; chars: number } {
  const p = new Paragraph();
  const lang: Lang = rng.chance(0.5) ? 'en' : 'zh';
  let chars = 0;
  const sentences = rng.int(2, 5);
  for (let i = 0; i < sentences; i++) {
    const l: Lang = lang === 'zh' && i === sentences - 1 && rng.chance(0.33) ? 'en' : lang;
    chars += writeSentence(p, rng, l, planter, linkId);
  }
  return { p, chars };
}

/** Generates one page. Deterministic for a given spec. */
export function generatePage(spec: PageSpec): GeneratedPage {
  const rng = createRng(spec.seed);
  const meanGap = spec.mentionsPer1000 > 0 ? 1000 / spec.mentionsPer1000 : Infinity;
  const planter = new Planter(rng, meanGap, spec.names);
  let links = 0;
  const linkId = (): number => ++links;

  const out: string[] = [];
  let nodes = 0;
  let chars = 0;
  let mentions = 0;
  const text = (t: string): string => {
    nodes++;
    chars += t.length;
    return escapeHtml(t);
  };

  // Page chrome: no names, a fixed number of text nodes.
  const navItems = ['首页', 'AI', 'Business', '科技', 'Opinion', '视频'];
  const header = `<header><nav>${navItems.map((n, i) => `<a href="/s/${i}">${text(n)}</a>`).join('')}</nav></header>`;
  const title = `<h1>${text(headline(rng, 'zh'))}</h1><p class="byline">${text('本报记者 | Staff reporter · ')}<time>${text('2026-03-14')}</time></p>`;
  const asideItems = Array.from({ length: 4 }, () => headline(rng, rng.chance(0.5) ? 'en' : 'zh'));
  const aside = `<aside><h3>${text('Related 相关阅读')}</h3><ul>${asideItems.map((h, i) => `<li><a href="/r/${i}">${text(h)}</a></li>`).join('')}</ul></aside>`;
  const footer = `<footer><p>${text('© 2026 Example News 示例新闻')}</p></footer>`;
  const chromeNodes = nodes;
  if (chromeNodes >= spec.textNodes) throw new Error(`a page needs more than ${chromeNodes} text nodes`);

  const body: string[] = [];
  let paragraphs = 0;
  const emit = (segments: Segment[], open: string, close: string): void => {
    const room = spec.textNodes - nodes;
    const kept = segments.slice(0, room);
    body.push(
      open +
        kept
          .map((s) => {
            nodes++;
            chars += s.text.length;
            mentions += s.mentions;
            return segmentHtml(s);
          })
          .join('') +
        close,
    );
  };
  while (nodes < spec.textNodes) {
    paragraphs++;
    if (paragraphs % 9 === 0) {
      const h2 = headline(rng, rng.chance(0.5) ? 'en' : 'zh');
      planter.wrote(h2.length);
      emit([{ text: h2, mentions: 0, fullNames: [] }], '<h2>', '</h2>');
      continue;
    }
    const { p } = writeParagraph(rng, planter, linkId);
    const kind = rng.next();
    if (kind < 0.06) emit(p.segments, '<blockquote><p>', '</p></blockquote>');
    else if (kind < 0.1) emit(p.segments, '<ul><li>', '</li></ul>');
    else emit(p.segments, '<p>', '</p>');
  }
  out.push(
    '<!doctype html><html lang="zh-CN"><head><meta charset="utf-8">',
    `<title>${escapeHtml(spec.name)}</title>`,
    '<style>body{font:16px/1.6 sans-serif;max-width:760px;margin:0 auto;padding:16px}nav a{margin-right:12px}</style>',
    '</head><body>',
    header,
    '<main><article>',
    title,
    ...body,
    '</article>',
    aside,
    '</main>',
    footer,
    '</body></html>',
  );
  return {
    name: spec.name,
    html: out.join(''),
    textNodes: nodes,
    chars,
    mentions,
    firstMentions: planter.firstMentions,
  };
}
