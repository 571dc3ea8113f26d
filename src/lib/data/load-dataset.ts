/**
 * Loads one region's dataset into a Connector: every table from its Arrow IPC file, then the
 * views and macros of `queries/schema.ts`. The caller supplies how bytes are read (fetch in the
 * browser, the file system in Node), so the browser and the tests run this same code.
 */
import type { Connector } from './connector';
import { TABLES, type Manifest } from './contract';
import { DatasetError } from './manifest';
import { schemaStatements } from './queries/schema';

export type ReadBytes = (file: string) => Promise<Uint8Array>;

export interface LoadProgress {
	/** Tables inserted so far, out of `total`. */
	done: number;
	total: number;
	bytes: number;
}

export async function loadDataset(
	db: Connector,
	manifest: Manifest,
	read: ReadBytes,
	onProgress: (p: LoadProgress) => void = () => {}
): Promise<void> {
	const total = TABLES.length + 1;
	let bytes = 0;
	// Read every file at once (the network is the slow part), insert one by one (the engine is single-threaded).
	const files = TABLES.map((t) => {
		const file = manifest.files[t] as string;
		return read(file).catch((e: unknown) => {
			throw new DatasetError(`cannot read ${file}: ${e instanceof Error ? e.message : String(e)}`);
		});
	});
	for (const [i, t] of TABLES.entries()) {
		const ipc = await (files[i] as Promise<Uint8Array>);
		bytes += ipc.byteLength;
		try {
			await db.insertArrow(t, ipc);
		} catch (e) {
			throw new DatasetError(
				`table ${t} (${manifest.files[t]}) did not load: ${e instanceof Error ? e.message : e}`
			);
		}
		onProgress({ done: i + 1, total, bytes });
	}
	for (const s of schemaStatements(manifest.catalogue)) await db.query(s);
	onProgress({ done: total, total, bytes });
}
