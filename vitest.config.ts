import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing';
import preact from '@preact/preset-vite';

export default defineConfig({
  plugins: [WxtVitest(), preact()],
  test: {
    include: ['test/unit/**/*.test.{ts,tsx}'],
    environment: 'node',
    setupFiles: ['test/unit/setup.ts'],
    // Property tests build hundreds of automata: CPU-bound, so a busy machine stretches them past
    // the 5 s default without anything being wrong. Time is measured by the benchmark, not here.
    testTimeout: 30_000,
  },
});
