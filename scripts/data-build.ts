/**
 * CLI: build a region's dataset. `npm run data:build -- --region 610924 [--out static/data]
 * [--seed N] [--fast]`. `--region all` builds the national benchmark set (see
 * scripts/data/national.ts) outside the committed tree (default out/national), in `--shards`
 * child processes (default one per core, at most 2).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { availableParallelism } from 'node:os';
import { parseArgs } from 'node:util';
import { buildRegion, DEFAULT_REGION, DEFAULT_SEED } from './data/build-region';
import { formatClustering } from './data/clustering';
import { buildNationalShard } from './data/national';
import { runShards, shardFile, shardProvinces } from './data/national-shards';
import { writeRegion } from './data/write';
import { writeFirstView } from './data/first-view';

const { values } = parseArgs({
	options: {
		region: { type: 'string', default: DEFAULT_REGION },
		out: { type: 'string' },
		seed: { type: 'string', default: String(DEFAULT_SEED) },
		// The national build's quicker tessellation, for timing a single region.
		fast: { type: 'boolean', default: false },
		// National build: how many child processes …
		shards: { type: 'string' },
		// … and, internally, which one this process is ("i/n");
		shard: { type: 'string' },
		// only these provinces (comma-separated codes), for a quick trial of the national path.
		provinces: { type: 'string' }
	}
});
const seed = Number(values.seed);
const started = performance.now();

if (values.region === 'all') {
	const out = values.out ?? 'out/national';
	mkdirSync(out, { recursive: true });
	if (values.shard) {
		const [i, n] = values.shard.split('/').map(Number) as [number, number];
		const only = values.provinces?.split(',');
		const mine = (shardProvinces(n)[i] ?? []).filter((p) => !only || only.includes(p));
		const result = buildNationalShard(out, seed, mine);
		writeFileSync(shardFile(out, i), JSON.stringify(result));
	} else {
		const n = Number(values.shards ?? Math.min(2, availableParallelism()));
		const extra = values.provinces ? ['--provinces', values.provinces] : [];
		const results = await runShards(process.argv[1] as string, out, seed, n, extra);
		for (const r of results) for (const e of r.index) await writeFirstView(join(out, e.path));
		const summary = {
			shards: n,
			units: results.reduce((s, r) => s + r.units, 0),
			indicatorRows: results.reduce((s, r) => s + r.indicatorRows, 0),
			megabytes: Math.round(results.reduce((s, r) => s + r.bytes, 0) / 2 ** 20),
			seconds: Math.round((performance.now() - started) / 1000),
			shardSeconds: results.map((r) => r.seconds),
			shardPeakRssMb: results.map((r) => r.peakRssMb),
			notes: results.reduce((s, r) => s + r.report.length, 0)
		};
		console.log(JSON.stringify(summary, null, 2));
	}
} else {
	const dataset = buildRegion(values.region as string, seed, values.fast);
	const dir = writeRegion(dataset, values.out ?? 'static/data');
	await writeFirstView(dir);
	for (const line of dataset.report) console.log(`note: ${line}`);
	const counts = Object.entries(dataset.counts)
		.map(([k, v]) => `${k} ${v}`)
		.join(', ');
	const secs = ((performance.now() - started) / 1000).toFixed(1);
	console.log(`${dataset.code} ${dataset.name} → ${dir} (${counts}) in ${secs} s`);
	console.log(
		`Moran's I (queen, ${dataset.manifest.latestYear}): ${formatClustering(dataset.clustering)}`
	);
}
