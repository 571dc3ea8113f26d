/**
 * Loads one region's dataset folder (`static/data/610924`, or a province folder of the national
 * build) into a native engine through the app's own loader, `loadDataset`, reading the files
 * from disk: the native engine then holds the tables, views and macros the browser holds, built
 * by the same code. Node only.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Manifest } from './contract';
import { loadDataset, type LoadProgress } from './load-dataset';
import { parseManifest } from './manifest';
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
