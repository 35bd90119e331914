/**
 * Writes public/_locales/zh_TW/messages.json from zh_CN with OpenCC (Simplified → Traditional, Taiwan
 * phrasing). Run after changing zh_CN: `npm run locales`.
 */
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import * as OpenCC from 'opencc-js';
import { catalogueJson, traditionalCatalogue, type Catalogue } from '../utils/traditional-locale';

const root = path.resolve(import.meta.dirname, '..');
const simplified = JSON.parse(await readFile(path.join(root, 'public/_locales/zh_CN/messages.json'), 'utf8')) as Catalogue;
const convert = OpenCC.Converter({ from: 'cn', to: 'twp' });
await writeFile(path.join(root, 'public/_locales/zh_TW/messages.json'), catalogueJson(traditionalCatalogue(simplified, convert)));
console.log(`locales: zh_TW written from zh_CN (${Object.keys(simplified).length} messages)`);
