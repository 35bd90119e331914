import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';

// Firefox gets Manifest V3 as well (WXT's default for Firefox is MV2): one manifest
// shape for both browsers, the same permission model, and Firefox 140+ (ESR) grants
// MV3 host access for content scripts at install time.
export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  manifestVersion: 3,
  vite: () => ({
    plugins: [preact()],
  }),
  zip: {
    // The sources zip for Mozilla's review: only what builds the extension.
    excludeSources: [
      'bench/results/**',
      'test-results/**',
      'coverage/**',
      'data/generated/**',
      'test/fixtures/generated/**',
      'docs/screenshots/**',
      '**/*.log',
    ],
  },
  hooks: {
    // WXT takes the toolbar button's title from the popup's <title>, which cannot be localized.
    'build:manifestGenerated': (_wxt, manifest) => {
      if (manifest.action) manifest.action.default_title = '__MSG_extName__';
    },
  },
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    // storage: settings (global and per-site switches) in browser.storage.local.
    // contextMenus: "Track with Talent Lens" and "Add as a source for…" on a selection, which
    // open the add form; the menu sees the selection only when the reader clicks an item.
    // Nothing else: the content script's match pattern is its only host access,
    // and the popup learns the current site from the content script itself.
    permissions: ['storage', 'contextMenus'],
    action: { default_title: '__MSG_extName__' },
    // Web-accessible for two reasons: the content script embeds note-frame.html in pages
    // so notes are read and typed in the extension's origin, out of the page's reach
    // (utils/notes/note-frame.ts), and it imports card-ui.js, the card's code, only on
    // pages with a mention (content/card/loader.ts). Chrome: use_dynamic_url, so both
    // answer only at a per-session URL and a page cannot detect the extension by probing
    // a fixed chrome-extension:// address. Firefox has no such key and needs none: its
    // moz-extension:// host is a random UUID per install.
    web_accessible_resources: [
      {
        resources: ['note-frame.html', 'card-ui.js'],
        matches: ['<all_urls>'],
        ...(browser === 'firefox' ? {} : { use_dynamic_url: true }),
      },
    ],
    commands: {
      'next-mention': {
        suggested_key: { default: 'Alt+Shift+N' },
        description: '__MSG_commandNextMention__',
      },
    },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'talent-lens@talent-lens.dev',
              strict_min_version: '140.0',
              data_collection_permissions: { required: ['none'] },
            },
            // Firefox for Android reads data_collection_permissions from 142 on.
            gecko_android: { strict_min_version: '142.0' },
          },
        }
      : {}),
  }),
});
