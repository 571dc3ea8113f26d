/**
 * Times DuckDB engine start-up inside the built app, in Debian's Chromium, and prints the median
 * of each moment in ms since navigation start. Builds nothing: run `npx vite build` first.
 * Reads `window.__engineTimings` (filled by worker-connector), `window.__bench` (`?bench=1`) and
 * the network timing Chromium reports for the engine's files (its wasm and worker scripts).
 * `--root a,b` serves several builds and interleaves their runs, so they share the machine's
 * load alike. Options: `--runs N` (default 7), `--root DIRS` (default build), `--region CODE`,
 * `--warm` (time a second visit, caches filled), `--json FILE`.
 */
import { writeFileSync } from 'node:fs';
import { launchChromium } from './chromium.js';
import { serveStatic } from './serve-static.js';

const arg = (name, dflt) => {
	const i = process.argv.indexOf(`--${name}`);
	return i >= 0 ? process.argv[i + 1] : dflt;
};
const runs = Number(arg('runs', '7'));
const roots = arg('root', 'build').split(',');
const region = arg('region', '');
const jsonOut = arg('json', '');
const warm = process.argv.includes('--warm');

const median = (xs) => {
	const s = xs.filter((x) => typeof x === 'number').sort((a, b) => a - b);
	if (!s.length) return null;
	const m = Math.floor(s.length / 2);
	return Math.round(s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2);
};

/** One page load: every moment we can see, in ms since navigation start. */
async function sample(browser, baseUrl) {
	const ctx = await browser.newContext({ viewport: { width: 1280, height: 800 } });
	const page = await ctx.newPage();
	/** @type {{ name: string, start: number, end: number }[]} */
	const net = [];
	ctx.on('requestfinished', (req) => {
		if (!/\.wasm$|worker/.test(req.url())) return;
		const t = req.timing();
		const file = (req.url().split('/').pop() ?? '').replace(/[.-][\w-]{8}\./, '.');
		net.push({
			name: `${req.method()} ${file}`,
			start: t.startTime,
			end: t.startTime + t.responseEnd
		});
	});
	const url = `${baseUrl}/?bench=1${region ? `&region=${region}` : ''}`;
	if (warm) {
		// A returning visitor: the first visit fills the HTTP cache (and V8's wasm code cache).
		await page.goto(url);
		await page.waitForFunction(() => /** @type {any} */ (window).__bench?.status === 'ready');
		await page.goto('about:blank');
		await new Promise((r) => setTimeout(r, 1000));
		net.length = 0;
	}
	await page.goto(url);
	await page.waitForFunction(
		() => {
			const b = /** @type {any} */ (window).__bench;
			return b && b.status !== 'loading';
		},
		undefined,
		{ timeout: 120_000 }
	);
	const r = await page.evaluate(() => {
		const w = /** @type {any} */ (window);
		return { origin: performance.timeOrigin, bench: w.__bench, engine: w.__engineTimings ?? null };
	});
	await ctx.close();
	if (r.bench.status !== 'ready') throw new Error(`app failed: ${r.bench.error}`);
	/** @type {Record<string, number>} */
	const row = {};
	for (const [k, v] of Object.entries(r.bench.steps)) row[`app.${k}`] = v;
	row['app.firstFrame'] = r.bench.tFirstFrame;
	for (const [k, v] of Object.entries(r.engine ?? {})) {
		if (typeof v === 'number') row[`engine.${k}`] = v;
	}
	for (const n of net) {
		row[`net.${n.name} start`] = n.start - r.origin;
		row[`net.${n.name} end`] = n.end - r.origin;
	}
	return row;
}

const servers = await Promise.all(roots.map((root) => serveStatic({ root, port: 0 })));
const browser = await launchChromium();
/** @type {Record<string, number>[][]} */
const samples = roots.map(() => []);
try {
	for (let i = 0; i < runs; i++) {
		for (const [j, s] of servers.entries()) samples[j]?.push(await sample(browser, s.baseUrl));
	}
} finally {
	await browser.close();
	for (const s of servers) s.stop();
}

const results = roots.map((root, j) => {
	const rows = samples[j] ?? [];
	const keys = [...new Set(rows.flatMap((s) => Object.keys(s)))];
	/** @type {Record<string, number | null>} */
	const med = {};
	for (const k of keys) med[k] = median(rows.map((s) => s[k]));
	return { root, median: med };
});
console.log(
	`engine start-up in the app${warm ? ', second visit' : ''} (${runs} runs each, median ms since navigation start)`
);
const keys = [...new Set(results.flatMap((r) => Object.keys(r.median)))];
const table = Object.fromEntries(
	keys.map((k) => [k, Object.fromEntries(results.map((r) => [r.root, r.median[k] ?? '']))])
);
/** Order rows by time, taking each row's value from the first build that has it. */
const at = (k) => results.map((r) => r.median[k]).find((v) => typeof v === 'number') ?? 1e9;
console.table(Object.fromEntries(Object.entries(table).sort(([a], [b]) => at(a) - at(b))));
if (jsonOut) writeFileSync(jsonOut, JSON.stringify({ runs, results, samples }, null, '\t'));
