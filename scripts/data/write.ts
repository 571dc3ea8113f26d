/**
 * Write a built region to `<out>/<code>/` and merge it into `<out>/index.json` (sorted by code,
 * the default region flagged), the list the app's region picker reads.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { FORMAT_VERSION, type RegionEntry, type RegionIndex } from '../../src/lib/data/contract';
import { DEFAULT_REGION, type RegionDataset } from './build-region';

/** An index entry as the build writes it: every field present. */
export type IndexEntry = Required<RegionEntry>;

export function writeRegion(dataset: RegionDataset, out: string): string {
	const dir = join(out, dataset.code);
	mkdirSync(dir, { recursive: true });
	for (const [name, bytes] of Object.entries(dataset.files)) writeFileSync(join(dir, name), bytes);
	const indexFile = join(out, 'index.json');
	const index: RegionIndex = existsSync(indexFile)
		? JSON.parse(readFileSync(indexFile, 'utf8'))
		: { format: FORMAT_VERSION, regions: [] };
	const c = dataset.counts;
	const entry: IndexEntry = {
		code: dataset.code,
		name: dataset.name,
		level: dataset.level,
		path: dataset.code,
		townships: c.township ?? 0,
		units: (c.village ?? 0) + (c.community ?? 0),
		default: dataset.code === DEFAULT_REGION
	};
	index.regions = [...index.regions.filter((r) => r.code !== dataset.code), entry].sort((a, b) =>
		a.code < b.code ? -1 : 1
	);
	writeFileSync(indexFile, `${JSON.stringify(index, null, '\t')}\n`);
	return dir;
}
