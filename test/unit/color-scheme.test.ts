import { describe, expect, it } from 'vitest';
import {
  DARK_BELOW_LUMINANCE,
  declaredScheme,
  over,
  pageScheme,
  parseComputedColor,
  relativeLuminance,
  schemeOfColor,
  type BackgroundLayer,
  type PageSchemeInput,
} from '@/utils/color-scheme';

const layer = (color: string, image = 'none'): BackgroundLayer => ({ color, image });
const TRANSPARENT = layer('rgba(0, 0, 0, 0)');
const scheme = (input: Partial<PageSchemeInput>) => pageScheme({ layers: [], declared: null, topFrame: true, systemDark: false, ...input });

describe('parseComputedColor', () => {
  it('reads rgb() and rgba() as computed styles give them, alpha included', () => {
    expect(parseComputedColor('rgb(22, 24, 28)')).toEqual({ r: 22 / 255, g: 24 / 255, b: 28 / 255, alpha: 1 });
    expect(parseComputedColor('rgba(255, 255, 255, 0.5)')).toEqual({ r: 1, g: 1, b: 1, alpha: 0.5 });
    expect(parseComputedColor('rgb(0 0 0 / 25%)')).toEqual({ r: 0, g: 0, b: 0, alpha: 0.25 });
  });

  it('reads transparent, both as the keyword and as rgba(0, 0, 0, 0)', () => {
    expect(parseComputedColor('transparent')?.alpha).toBe(0);
    expect(parseComputedColor('rgba(0, 0, 0, 0)')?.alpha).toBe(0);
  });

  it('reads color(srgb …) with and without alpha, and the wider spaces computed styles keep', () => {
    expect(parseComputedColor('color(srgb 0.1 0.2 0.3)')).toEqual({ r: 0.1, g: 0.2, b: 0.3, alpha: 1 });
    expect(parseComputedColor('color(srgb 0.1 0.2 0.3 / 0.4)')).toEqual({ r: 0.1, g: 0.2, b: 0.3, alpha: 0.4 });
    // Tailwind 4's gray-900, as Chromium and Firefox compute it.
    const gray900 = parseComputedColor('oklch(0.21 0.034 264.665)')!;
    expect(schemeOfColor(gray900)).toBe('dark');
    expect(schemeOfColor(parseComputedColor('oklab(0.98 0 0)')!)).toBe('light');
    expect(schemeOfColor(parseComputedColor('lab(15 0 0)')!)).toBe('dark');
    expect(schemeOfColor(parseComputedColor('lch(95 5 90)')!)).toBe('light');
    // Out of sRGB's gamut: clamped, still a colour.
    expect(parseComputedColor('color(display-p3 1 1 1)')).toMatchObject({ alpha: 1 });
    expect(parseComputedColor('color(srgb none 0 0)')).toEqual({ r: 0, g: 0, b: 0, alpha: 1 });
  });

  it('gives null for what is no colour it can read', () => {
    expect(parseComputedColor('')).toBeNull();
    expect(parseComputedColor('none')).toBeNull();
    expect(parseComputedColor('color(rec2020 1 1 1)')).toBeNull();
    // hsl() and hwb() never reach it: getComputedStyle gives them as rgb() (CSSOM serializes legacy colours so).
    expect(parseComputedColor('hsl(0 0% 10%)')).toBeNull();
  });
});

describe('luminance and compositing', () => {
  it('has WCAG relative luminance at the ends and the threshold where black and white text contrast alike', () => {
    expect(relativeLuminance({ r: 1, g: 1, b: 1, alpha: 1 })).toBeCloseTo(1);
    expect(relativeLuminance({ r: 0, g: 0, b: 0, alpha: 1 })).toBe(0);
    const contrast = (a: number, b: number) => (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
    expect(contrast(DARK_BELOW_LUMINANCE, 1)).toBeCloseTo(contrast(DARK_BELOW_LUMINANCE, 0));
    // #767676 (L ≈ 0.18) is just light; #757575 just dark.
    expect(schemeOfColor(parseComputedColor('rgb(118, 118, 118)')!)).toBe('light');
    expect(schemeOfColor(parseComputedColor('rgb(116, 116, 116)')!)).toBe('dark');
  });

  it('paints a translucent colour over another', () => {
    const half = over({ r: 0, g: 0, b: 0, alpha: 0.5 }, { r: 1, g: 1, b: 1, alpha: 1 });
    expect(half).toEqual({ r: 0.5, g: 0.5, b: 0.5, alpha: 1 });
    expect(over({ r: 1, g: 0, b: 0, alpha: 0 }, { r: 0, g: 0, b: 1, alpha: 0 }).alpha).toBe(0);
    expect(over({ r: 1, g: 0, b: 0, alpha: 0.5 }, { r: 0, g: 0, b: 1, alpha: 0.5 }).alpha).toBe(0.75);
  });
});

describe('declaredScheme', () => {
  it('reads the color-scheme property and meta values', () => {
    expect(declaredScheme('dark')).toBe('dark');
    expect(declaredScheme('only dark')).toBe('dark');
    expect(declaredScheme('light')).toBe('light');
    expect(declaredScheme('light dark')).toBe('both');
    expect(declaredScheme('DARK LIGHT')).toBe('both');
    expect(declaredScheme('normal')).toBeNull();
    expect(declaredScheme('')).toBeNull();
    expect(declaredScheme(null)).toBeNull();
    expect(declaredScheme('darkish')).toBeNull();
  });
});

describe('pageScheme', () => {
  const DARK_BODY = layer('rgb(22, 24, 28)');
  const WHITE_BODY = layer('rgb(255, 255, 255)');

  it('takes the first opaque background out from the mention, whatever the system says', () => {
    expect(scheme({ layers: [TRANSPARENT, DARK_BODY, WHITE_BODY] })).toBe('dark');
    expect(scheme({ layers: [TRANSPARENT, WHITE_BODY, DARK_BODY], systemDark: true })).toBe('light');
    // A light box inside a dark page: the box is what is behind the mention.
    expect(scheme({ layers: [layer('rgb(250, 250, 250)'), DARK_BODY] })).toBe('light');
  });

  it('paints translucent backgrounds over what is behind them', () => {
    // 60% black over white is dark; 20% black over white is light.
    expect(scheme({ layers: [layer('rgba(0, 0, 0, 0.6)'), WHITE_BODY] })).toBe('dark');
    expect(scheme({ layers: [layer('rgba(0, 0, 0, 0.2)'), WHITE_BODY] })).toBe('light');
    // A translucent white over a dark page stays dark.
    expect(scheme({ layers: [layer('rgba(255, 255, 255, 0.1)'), DARK_BODY], systemDark: false })).toBe('dark');
  });

  it('on a top-level page that paints nothing, takes the browser canvas: light unless the page declares dark', () => {
    expect(scheme({ layers: [TRANSPARENT, TRANSPARENT], systemDark: true })).toBe('light');
    expect(scheme({ layers: [layer(''), layer('')], systemDark: true })).toBe('light');
    expect(scheme({ layers: [TRANSPARENT], declared: 'dark', systemDark: false })).toBe('dark');
    expect(scheme({ layers: [TRANSPARENT], declared: 'light dark', systemDark: true })).toBe('dark');
    expect(scheme({ layers: [TRANSPARENT], declared: 'light dark', systemDark: false })).toBe('light');
    // A translucent dark wash over the light canvas.
    expect(scheme({ layers: [layer('rgba(0, 0, 0, 0.8)')], systemDark: false })).toBe('dark');
  });

  it('falls back to the declared scheme, then the system, where the page gives no colour it can use', () => {
    const image = layer('rgba(0, 0, 0, 0)', 'url("https://example.com/bg.jpg")');
    expect(scheme({ layers: [TRANSPARENT, image, WHITE_BODY], systemDark: true })).toBe('dark');
    expect(scheme({ layers: [TRANSPARENT, image, WHITE_BODY], systemDark: false })).toBe('light');
    expect(scheme({ layers: [image], declared: 'dark', systemDark: false })).toBe('dark');
    expect(scheme({ layers: [image], declared: 'light', systemDark: true })).toBe('light');
    expect(scheme({ layers: [layer('color(rec2020 0 0 0)')], systemDark: true })).toBe('dark');
    // An opaque colour in front of an image hides it.
    expect(scheme({ layers: [DARK_BODY, image], systemDark: false })).toBe('dark');
  });

  it('in a frame that paints nothing (its parent shows through, out of reach), follows the declared scheme, then the system', () => {
    expect(scheme({ layers: [TRANSPARENT], topFrame: false, systemDark: true })).toBe('dark');
    expect(scheme({ layers: [TRANSPARENT], topFrame: false, systemDark: false })).toBe('light');
    expect(scheme({ layers: [TRANSPARENT], topFrame: false, declared: 'dark' })).toBe('dark');
    expect(scheme({ layers: [TRANSPARENT, DARK_BODY], topFrame: false })).toBe('dark');
  });
});
