/**
 * CLI: validate dataset folders. `npm run data:check -- static/data/610924 [more dirs]`
 * (default: every region in static/data/index.json). Exits 1 with readable messages on failure.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkDataset } from './data/check';

let dirs = process.argv.slice(2).filter((a) => !a.startsWith('--'));
if (dirs.length === 0) {
	const index = JSON.parse(readFileSync('static/data/index.json', 'utf8')) as {
		regions: { path: string }[];
	};
	dirs = index.regions.map((r) => join('static/data', r.path));
}
let failed = false;
for (const dir of dirs) {
	const started = performance.now();
	if (!existsSync(join(dir, 'manifest.json'))) {
		console.error(`✗ ${dir}: no manifest.json (give a region folder such as static/data/610924)`);
		failed = true;
		continue;
	}
	const { errors, stats } = checkDataset(dir);
	const ms = Math.round(performance.now() - started);
	const summary = ['county', 'township', 'village', 'community', 'indicator_rows']
		.map((k) => `${k} ${stats[k] ?? 0}`)
		.join(', ');
	const morans = Object.entries(stats)
		.filter(([k]) => k.startsWith('morans_i:'))
		.map(([k, v]) => `${k.slice('morans_i:'.length)} ${v.toFixed(3)}`)
		.join(', ');
	if (errors.length === 0) console.log(`✓ ${dir}: ${summary} (${ms} ms); Moran's I ${morans}`);
	else {
		failed = true;
		console.error(`✗ ${dir}: ${errors.length}${errors.length >= 200 ? '+' : ''} problem(s)`);
		for (const e of errors) console.error(`  - ${e}`);
	}
}
process.exit(failed ? 1 : 0);
