/**
 * The Traditional Chinese UI catalogue (zh_TW) is the Simplified one (zh_CN)
 * converted with OpenCC's Taiwan phrasing, so the two never drift apart and
 * no one translates twice. `npm run locales` writes it; a unit test holds the
 * committed file to the conversion. Build-time only: nothing here ships.
 */
export interface CatalogueEntry {
  message: string;
  description?: string;
  placeholders?: Record<string, { content: string; example?: string }>;
}
export type Catalogue = Record<string, CatalogueEntry>;

/** Converts every message (placeholders and descriptions, which no reader sees, stay as they are). */
export function traditionalCatalogue(simplified: Catalogue, convert: (text: string) => string): Catalogue {
  const out: Catalogue = {};
  for (const [key, entry] of Object.entries(simplified)) out[key] = { ...entry, message: convert(entry.message) };
  return out;
}

export function catalogueJson(catalogue: Catalogue): string {
  return JSON.stringify(catalogue, null, 2) + '\n';
}
