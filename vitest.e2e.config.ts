// End-to-end tests: real Chromium (Debian's /usr/bin/chromium via playwright-core) against the
// built app served by `vite preview`. Run by scripts/e2e.js after a build.
import { defineConfig } from 'vitest/config';

export default defineConfig({
	test: {
		include: ['tests/e2e/**/*.e2e.ts'],
		environment: 'node',
		globalSetup: ['tests/e2e/global-setup.ts'],
		fileParallelism: false,
		testTimeout: 120_000,
		hookTimeout: 120_000
	}
});
