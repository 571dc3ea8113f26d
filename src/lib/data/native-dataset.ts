/**
 * Loads one region's dataset folder (`static/data/610924`, or a province folder of the national
 * build) into a native engine through the app's own loader, `loadDataset`, reading the files
 * from disk: the native engine then holds the tables, views and macros the browser holds, built
 * by the same code. Node only. A folder of several regions (the national build: `index.json` and
 * one folder per province) loads as one dataset with `loadRegions`.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Manifest } from './contract';
import { existsSync } from 'node:fs';
import { loadDataset, loadRegions, type LoadProgress } from './load-dataset';
import { parseManifest, parseRegionIndex } from './manifest';
import { openNativeConnector, type NativeConnector, type NativeOptions } from './native-connector';

export interface NativeRegion {
	db: NativeConnector;
	manifest: Manifest;
}

/** The manifest of the dataset folder `dir`, checked as the app checks it. */
export async function readManifest(dir: string): Promise<Manifest> {
	return parseManifest(JSON.parse(await readFile(path.join(dir, 'manifest.json'), 'utf8')));
}

/** Open a native engine and load the dataset of folder `dir` into it. */
export async function openNativeRegion(
	dir: string,
	options: NativeOptions = {},
	onProgress?: (p: LoadProgress) => void
): Promise<NativeRegion> {
	const manifest = await readManifest(dir);
	const db = await openNativeConnector(options);
	try {
		const read = async (file: string) => new Uint8Array(await readFile(path.join(dir, file)));
		await loadDataset(db, manifest, read, onProgress);
	} catch (e) {
		await db.close();
		throw e;
	}
	return { db, manifest };
}

/** Several regions' manifests as one: counts summed, bounding boxes joined, named for all. */
export function mergeManifests(manifests: readonly Manifest[]): Manifest {
	const first = manifests[0];
	if (!first) throw new Error('no manifest to merge');
	const counts: Record<string, number> = {};
	for (const m of manifests) {
		for (const [k, v] of Object.entries(m.counts)) counts[k] = (counts[k] ?? 0) + (v ?? 0);
	}
	const bbox = manifests.reduce<Manifest['bbox']>(
		(b, m) => [
			Math.min(b[0], m.bbox[0]),
			Math.min(b[1], m.bbox[1]),
			Math.max(b[2], m.bbox[2]),
			Math.max(b[3], m.bbox[3])
		],
		[...first.bbox]
	);
	const names = manifests.map((m) => m.region.name);
	return {
		...first,
		region: {
			code: manifests.map((m) => m.region.code).join(','),
			name:
				names.length > 3
					? `${names.length} 个区域（${names.slice(0, 3).join('、')}…）`
					: names.join('、'),
			level: first.region.level
		},
		bbox,
		counts: counts as Manifest['counts'],
		firstView: undefined
	};
}

/**
 * Open a native engine with the dataset of `dir`: one region (a folder with `manifest.json`) or
 * every region of a folder with `index.json` (a national build: all provinces as one dataset).
 */
export async function openNativeFolder(
	dir: string,
	options: NativeOptions = {},
	onProgress?: (p: LoadProgress) => void
): Promise<NativeRegion> {
	if (existsSync(path.join(dir, 'manifest.json')))
		return openNativeRegion(dir, options, onProgress);
	const index = parseRegionIndex(JSON.parse(await readFile(path.join(dir, 'index.json'), 'utf8')));
	const regions = await Promise.all(
		index.map(async (r) => {
			const at = path.join(dir, r.path);
			return {
				manifest: await readManifest(at),
				read: async (file: string) => new Uint8Array(await readFile(path.join(at, file)))
			};
		})
	);
	const db = await openNativeConnector(options);
	try {
		await loadRegions(db, regions, onProgress);
	} catch (e) {
		await db.close();
		throw e;
	}
	return { db, manifest: mergeManifests(regions.map((r) => r.manifest)) };
}
