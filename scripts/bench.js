/**
 * `npm run bench`: times the built app in real Chromium through the measurement hook
 * (`?bench=1` → `window.__bench`) and prints medians and ratios against baselines measured in
 * the same run. Never fails on time; it measures.
 *
 * Without `--sizes`: the app's load table on the default region (against the browser loading
 * one small static file from the same server), written to bench-results/app-load.json
 * (`--json FILE`), then the county comparison below, written to bench-results/sizes.json.
 * With `--sizes county,city,province`: only the comparison (scripts/bench-sizes.js) — the app
 * against the naive baseline of scripts/bench-baseline/ on the same polygons, interleaved, with
 * app ÷ baseline for each figure — written to `--json FILE` (default bench-results/sizes.json).
 * Options: `--runs N` (default 5), `--region CODE` (the load table only), `--no-build`.
 * Then the monkey's full run (1,000 seeded random actions across every screen, a new seed each
 * time, printed for replay); `--monkey N` sets the count, `--monkey 0` skips it.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { median, SWITCHES, timeSwitch, waitForBench } from './bench-page.js';
import { runSizes } from './bench-sizes.js';
import { launchChromium } from './chromium.js';
import { serveStatic } from './serve-static.js';

const arg = (name, dflt) => {
	const i = process.argv.indexOf(`--${name}`);
	return i >= 0 ? process.argv[i + 1] : dflt;
};
const runs = Number(arg('runs', '5'));
const region = arg('region', '');
const sizesArg = arg('sizes', null);
/** The load table runs when no sizes are asked for (the default `npm run bench`). */
const loadTable = sizesArg === null;
const sizes = (sizesArg ?? 'county').split(',').filter(Boolean);
const jsonOut = arg('json', loadTable ? 'bench-results/app-load.json' : 'bench-results/sizes.json');
const buildDir = arg('build', 'build');

if (!process.argv.includes('--no-build') && buildDir === 'build') {
	const b = spawnSync('npx', ['vite', 'build', '--logLevel', 'warn'], { stdio: 'inherit' });
	if (b.status !== 0) process.exit(1);
}

/** The app's load table on one region, against loading one small static file. */
async function benchLoad() {
	const server = await serveStatic({ root: buildDir, port: 0, host: '127.0.0.1' });
	const rows = {
		baseline: [],
		firstFrame: [],
		complete: [],
		heapMB: [],
		features: 0,
		steps: [],
		engineStart: [],
		switches: { theme: [], year: [], level: [] }
	};
	try {
		for (let i = 0; i < runs; i++) {
			const ctx = await browser.newContext({ viewport: { width: 1280, height: 800 } });
			const page = await ctx.newPage();
			await page.goto(`${server.baseUrl}/favicon.svg`);
			rows.baseline.push(await page.evaluate(() => performance.now()));
			await page.goto(`${server.baseUrl}/?bench=1${region ? `&region=${region}` : ''}`);
			const b = await waitForBench(page, 120_000);
			rows.firstFrame.push(b.tFirstFrame);
			rows.complete.push(b.tComplete);
			rows.heapMB.push((b.heapUsed ?? 0) / 2 ** 20);
			rows.features = b.features;
			rows.steps.push(b.steps);
			// Engine start alone: from creating its worker to ready (new builds expose the moments).
			const t = await page.evaluate(() => window.__engineTimings ?? null);
			if (t) rows.engineStart.push(t.readyOnMain - t.workerCreated);
			for (const [name, q] of Object.entries(SWITCHES)) {
				const ms = await timeSwitch(page, name, q);
				if (ms !== null) rows.switches[name].push(ms);
			}
			await ctx.close();
		}
	} finally {
		server.stop();
	}

	const base = median(rows.baseline);
	const result = {
		date: new Date().toISOString(),
		region: region || 'default',
		runs,
		features: rows.features,
		baselineMs: Math.round(base),
		firstFrameMs: Math.round(median(rows.firstFrame)),
		completeMs: Math.round(median(rows.complete)),
		heapMB: Number(median(rows.heapMB).toFixed(1)),
		firstFrameRatio: Number((median(rows.firstFrame) / base).toFixed(1)),
		engineMs: Math.round(median(rows.steps.map((s) => s.engine ?? 0))),
		engineStartMs: rows.engineStart.length ? Math.round(median(rows.engineStart)) : null,
		dataMs: Math.round(median(rows.steps.map((s) => s.data ?? 0))),
		themeSwitchMs: rows.switches.theme.length ? Math.round(median(rows.switches.theme)) : null,
		yearSwitchMs: rows.switches.year.length ? Math.round(median(rows.switches.year)) : null,
		levelSwitchMs: rows.switches.level.length ? Math.round(median(rows.switches.level)) : null,
		build: buildDir
	};
	console.log(
		`\nVillage Atlas load benchmark (${runs} runs, medians, headless Chromium + SwiftShader)`
	);
	console.table({
		'baseline: static file load (ms)': result.baselineMs,
		'engine ready at (ms since navigation)': result.engineMs,
		'engine start: worker created → ready (ms)': result.engineStartMs ?? 'n/a',
		'data loaded at (ms)': result.dataMs,
		'first village frame (ms)': result.firstFrameMs,
		'first frame ÷ baseline': result.firstFrameRatio,
		'theme switch: map repainted (ms)': result.themeSwitchMs ?? 'n/a (one theme)',
		'year switch: map repainted (ms)': result.yearSwitchMs ?? 'n/a',
		'level switch: map repainted (ms)': result.levelSwitchMs ?? 'n/a (one level)',
		'JS heap used (MB)': result.heapMB,
		'villages drawn': result.features
	});
	mkdirSync('bench-results', { recursive: true });
	writeFileSync(jsonOut, JSON.stringify(result, null, 2));
}

const browser = await launchChromium();
try {
	if (loadTable) await benchLoad();
	await runSizes({
		sizes,
		runs,
		buildDir,
		jsonOut: loadTable ? 'bench-results/sizes.json' : jsonOut,
		browser
	});
} finally {
	await browser.close();
}

// The monkey's full count: not a timing, a long run that must end without an error.
const monkey = Number(arg('monkey', '1000'));
if (monkey > 0) {
	const seed = Math.floor(Math.random() * 1e9);
	console.log(`\nMonkey: ${monkey} actions, MONKEY_SEED=${seed}`);
	const m = spawnSync(
		'npx',
		['vitest', 'run', '--config', 'vitest.e2e.config.ts', 'tests/e2e/monkey.e2e.ts'],
		{
			stdio: 'inherit',
			env: { ...process.env, MONKEY_SEED: String(seed), MONKEY_ACTIONS: String(monkey) },
			timeout: 3_600_000
		}
	);
	console.log(
		m.status === 0 ? 'monkey: no error' : `monkey: FAILED — replay with MONKEY_SEED=${seed}`
	);
}
