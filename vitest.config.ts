import { configDefaults, defineConfig } from 'vitest/config';

const E2E = '__tests__/e2e/**/*.test.ts';

export default defineConfig({
  test: {
    environment: 'node',
    testTimeout: 20_000,
    // Tests must never reach a real provider: the proxy variables of the machine are cleared.
    env: { HTTPS_PROXY: '', HTTP_PROXY: '', https_proxy: '', http_proxy: '', NO_PROXY: '', no_proxy: '' },
    projects: [
      { extends: true, test: { name: 'unit', include: ['__tests__/**/*.test.ts'], exclude: [...configDefaults.exclude, E2E] } },
      // The end-to-end suites run the bundles as processes: their global setup bundles the current
      // sources once per run (a few seconds), and only when an e2e suite is among the files to run.
      { extends: true, test: { name: 'e2e', include: [E2E], globalSetup: ['__tests__/helpers/bundle-setup.ts'] } },
    ],
  },
});
