/**
 * The naive baseline, as a developer would first write it: fetch ONE GeoJSON file of the
 * region's village polygons (made by make-geojson.ts), hand it to a maplibre `geojson` source
 * and colour a `fill` layer by a `match`/`step` expression on a feature property. A switch of
 * theme, year or level recomputes that property for every feature in JavaScript (township sums
 * and quantile breaks included) and calls `setData` with the whole collection again.
 *
 * It fills `window.__bench` like the app's `?bench=1` hook (`status`, `tFirstFrame`,
 * `tComplete`, `heapUsed`, `features`, `steps`, `repaint(query)`, `settle()`; times in ms since
 * navigation start), so scripts/bench.js drives both the same way. Views are the app's query
 * strings: `theme=poverty|collective`, `year=YYYY`, `level=village|township`.
 */
import * as maplibregl from './maplibre-gl.mjs';

const bench = {
	status: 'loading',
	error: null,
	features: 0,
	tFirstFrame: null,
	tComplete: null,
	heapUsed: null,
	labels: [],
	steps: {}
};
window.__bench = bench;
const step = (name) => (bench.steps[name] = Math.round(performance.now()));
const heapUsed = () => performance.memory?.usedJSHeapSize ?? null;

/** The app's poverty-exit status colours (src/lib/analysis/poverty-status.ts). */
const STATUS_COLOURS = {
	poor: '#d55e00',
	exited_this_year: '#e69f00',
	exited: '#56b4e9',
	never: '#ddddd8'
};
const NO_DATA = '#ffffff';
/** Collective income's policy bands (yuan): 空壳村 ≤ 0, then 3万, 5万, 10万, 50万. */
const POLICY_BREAKS = [Number.MIN_VALUE, 30_000, 50_000, 100_000, 500_000];
const SEQUENTIAL = ['#bdbdbd', '#f7fcb9', '#d9f0a3', '#addd8e', '#31a354', '#006837'];
const QUANTILE_CLASSES = 5;

/** The same rule as the app's `povertyStatus`, from the latest year's flag and exit year. */
function povertyStatus(poor, exitYear, year) {
	if (poor == null) return null;
	if (poor !== 1) return 'never';
	if (exitYear == null || exitYear > year) return 'poor';
	return exitYear === year ? 'exited_this_year' : 'exited';
}

function parseView(query, meta) {
	const q = new URLSearchParams(query);
	return {
		theme: q.get('theme') ?? 'poverty',
		year: Number(q.get('year') ?? meta.latestYear),
		level: q.get('level') ?? 'village'
	};
}

/** Breaks at the k-quantiles of the values, ascending and distinct (what `step` accepts). */
function quantileBreaks(values, k) {
	const sorted = values.filter((v) => v != null).sort((a, b) => a - b);
	const breaks = [];
	for (let i = 1; i < k; i++) {
		const b = sorted[Math.floor((i * sorted.length) / k)];
		if (b !== undefined && (breaks.length === 0 || b > breaks[breaks.length - 1])) breaks.push(b);
	}
	return breaks;
}

/** A `step` colour on property `v`, white where it is not a number. */
function stepColour(breaks, colours) {
	const stops = breaks.flatMap((b, i) => [b, colours[i + 1]]);
	return [
		'case',
		['==', ['typeof', ['get', 'v']], 'number'],
		['step', ['get', 'v'], colours[0], ...stops],
		NO_DATA
	];
}

/** Set `v` on every feature for the view (the naive way: in JS); returns the fill colour. */
function colourFeatures(data, view) {
	const features = data.features;
	if (view.theme === 'poverty') {
		for (const f of features) {
			const p = f.properties;
			p.v = povertyStatus(p.poor_village, p.exit_year, view.year);
		}
		const pairs = Object.entries(STATUS_COLOURS).flat();
		return ['match', ['coalesce', ['get', 'v'], ''], ...pairs, NO_DATA];
	}
	if (view.theme !== 'collective') throw new Error(`baseline: no theme ${view.theme}`);
	const key = `collective_income_${view.year}`;
	if (view.level === 'village') {
		for (const f of features) f.properties.v = f.properties[key] ?? null;
		return stepColour(POLICY_BREAKS, SEQUENTIAL);
	}
	if (view.level !== 'township') throw new Error(`baseline: no level ${view.level}`);
	// Township sums, filtered and grouped in JS, then each village painted with its township's.
	const sums = new Map();
	for (const f of features) {
		const value = f.properties[key];
		if (value == null) continue;
		sums.set(f.properties.township, (sums.get(f.properties.township) ?? 0) + value);
	}
	for (const f of features) f.properties.v = sums.get(f.properties.township) ?? null;
	const breaks = quantileBreaks([...sums.values()], QUANTILE_CLASSES);
	return stepColour(breaks, SEQUENTIAL.slice(1));
}

/** Resolves at the first frame drawn with the villages' source fully loaded. */
function nextDrawn(map) {
	return new Promise((resolve) => {
		const onRender = () => {
			if (!map.isSourceLoaded('villages')) return;
			map.off('render', onRender);
			resolve(performance.now());
		};
		map.on('render', onRender);
	});
}

const whenIdle = (map) =>
	new Promise((resolve) => (map.loaded() ? resolve() : map.once('idle', resolve)));

async function main() {
	step('app');
	maplibregl.setWorkerUrl(new URL('maplibre-gl-worker.mjs', import.meta.url).href);
	const fetched = fetch('villages.geojson').then((r) => {
		if (!r.ok) throw new Error(`villages.geojson: HTTP ${r.status}`);
		return r.json();
	});
	const map = new maplibregl.Map({
		container: 'map',
		style: {
			version: 8,
			sources: {},
			layers: [{ id: 'background', type: 'background', paint: { 'background-color': '#f4f3ef' } }]
		},
		center: [108.5, 32.5],
		zoom: 8,
		attributionControl: false
	});
	const loaded = new Promise((resolve, reject) => {
		map.once('load', resolve);
		map.once('error', (e) => reject(e.error ?? new Error('map failed to load')));
	});
	const [data] = await Promise.all([fetched, loaded]);
	step('data');
	const meta = data.bench;
	map.fitBounds(meta.bbox, { padding: 20, animate: false });
	const colour = colourFeatures(data, parseView('', meta));
	map.addSource('villages', { type: 'geojson', data });
	map.addLayer({
		id: 'villages-fill',
		type: 'fill',
		source: 'villages',
		paint: { 'fill-color': colour }
	});
	map.addLayer({
		id: 'villages-line',
		type: 'line',
		source: 'villages',
		paint: { 'line-color': '#8a8a84', 'line-width': 0.5 }
	});
	bench.tFirstFrame = Math.round(await nextDrawn(map));
	await whenIdle(map);
	bench.repaint = async (query) => {
		const t0 = performance.now();
		const fill = colourFeatures(data, parseView(query, meta));
		map.setPaintProperty('villages-fill', 'fill-color', fill);
		const drawn = nextDrawn(map);
		map.getSource('villages').setData(data);
		await drawn;
		return Math.round(performance.now() - t0);
	};
	bench.go = bench.repaint;
	bench.settle = () => whenIdle(map);
	Object.assign(bench, {
		features: data.features.length,
		status: 'ready',
		tComplete: Math.round(performance.now()),
		heapUsed: heapUsed()
	});
}

main().catch((e) => Object.assign(bench, { status: 'error', error: String(e?.message ?? e) }));
