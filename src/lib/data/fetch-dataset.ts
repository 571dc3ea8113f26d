/**
 * Fetches a region's manifest and starts fetching every table file (and the first view) at once, so the network
 * work can overlap with the engine's start-up; `read` hands the bytes to `loadDataset` later.
 * Indicator parts other than the start part (`manifest.indicatorParts`) are fetched when first
 * read, since most are never needed.
 */
import { TABLES, type Manifest } from './contract';
import { parseManifest } from './manifest';
import type { ReadBytes } from './load-dataset';

export interface FetchedDataset {
	manifest: Manifest;
	read: ReadBytes;
	/** Let go of the bytes fetched ahead (once loaded); `read` fetches again if asked. */
	release(): void;
}

export async function fetchDataset(
	baseUrl: string,
	fetchFn: typeof fetch = fetch
): Promise<FetchedDataset> {
	const res = await fetchFn(`${baseUrl}/manifest.json`);
	if (!res.ok) throw new Error(`manifest.json: HTTP ${res.status}`);
	const manifest = parseManifest(await res.json());
	let pending: Record<string, Promise<Uint8Array>> = {};
	const files = TABLES.map((t) => manifest.files[t] as string);
	// The default view's answer (when the dataset ships one) comes first: it colours the map.
	if (manifest.firstView) files.unshift(manifest.firstView);
	const get = (file: string) =>
		fetchFn(`${baseUrl}/${file}`).then(async (r) => {
			if (!r.ok) throw new Error(`HTTP ${r.status}`);
			return new Uint8Array(await r.arrayBuffer());
		});
	for (const file of files) {
		pending[file] = get(file);
		pending[file].catch(() => {}); // reported when loadDataset reads it
	}
	const known = new Set([...files, ...(manifest.indicatorParts ?? []).map((p) => p.file)]);
	return {
		manifest,
		read: (file) => {
			const ready = pending[file];
			if (ready) return ready;
			if (!known.has(file)) return Promise.reject(new Error(`${file} is not in the manifest`));
			// Not kept: the engine keeps a part's rows, and a failed fetch may be tried again.
			return get(file);
		},
		release: () => (pending = {})
	};
}
