/**
 * Fetches a region's manifest and starts fetching every table file (and the first view) at once, so the network
 * work can overlap with the engine's start-up; `read` hands the bytes to `loadDataset` later.
 */
import { TABLES, type Manifest } from './contract';
import { parseManifest } from './manifest';
import type { ReadBytes } from './load-dataset';

export interface FetchedDataset {
	manifest: Manifest;
	read: ReadBytes;
}

export async function fetchDataset(
	baseUrl: string,
	fetchFn: typeof fetch = fetch
): Promise<FetchedDataset> {
	const res = await fetchFn(`${baseUrl}/manifest.json`);
	if (!res.ok) throw new Error(`manifest.json: HTTP ${res.status}`);
	const manifest = parseManifest(await res.json());
	const pending: Record<string, Promise<Uint8Array>> = {};
	const files = TABLES.map((t) => manifest.files[t] as string);
	// The default view's answer (when the dataset ships one) comes first: it colours the map.
	if (manifest.firstView) files.unshift(manifest.firstView);
	for (const file of files) {
		pending[file] = fetchFn(`${baseUrl}/${file}`).then(async (r) => {
			if (!r.ok) throw new Error(`HTTP ${r.status}`);
			return new Uint8Array(await r.arrayBuffer());
		});
		pending[file].catch(() => {}); // reported when loadDataset reads it
	}
	return {
		manifest,
		read: (file) => pending[file] ?? Promise.reject(new Error(`${file} is not in the manifest`))
	};
}
