import { createRequire } from 'node:module';
import path from 'node:path';
import { sveltekit } from '@sveltejs/kit/vite';
import { playwright } from '@vitest/browser-playwright';
import { configDefaults, defineConfig } from 'vitest/config';

// duckdb-wasm's blocking browser build (JS scalar UDFs need its synchronous connection) is not in
// the package's `exports`; reach the file next to the exported wasm. Types: src/lib/data/*.d.ts.
const require = createRequire(import.meta.url);
const duckdbDist = path.dirname(require.resolve('@duckdb/duckdb-wasm/dist/duckdb-eh.wasm'));

/** Browser tests: `*.browser.test.ts`, or `*.browser.svelte.test.ts` when the test uses runes. */
const BROWSER_TESTS = ['src/**/*.browser.test.ts', 'src/**/*.browser.svelte.test.ts'];

export default defineConfig({
	plugins: [sveltekit()],
	resolve: {
		alias: [
			{
				find: /^@duckdb\/duckdb-wasm\/dist\/duckdb-browser-blocking\.mjs$/,
				replacement: path.join(duckdbDist, 'duckdb-browser-blocking.mjs')
			}
		]
	},
	// Found late (the worker's dynamic import), it would make the dev server reload mid-test.
	optimizeDeps: {
		include: [
			'@duckdb/duckdb-wasm/dist/duckdb-browser-blocking.mjs',
			'd3',
			'papaparse',
			'read-excel-file/universal'
		]
	},
	worker: { format: 'es' },
	build: { chunkSizeWarningLimit: 3000 },
	server: { fs: { allow: ['..'] } },
	test: {
		projects: [
			{
				extends: true,
				test: {
					name: 'unit',
					include: ['src/**/*.test.ts', 'scripts/**/*.test.ts', 'tests/unit/**/*.test.ts'],
					exclude: [...configDefaults.exclude, ...BROWSER_TESTS],
					environment: 'node',
					testTimeout: 60_000,
					hookTimeout: 60_000,
					expect: { requireAssertions: true }
				}
			},
			{
				extends: true,
				test: {
					name: 'browser',
					include: BROWSER_TESTS,
					testTimeout: 60_000,
					hookTimeout: 60_000,
					expect: { requireAssertions: true },
					browser: {
						enabled: true,
						headless: true,
						screenshotFailures: false,
						// Debian's Chromium, never a downloaded browser; the flags of scripts/chromium.js.
						provider: playwright({
							launchOptions: {
								executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
								args: [
									'--no-sandbox',
									'--disable-gpu',
									'--disable-quic',
									'--no-first-run',
									'--disable-background-networking',
									'--disable-component-update',
									'--disable-sync',
									'--use-angle=swiftshader',
									'--enable-unsafe-swiftshader'
								]
							}
						}),
						instances: [{ browser: 'chromium' }]
					}
				}
			}
		]
	}
});
