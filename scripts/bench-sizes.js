/**
 * `npm run bench -- --sizes county,city,province`: the app against the naive baseline
 * (scripts/bench-baseline/) on the same polygons, at several sizes. For each size it finds the
 * dataset folder (building the city with the data build when it is missing), serves a copy of
 * the app's build with that dataset as the only and default region, and serves the baseline
 * page with a GeoJSON made from the same Arrow files; then it loads app and baseline in turn
 * (app, baseline, app, baseline …) `runs` times each, so both share the machine's load alike.
 * Prints one table — first coloured frame, theme/year/level switch, JS heap, and app ÷ baseline
 * for each — and writes it as JSON. Ratios are the result; absolute times here are noisy.
 * A failed or timed-out page is recorded, never fatal: the bench measures, it does not judge.
 */
import { spawnSync } from 'node:child_process';
import {
	copyFileSync,
	existsSync,
	mkdirSync,
	mkdtempSync,
	readdirSync,
	readFileSync,
	rmSync,
	symlinkSync,
	unlinkSync,
	writeFileSync
} from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import path from 'node:path';
import { median, samplePage } from './bench-page.js';
import { serveStatic } from './serve-static.js';

/** Where each size's dataset lives, how to make it if missing, and how long a page may take. */
export const SIZES = {
	county: { dir: 'static/data/610924', timeout: 120_000 },
	city: {
		dir: 'out/bench/6109',
		build: ['--region', '6109', '--out', 'out/bench'],
		timeout: 240_000
	},
	province: {
		dir: 'out/national/61',
		missing:
			'out/national/61 is missing: build it with `npm run data:build -- --region all ' +
			'--provinces 61 --shards 2` (a few minutes) and run again',
		timeout: 600_000
	},
	nation: {
		dir: 'out/nation/100000',
		// The packed nation holds its latest year only: no year switch, the level switch in that year.
		switches: { theme: 'theme=collective', level: 'theme=collective&level=township' },
		missing:
			'out/nation/100000 is missing: build the national set with `npm run data:build -- ' +
			'--region all --shards 2` (about 12 minutes), pack it with `npm run data:nation`, and run again',
		timeout: 300_000
	}
};

const METRICS = [
	'firstFrame',
	'theme',
	'year',
	'level',
	'aggregate',
	'heapMB',
	'heapWithWorkersMB'
];
const HEADINGS = {
	firstFrame: 'first frame (ms)',
	theme: 'theme switch (ms)',
	year: 'year switch (ms)',
	level: 'level switch (ms)',
	aggregate: 'aggregate SQL (ms)',
	heapMB: 'JS heap (MB)',
	heapWithWorkersMB: 'heap + workers, GC (MB)'
};

const readJson = (file) => JSON.parse(readFileSync(file, 'utf8'));

/** The size's dataset folder with its manifest and Arrow size, building it when it can. */
function prepareDataset(size) {
	const spec = SIZES[size];
	if (!spec) throw new Error(`unknown size "${size}" (known: ${Object.keys(SIZES).join(', ')})`);
	if (!existsSync(path.join(spec.dir, 'manifest.json'))) {
		if (!spec.build) return { size, skipped: spec.missing };
		console.log(`\n${size}: building ${spec.dir} (npm run data:build -- ${spec.build.join(' ')})`);
		const b = spawnSync('npx', ['tsx', 'scripts/data-build.ts', ...spec.build], {
			stdio: 'inherit'
		});
		if (b.status !== 0) return { size, skipped: `the data build of ${spec.dir} failed` };
	}
	const manifest = readJson(path.join(spec.dir, 'manifest.json'));
	const c = manifest.counts ?? {};
	return {
		size,
		dir: spec.dir,
		timeout: spec.timeout,
		switches: spec.switches,
		manifest,
		entry: {
			code: manifest.region.code,
			name: manifest.region.name,
			level: manifest.region.level,
			path: manifest.region.code,
			townships: c.township ?? 0,
			units: (c.village ?? 0) + (c.community ?? 0),
			default: true
		}
	};
}

/**
 * The app's build with this dataset as its only (default) region: a temporary folder of links
 * to build/'s files (nothing copied but index.json) and data/<code> linking to the dataset.
 */
function appFolder(buildDir, ds) {
	const root = mkdtempSync(path.join(tmpdir(), `va-bench-app-${ds.size}-`));
	const links = [];
	const link = (target, at) => {
		symlinkSync(path.resolve(target), at);
		links.push(at);
	};
	for (const name of readdirSync(buildDir)) {
		if (name !== 'data') link(path.join(buildDir, name), path.join(root, name));
	}
	mkdirSync(path.join(root, 'data'));
	link(ds.dir, path.join(root, 'data', ds.entry.path));
	writeFileSync(
		path.join(root, 'data', 'index.json'),
		JSON.stringify({ format: 1, regions: [ds.entry] }, null, '\t')
	);
	return { root, links };
}

/** The baseline page, maplibre's dist files and the size's GeoJSON in a temporary folder. */
function baselineFolder(ds) {
	const root = mkdtempSync(path.join(tmpdir(), `va-bench-baseline-${ds.size}-`));
	for (const f of ['index.html', 'baseline.js']) {
		copyFileSync(path.join('scripts/bench-baseline', f), path.join(root, f));
	}
	for (const f of ['maplibre-gl.mjs', 'maplibre-gl-worker.mjs', 'maplibre-gl.css']) {
		copyFileSync(path.join('node_modules/maplibre-gl/dist', f), path.join(root, f));
	}
	const made = spawnSync(
		'npx',
		['tsx', 'scripts/bench-baseline/make-geojson.ts', ds.dir, path.join(root, 'villages.geojson')],
		{ encoding: 'utf8', maxBuffer: 1 << 20 }
	);
	if (made.status !== 0) throw new Error(`make-geojson failed: ${made.stderr}`);
	const counts = JSON.parse(made.stdout.trim().split('\n').pop());
	return { root, links: [], counts };
}

/** Remove a temporary folder, its links first (so nothing they point to is touched). */
function removeFolder({ root, links }) {
	for (const l of links) unlinkSync(l);
	rmSync(root, { recursive: true, force: true });
}

const round = (x, digits = 0) => (x == null ? null : Number(x.toFixed(digits)));

/** Medians of the successful samples, one per metric. */
function summarise(samples) {
	const ok = samples.filter((s) => !s.error);
	const pick = (f) => median(ok.map(f));
	const megabytes = (key) => round(median(ok.map((s) => s[key])), 1);
	return {
		firstFrame: round(pick((s) => s.firstFrame)),
		theme: round(pick((s) => s.switches.theme)),
		year: round(pick((s) => s.switches.year)),
		level: round(pick((s) => s.switches.level)),
		aggregate: round(pick((s) => s.aggregate)),
		heapMB: megabytes('heapMB'),
		heapWithWorkersMB: megabytes('heapWithWorkersMB'),
		complete: round(pick((s) => s.complete)),
		engineReady: round(pick((s) => s.steps?.engine)),
		dataLoaded: round(pick((s) => s.steps?.data)),
		features: ok[0]?.features ?? null,
		runs: ok.length,
		errors: samples.filter((s) => s.error).map((s) => s.error)
	};
}

/** One size: both pages served, loaded in turn `runs` times each. */
async function benchSize(browser, buildDir, ds, runs) {
	const app = appFolder(buildDir, ds);
	let base = null;
	const servers = [];
	try {
		base = baselineFolder(ds);
		const appServer = await serveStatic({ root: app.root, port: 0, host: '127.0.0.1' });
		servers.push(appServer);
		const baseServer = await serveStatic({ root: base.root, port: 0, host: '127.0.0.1' });
		servers.push(baseServer);
		const samples = { app: [], baseline: [] };
		const sample = async (url) =>
			samplePage(browser, url, { timeout: ds.timeout, switches: ds.switches }).catch((e) => ({
				error: String(e?.message ?? e).split('\n')[0]
			}));
		for (let i = 0; i < runs; i++) {
			samples.app.push(await sample(`${appServer.baseUrl}/?bench=1`));
			samples.baseline.push(await sample(`${baseServer.baseUrl}/?bench=1`));
			const a = samples.app.at(-1);
			const b = samples.baseline.at(-1);
			console.log(
				`  ${ds.size} run ${i + 1}/${runs}: first frame app ${a.error ? `✗ ${a.error}` : `${a.firstFrame} ms`}, ` +
					`baseline ${b.error ? `✗ ${b.error}` : `${b.firstFrame} ms`}`
			);
		}
		const appSummary = summarise(samples.app);
		const baseSummary = summarise(samples.baseline);
		const ratio = {};
		for (const m of METRICS) {
			const a = appSummary[m];
			const b = baseSummary[m];
			ratio[m] = a != null && b ? round(a / b, 2) : null;
		}
		return {
			size: ds.size,
			region: ds.entry.code,
			name: ds.entry.name,
			units: ds.entry.units,
			arrowMB: round(base.counts.arrowBytes / 1e6, 1),
			geojsonMB: round(base.counts.geojsonBytes / 1e6, 1),
			app: appSummary,
			baseline: baseSummary,
			ratio,
			samples
		};
	} finally {
		for (const s of servers) s.stop();
		removeFolder(app);
		if (base) removeFolder(base);
	}
}

/** Print the one table: per size, app and baseline medians, then app ÷ baseline. */
function printTable(result) {
	const rows = {};
	for (const s of result.sizes) {
		if (s.skipped) {
			rows[`${s.size}: skipped`] = { [HEADINGS.firstFrame]: s.skipped };
			continue;
		}
		const label = `${s.size} ${s.name} (${s.units})`;
		for (const who of ['app', 'baseline']) {
			const r = {};
			for (const m of METRICS) {
				const v = s[who][m];
				r[HEADINGS[m]] = v == null ? 'n/a' : m.startsWith('heap') ? v.toFixed(1) : v;
			}
			rows[`${label} · ${who}`] = r;
		}
		const r = {};
		for (const m of METRICS) r[HEADINGS[m]] = s.ratio[m] == null ? 'n/a' : `${s.ratio[m]}×`;
		rows[`${label} · app ÷ baseline`] = r;
	}
	console.log(
		`\nVillage Atlas against the naive baseline (${result.runs} runs each, interleaved, medians; ` +
			`headless Chromium + SwiftShader, ${result.cores} cores)`
	);
	console.table(rows);
}

/** Run the sizes comparison and write its JSON; returns the result. */
export async function runSizes({ sizes, runs, buildDir, jsonOut, browser }) {
	const result = {
		date: new Date().toISOString(),
		machine: 'headless Chromium, software WebGL (SwiftShader)',
		cores: cpus().length,
		runs,
		build: buildDir,
		sizes: []
	};
	for (const size of sizes) {
		const ds = prepareDataset(size);
		if (ds.skipped) {
			console.log(`\n${size}: skipped — ${ds.skipped}`);
			result.sizes.push(ds);
			continue;
		}
		console.log(`\n${size}: ${ds.entry.name} ${ds.entry.code}, ${ds.entry.units} units`);
		result.sizes.push(await benchSize(browser, buildDir, ds, runs));
	}
	printTable(result);
	mkdirSync(path.dirname(path.resolve(jsonOut)), { recursive: true });
	writeFileSync(jsonOut, JSON.stringify(result, null, 2));
	console.log(`written: ${jsonOut}`);
	return result;
}
