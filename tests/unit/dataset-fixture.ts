/**
 * Loads a committed region dataset into a real DuckDB (duckdb-wasm's Node build, the browser's
 * engine) through the app's own loader — the fixture every query test starts from.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { openNodeConnector } from '$lib/data/node-connector';
import { loadDataset } from '$lib/data/load-dataset';
import type { Manifest } from '$lib/data/contract';
import { parseManifest } from '$lib/data/manifest';
import type { Connector } from '$lib/data/connector';

export async function openRegion(code = '610924'): Promise<{ db: Connector; manifest: Manifest }> {
	const dir = path.resolve('static/data', code);
	const manifest = parseManifest(
		JSON.parse(await readFile(path.join(dir, 'manifest.json'), 'utf8'))
	);
	const db = await openNodeConnector();
	await loadDataset(db, manifest, async (f) => new Uint8Array(await readFile(path.join(dir, f))));
	return { db, manifest };
}
