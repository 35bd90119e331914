/**
 * Which colour scheme the card takes on a page: the scheme of what the reader sees behind the
 * mention, so a dark page in a light system gets a dark card and a light page in a dark system a
 * light one. Pure: the content script reads the computed styles (content/card/page-scheme.ts) and
 * this decides from them.
 *
 * Computed colours come back as rgb()/rgba() for every legacy syntax (hex, names, hsl(), hwb()),
 * and in their own space for the modern ones (color(srgb …), color(display-p3 …), lab(), lch(),
 * oklab(), oklch(); Tailwind's palette is oklch), so culori parses them. Only the modes a
 * background is likely to use are registered; any other counts as a colour we cannot read.
 */
import { converter, modeLab, modeLch, modeLrgb, modeOklab, modeOklch, modeP3, modeRgb, parse, useMode, wcagLuminance } from 'culori/fn';

for (const mode of [modeRgb, modeLrgb, modeLab, modeLch, modeOklab, modeOklch, modeP3]) useMode(mode);
const toRgb = converter('rgb');

export type ColorScheme = 'light' | 'dark';

/** A colour in sRGB, channels and alpha from 0 to 1. */
export interface Rgba {
  r: number;
  g: number;
  b: number;
  alpha: number;
}

const clamp = (value: number | undefined) => (value === undefined || Number.isNaN(value) ? 0 : Math.min(1, Math.max(0, value)));

/** A computed colour (`getComputedStyle(el).backgroundColor`), or null for one we cannot read. */
export function parseComputedColor(value: string): Rgba | null {
  const parsed = parse(value.trim());
  if (!parsed) return null;
  const { r, g, b, alpha } = toRgb(parsed);
  return { r: clamp(r), g: clamp(g), b: clamp(b), alpha: alpha === undefined ? 1 : clamp(alpha) };
}

/** `top` painted over `bottom` (source-over, straight alpha). */
export function over(top: Rgba, bottom: Rgba): Rgba {
  const alpha = top.alpha + bottom.alpha * (1 - top.alpha);
  if (alpha === 0) return { r: 0, g: 0, b: 0, alpha: 0 };
  const mix = (a: number, b: number) => (a * top.alpha + b * bottom.alpha * (1 - top.alpha)) / alpha;
  return { r: mix(top.r, bottom.r), g: mix(top.g, bottom.g), b: mix(top.b, bottom.b), alpha };
}

/** WCAG relative luminance of an opaque colour (its alpha is ignored). */
export function relativeLuminance(color: Rgba): number {
  return wcagLuminance({ mode: 'rgb', r: color.r, g: color.g, b: color.b });
}

/**
 * The luminance at which black and white text contrast equally with a background (WCAG contrast:
 * 1.05 / (L + 0.05) = (L + 0.05) / 0.05). Below it white text reads better: the background is dark.
 */
export const DARK_BELOW_LUMINANCE = Math.sqrt(1.05 * 0.05) - 0.05;

export function schemeOfColor(color: Rgba): ColorScheme {
  return relativeLuminance(color) < DARK_BELOW_LUMINANCE ? 'dark' : 'light';
}

/** Alpha from which a background hides what is behind it (a rounding of 1 in computed styles). */
const OPAQUE = 0.99;

/** The browsers' canvas when a page paints no background of its own, light and dark (Chromium's; Firefox's differ by a few levels). */
const CANVAS: Record<ColorScheme, Rgba> = {
  light: { r: 1, g: 1, b: 1, alpha: 1 },
  dark: { r: 18 / 255, g: 18 / 255, b: 18 / 255, alpha: 1 },
};

/**
 * What a `color-scheme` value (the root's computed property, or the `<meta name="color-scheme">`
 * content) declares: one scheme, both (the page follows the system), or nothing (`normal`, unknown
 * words, empty).
 */
export function declaredScheme(value: string | null | undefined): ColorScheme | 'both' | null {
  const words = new Set((value ?? '').toLowerCase().split(/\s+/));
  const light = words.has('light');
  const dark = words.has('dark');
  return light && dark ? 'both' : light ? 'light' : dark ? 'dark' : null;
}

/** One element's background, as computed: from the mention's element outwards to the root. */
export interface BackgroundLayer {
  color: string;
  /** `background-image`: anything but `none` hides the colours behind it from us. */
  image: string;
}

export interface PageSchemeInput {
  /** The backgrounds from the mention's element out to the document's root element, innermost first. */
  layers: BackgroundLayer[];
  /** The root's computed `color-scheme`, else the meta's content: what the page says it is drawn for. */
  declared: string | null;
  /** A top-level document: where every background is transparent the reader sees the browser's canvas. A frame shows its parent there. */
  topFrame: boolean;
  /** The system's preference (`prefers-color-scheme: dark`). */
  systemDark: boolean;
}

/**
 * The card's scheme on a page:
 * 1. the backgrounds behind the mention, painted one over the other from the mention outwards,
 *    until one hides the rest: dark or light by its luminance;
 * 2. all transparent in a top-level page: the browser's canvas, which is dark only where the page
 *    declares `color-scheme: dark` (or `light dark` in a dark system);
 * 3. nothing usable (a background image behind the text, a colour we cannot read, a frame with no
 *    background of its own, whose parent we cannot see): the page's declared scheme, else the system's.
 */
export function pageScheme({ layers, declared, topFrame, systemDark }: PageSchemeInput): ColorScheme {
  const system: ColorScheme = systemDark ? 'dark' : 'light';
  const said = declaredScheme(declared);
  const fallback = said === 'light' || said === 'dark' ? said : system;
  let painted: Rgba = { r: 0, g: 0, b: 0, alpha: 0 };
  for (const layer of layers) {
    if (layer.image && layer.image !== 'none') return fallback;
    // No computed value at all (a document that is not rendered): it paints nothing.
    if (!layer.color) continue;
    const color = parseComputedColor(layer.color);
    if (!color) return fallback;
    painted = over(painted, color);
    if (painted.alpha >= OPAQUE) return schemeOfColor(painted);
  }
  if (!topFrame) return fallback;
  // The canvas: Canvas of the page's used scheme, the browser's light one for a page that declares none.
  return schemeOfColor(over(painted, CANVAS[said === null ? 'light' : fallback]));
}
