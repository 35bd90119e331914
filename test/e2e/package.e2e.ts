/**
 * Store-ready packages: `npm run zip` builds the Chrome package, the Firefox
 * package and the sources zip Mozilla's review asks for. Checked here:
 * - no archive holds local clutter. Sentinel files are put in every clutter
 *   place that does not exist yet (and removed afterwards), so an exclusion
 *   that stops working fails this test instead of passing by absence;
 * - the manifest: icons in every store size, a name and description
 *   localized in en and zh_CN, and no permission beyond `storage`;
 * - `web-ext lint` on the Firefox build: zero errors, and every warning in
 *   the allow-list below with the reason it cannot be fixed on our side.
 *
 * Runs `npm run zip`, which rebuilds .output/: run it on its own, not next to
 * another e2e file using the build.
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIREFOX_BUILD, ROOT } from './harness';

const run = promisify(execFile);
const OUTPUT = path.join(ROOT, '.output');

/** Path patterns that must never ship, in any archive. */
const CLUTTER: Array<[RegExp, string]> = [
  [/(^|\/)node_modules\//, 'node_modules'],
  [/^\.output\//, '.output'],
  [/(^|\/)\.git(\/|$)/, '.git'],
  [/(^|\/)\.wxt\//, '.wxt'],
  [/^test-results\//, 'test-results'],
  [/^bench\/results\//, 'bench/results'],
  [/^coverage\//, 'coverage'],
  [/^data\/generated\//, 'data/generated'],
  [/^test\/fixtures\/generated\//, 'test/fixtures/generated'],
  [/\.log$/, '*.log'],
  [/(^|\/)\.env(\..*)?$/, '.env'],
  [/(^|\/)\.DS_Store$/, '.DS_Store'],
];

/** Files created so the clutter places exist during the zip; removed afterwards (only the ones we made). */
const SENTINELS = [
  'test-results/talent-lens-sentinel.txt',
  'bench/results/talent-lens-sentinel.json',
  'coverage/talent-lens-sentinel.txt',
  'test/fixtures/generated/talent-lens-sentinel.html',
  'talent-lens-sentinel.log',
  '.env',
];

/**
 * web-ext lint warnings we accept, each with its reason. Anything else fails.
 * UNSAFE_VAR_ASSIGNMENT: Preact's DOM renderer contains `innerHTML` assignments
 * for dangerouslySetInnerHTML; the bundler keeps that runtime code, but our
 * sources never use dangerouslySetInnerHTML (checked below), so it never runs.
 */
const ALLOWED_WARNINGS: Record<string, string> = {
  UNSAFE_VAR_ASSIGNMENT: "Preact's runtime assigns innerHTML for dangerouslySetInnerHTML, which our sources never use",
};

/** Lists a zip's entries with unzip -Z1 (Info-ZIP is on Debian; see README). */
async function entriesOf(zip: string): Promise<string[]> {
  const { stdout } = await run('unzip', ['-Z1', zip], { maxBuffer: 64 * 1024 * 1024 });
  return stdout.split('\n').filter(Boolean);
}

async function fileInZip(zip: string, entry: string): Promise<string> {
  const { stdout } = await run('unzip', ['-p', zip, entry], { maxBuffer: 64 * 1024 * 1024 });
  return stdout;
}

/** The topmost missing folder on the way to dir (dir itself when only it is missing). */
function firstMissing(dir: string): string {
  let top = dir;
  while (!existsSync(path.dirname(top))) top = path.dirname(top);
  return top;
}

function clutterIn(entries: string[]): string[] {
  return entries.flatMap((entry) => CLUTTER.filter(([re]) => re.test(entry)).map(([, name]) => `${entry} (${name})`));
}

describe('store packages', () => {
  const created: string[] = [];
  let zips: { chrome: string; firefox: string; sources: string };
  let packageVersion: string;

  beforeAll(async () => {
    for (const rel of SENTINELS) {
      const file = path.join(ROOT, rel);
      if (existsSync(file)) continue;
      // The topmost folder this creates, if any, goes away afterwards with what is in it.
      const madeDir = existsSync(path.dirname(file)) ? null : firstMissing(path.dirname(file));
      mkdirSync(path.dirname(file), { recursive: true });
      if (madeDir) created.push(madeDir);
      writeFileSync(file, rel === '.env' ? 'TALENT_LENS_SENTINEL=1\n' : 'sentinel: must not be packaged\n');
      created.push(file);
    }
    packageVersion = JSON.parse(await readFile(path.join(ROOT, 'package.json'), 'utf8')).version;
    // Old zips would hide a zip step that stopped producing one.
    for (const name of existsSync(OUTPUT) ? readdirSync(OUTPUT) : []) if (name.endsWith('.zip')) rmSync(path.join(OUTPUT, name));
    await run('npm', ['run', 'zip'], { cwd: ROOT, maxBuffer: 64 * 1024 * 1024, env: { ...process.env, CI: 'true' } });
    const names = await readdir(OUTPUT);
    const find = (suffix: string) => {
      const name = names.find((n) => n.endsWith(`-${packageVersion}-${suffix}.zip`));
      if (!name) throw new Error(`no *-${suffix}.zip in .output (have ${names.join(', ')})`);
      return path.join(OUTPUT, name);
    };
    zips = { chrome: find('chrome'), firefox: find('firefox'), sources: find('sources') };
  }, 600_000);

  afterAll(() => {
    for (const file of created) rmSync(file, { recursive: true, force: true });
  });

  it('the Chrome and Firefox packages hold the built extension and nothing else', async () => {
    for (const zip of [zips.chrome, zips.firefox]) {
      const entries = await entriesOf(zip);
      expect(entries, zip).toContain('manifest.json');
      expect(clutterIn(entries), zip).toEqual([]);
      // Built files only: no TypeScript sources or source maps in a store package.
      expect(
        entries.filter((e) => /\.(tsx?|map)$/.test(e)),
        zip,
      ).toEqual([]);
    }
  });

  it('the sources zip builds the extension and holds no local clutter', async () => {
    const entries = await entriesOf(zips.sources);
    for (const needed of [
      'package.json',
      'package-lock.json',
      'wxt.config.ts',
      'tsconfig.json',
      'entrypoints/content.ts',
      'scripts/build-data.ts',
      'data/schema.ts',
    ]) {
      expect(entries, `sources zip lacks ${needed}`).toContain(needed);
    }
    expect(clutterIn(entries)).toEqual([]);
  });

  it.each(['chrome', 'firefox'] as const)(
    'the %s manifest: every icon size, localized name and description, only the storage permission',
    async (browser) => {
      const zip = zips[browser];
      const manifest = JSON.parse(await fileInZip(zip, 'manifest.json'));
      const entries = await entriesOf(zip);
      expect(manifest.manifest_version).toBe(3);
      expect(manifest.version).toBe(packageVersion);
      expect(
        Object.keys(manifest.icons ?? {})
          .map(Number)
          .sort((a, b) => a - b),
      ).toEqual([16, 32, 48, 96, 128]);
      for (const file of Object.values(manifest.icons as Record<string, string>)) expect(entries).toContain(file.replace(/^\//, ''));

      expect(manifest.name).toBe('__MSG_extName__');
      expect(manifest.description).toBe('__MSG_extDescription__');
      expect(manifest.default_locale).toBe('en');
      const en = JSON.parse(await fileInZip(zip, '_locales/en/messages.json'));
      const zh = JSON.parse(await fileInZip(zip, '_locales/zh_CN/messages.json'));
      for (const key of ['extName', 'extDescription']) {
        expect(en[key]?.message, `en ${key}`).toMatch(/\S/);
        expect(zh[key]?.message, `zh_CN ${key}`).toMatch(/\S/);
      }
      // Every other string a user sees in the browser's UI is localized too (toolbar tooltip, shortcut settings).
      expect(
        manifest.action?.default_title,
        'action.default_title (WXT takes it from the popup <title> unless a manifest.default_title meta says otherwise)',
      ).toBe('__MSG_extName__');
      for (const [name, command] of Object.entries((manifest.commands ?? {}) as Record<string, { description?: string }>)) {
        expect(command.description, `command ${name}`).toMatch(/^__MSG_\w+__$/);
      }
      // The zh_CN description is Chinese, not a copy of the English one.
      expect(zh.extDescription.message).toMatch(/\p{Script=Han}/u);
      expect(zh.extDescription.message).not.toBe(en.extDescription.message);
      // Chrome's store caps the name at 75 characters and the description at 132.
      for (const locale of [en, zh]) {
        expect(locale.extName.message.length).toBeLessThanOrEqual(75);
        expect(locale.extDescription.message.length).toBeLessThanOrEqual(132);
      }

      expect(manifest.permissions).toEqual(['storage', 'contextMenus']);
      expect(manifest.host_permissions).toBeUndefined();
      expect(manifest.optional_permissions).toBeUndefined();
      expect(manifest.optional_host_permissions).toBeUndefined();
      // Web-accessible: the card's note frame (embedded in pages) and the card's code (imported by the
      // content script), nothing else, and in Chrome only under a random per-session host
      // (use_dynamic_url), so a page cannot detect the extension by probing its id.
      const accessible = (manifest.web_accessible_resources ?? []) as Array<{ resources: string[]; use_dynamic_url?: boolean }>;
      expect(accessible.flatMap((entry) => entry.resources).sort()).toEqual(['card-ui.js', 'note-frame.html']);
      for (const entry of accessible) {
        for (const r of entry.resources) expect(entries).toContain(r);
        if (browser === 'chrome') expect(entry.use_dynamic_url, JSON.stringify(entry)).toBe(true);
      }
      expect(manifest.externally_connectable).toBeUndefined();
      // The first-run pages ship, and the settings page is the browser's options page, in a tab of its own.
      for (const page of ['welcome.html', 'about.html', 'options.html', 'notes.html', 'popup.html']) expect(entries).toContain(page);
      expect(manifest.options_ui).toEqual({ page: 'options.html', open_in_tab: true });
      if (browser === 'firefox') {
        expect(manifest.browser_specific_settings?.gecko?.id).toMatch(/@/);
        expect(manifest.browser_specific_settings?.gecko?.data_collection_permissions).toEqual({ required: ['none'] });
      }
    },
  );

  it('web-ext lint: zero errors, and every warning is allow-listed with a reason', async () => {
    const { stdout } = await run('npx', ['web-ext', 'lint', '--source-dir', FIREFOX_BUILD, '--output', 'json', '--no-config-discovery'], {
      cwd: ROOT,
      maxBuffer: 64 * 1024 * 1024,
    }).catch((error: { stdout?: string; stderr?: string }) => {
      // web-ext exits non-zero when it finds errors; the JSON is still on stdout.
      if (error.stdout) return { stdout: error.stdout };
      throw error;
    });
    const report = JSON.parse(stdout.slice(stdout.indexOf('{')));
    const describeAll = (list: Array<{ code: string; message: string; file?: string }>) =>
      list.map((w) => `${w.code} ${w.file ?? ''}: ${w.message}`);
    expect(describeAll(report.errors), 'web-ext lint errors').toEqual([]);
    const unexpected = report.warnings.filter((w: { code: string }) => !(w.code in ALLOWED_WARNINGS));
    expect(describeAll(unexpected), 'web-ext lint warnings outside the allow-list').toEqual([]);
    for (const w of report.warnings) console.info(`[package] allowed web-ext warning ${w.code} in ${w.file}: ${ALLOWED_WARNINGS[w.code]}`);
  }, 180_000);

  it("the allow-listed innerHTML warning is Preact's: our sources never set innerHTML from data", async () => {
    const offenders: string[] = [];
    const walk = async (dir: string): Promise<void> => {
      for (const entry of await readdir(dir, { withFileTypes: true })) {
        const file = path.join(dir, entry.name);
        if (entry.isDirectory()) await walk(file);
        else if (/\.(tsx?|jsx?)$/.test(entry.name)) {
          const text = await readFile(file, 'utf8');
          // dangerouslySetInnerHTML, innerHTML/outerHTML assignments, insertAdjacentHTML, document.write.
          const re = /dangerouslySetInnerHTML|\.(inner|outer)HTML\s*\+?=(?!=)|insertAdjacentHTML|document\.write/g;
          for (const m of text.matchAll(re)) offenders.push(`${path.relative(ROOT, file)}: ${m[0]}`);
        }
      }
    };
    for (const dir of ['entrypoints', 'components', 'utils']) await walk(path.join(ROOT, dir));
    expect(offenders).toEqual([]);
  });
});
