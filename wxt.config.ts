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
    excludeSources: ['bench/results/**', 'test-results/**', 'docs/screenshots/**', '**/*.log'],
  },
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    // storage: settings (global and per-site switches) in browser.storage.local.
    // Nothing else: the content script's match pattern is its only host access,
    // and the popup learns the current site from the content script itself.
    permissions: ['storage'],
    action: { default_title: '__MSG_extName__' },
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
