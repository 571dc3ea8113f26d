/**
 * `npm run bench`: times the built app in real Chromium through the measurement hook
 * (`?bench=1` → `window.__bench`) and prints medians and ratios against a baseline measured in
 * the same run: the browser loading one small static file from the same server. Never fails on
 * time; it measures. Options: `--runs N` (default 5), `--region CODE`, `--json FILE`.
 * Then the monkey's full run (1,000 seeded random actions across every screen, a new seed each
 * time, printed for replay); `--monkey N` sets the count, `--monkey 0` skips it.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { launchChromium } from './chromium.js';
import { serveStatic } from './serve-static.js';

/** The switches timed after load, as query strings the app's hook opens. */
const SWITCHES = {
	theme: 'theme=collective',
	year: 'theme=collective&year=2016',
	level: 'theme=collective&year=2016&level=township'
};

/** Time one switch: through the hook where the app has it, else the year slider (older builds). */
async function timeSwitch(page, name, query) {
	const hasGo = await page.evaluate(() => typeof window.__bench.repaint === 'function');
	if (hasGo) {
		const repaint = await page.evaluate((q) => window.__bench.repaint(q), query);
		await page.evaluate(() => window.__bench.settle()); // charts too, before the next switch
		return repaint;
	}
	if (name !== 'year') return null;
	const t0 = Date.now();
	await page.locator('input[type="range"]').fill('2016');
	await page.waitForFunction(
		() => document.querySelector('[data-testid="year"]')?.textContent === '2016'
	);
	await page.evaluate(
		() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)))
	);
	return Date.now() - t0;
}

const arg = (name, dflt) => {
	const i = process.argv.indexOf(`--${name}`);
	return i >= 0 ? process.argv[i + 1] : dflt;
};
const runs = Number(arg('runs', '5'));
const region = arg('region', '');
const jsonOut = arg('json', 'bench-results/app-load.json');
const buildDir = arg('build', 'build');

const median = (xs) => {
	const s = [...xs].sort((a, b) => a - b);
	const m = Math.floor(s.length / 2);
	return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

if (!process.argv.includes('--no-build') && buildDir === 'build') {
	const b = spawnSync('npx', ['vite', 'build', '--logLevel', 'warn'], { stdio: 'inherit' });
	if (b.status !== 0) process.exit(1);
}
const server = await serveStatic({ root: buildDir, port: 0, host: '127.0.0.1' });
const browser = await launchChromium();
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
		await page.waitForFunction(
			() => window.__bench && window.__bench.status !== 'loading',
			undefined,
			{
				timeout: 120_000
			}
		);
		const b = await page.evaluate(() => window.__bench);
		if (b.status !== 'ready') throw new Error(`app failed: ${b.error}`);
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
	await browser.close();
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
