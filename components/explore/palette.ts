/**
 * The picture's colours as concrete values (not CSS variables), so the SVG and PNG exports look
 * exactly as the page shows them, in the reader's light or dark scheme.
 */
import { useEffect, useState } from 'preact/hooks';

export interface Palette {
  scheme: 'light' | 'dark';
  background: string;
  text: string;
  muted: string;
  node: string;
  undatedBand: string;
  flowOpacity: number;
}

const LIGHT: Palette = {
  scheme: 'light',
  background: '#ffffff',
  text: '#1f2328',
  muted: '#59636e',
  node: '#3d444d',
  undatedBand: '#f1f3f5',
  flowOpacity: 0.45,
};
const DARK: Palette = {
  scheme: 'dark',
  background: '#1e2227',
  text: '#e6e8eb',
  muted: '#a3abb5',
  node: '#c3c8cf',
  undatedBand: '#2a2f36',
  flowOpacity: 0.6,
};

/** Ten hues told apart in both schemes; an organization keeps its hue wherever it appears. */
const HUES = ['#4e79a7', '#f28e2b', '#e15759', '#76b7b2', '#59a14f', '#edc948', '#b07aa1', '#ff9da7', '#9c755f', '#17becf'];
const NEUTRAL = '#8c959f';

export function organizationColour(id: string, named: boolean): string {
  if (!named) return NEUTRAL;
  let hash = 0;
  for (const char of id) hash = (hash * 31 + char.charCodeAt(0)) >>> 0;
  return HUES[hash % HUES.length]!;
}

const DARK_QUERY = '(prefers-color-scheme: dark)';

/** The palette of the reader's current colour scheme, following changes to it. */
export function usePalette(): Palette {
  const [dark, setDark] = useState(() => matchMedia(DARK_QUERY).matches);
  useEffect(() => {
    const query = matchMedia(DARK_QUERY);
    const listener = () => setDark(query.matches);
    query.addEventListener('change', listener);
    return () => query.removeEventListener('change', listener);
  }, []);
  return dark ? DARK : LIGHT;
}
