/**
 * CLI: build a region's dataset. `npm run data:build -- --region 610924 [--out static/data]
 * [--seed N]`. `--region all` builds the national benchmark set (see scripts/data/national.ts),
 * which must go outside the committed tree (default out/national).
 */
import { parseArgs } from 'node:util';
import { buildRegion, DEFAULT_REGION, DEFAULT_SEED } from './data/build-region';
import { buildNational } from './data/national';
import { writeRegion } from './data/write';

const { values } = parseArgs({
	options: {
		region: { type: 'string', default: DEFAULT_REGION },
		out: { type: 'string' },
		seed: { type: 'string', default: String(DEFAULT_SEED) },
		// The national build's quicker tessellation, for timing a single region.
		fast: { type: 'boolean', default: false }
	}
});
const seed = Number(values.seed);
const started = performance.now();
if (values.region === 'all') {
	const out = values.out ?? 'out/national';
	const summary = await buildNational(out, seed);
	console.log(JSON.stringify(summary, null, 2));
} else {
	const dataset = buildRegion(values.region as string, seed, values.fast);
	const dir = writeRegion(dataset, values.out ?? 'static/data');
	for (const line of dataset.report) console.log(`note: ${line}`);
	const counts = Object.entries(dataset.counts)
		.map(([k, v]) => `${k} ${v}`)
		.join(', ');
	console.log(
		`${dataset.code} ${dataset.name} → ${dir} (${counts}) in ${((performance.now() - started) / 1000).toFixed(1)} s`
	);
}
