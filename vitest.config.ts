import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing';
import preact from '@preact/preset-vite';

export default defineConfig({
  plugins: [WxtVitest(), preact()],
  test: {
    include: ['test/unit/**/*.test.{ts,tsx}'],
    environment: 'node',
    setupFiles: ['test/unit/setup.ts'],
  },
});
