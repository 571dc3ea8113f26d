/**
 * Loads one region's dataset into a Connector: every table from its Arrow IPC file, then the
 * views and macros of `queries/schema.ts`. The caller supplies how bytes are read (fetch in the
 * browser, the file system in Node), so the browser and the tests run this same code.
 */
import type { Connector } from './connector';
import { TABLES, type IndicatorPart, type Manifest } from './contract';
import { DatasetError } from './manifest';
import { schemaStatements } from './queries/schema';
import { quoteIdent } from './sql-quote';

export type ReadBytes = (file: string) => Promise<Uint8Array>;

export interface LoadProgress {
	/** Tables inserted so far, out of `total`. */
	done: number;
	total: number;
	bytes: number;
}

export interface LoadOptions {
	/**
	 * For a dataset whose indicators come in parts (`manifest.indicatorParts`): `'all'` loads
	 * every part (the server, the checks, tests); `'start'` only `files.indicator`, leaving the
	 * rest to `IndicatorParts.need` when a view asks (the browser). Default `'all'`.
	 */
	indicators?: 'all' | 'start';
}

export async function loadDataset(
	db: Connector,
	manifest: Manifest,
	read: ReadBytes,
	onProgress: (p: LoadProgress) => void = () => {},
	options: LoadOptions = {}
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
	if (options.indicators !== 'start') await appendParts(db, manifest, read, laterParts(manifest));
	for (const s of schemaStatements(manifest.catalogue)) await db.query(s);
	onProgress({ done: total, total, bytes });
}

/** The indicator parts that are not `files.indicator` (none for a dataset in one file). */
export function laterParts(manifest: Manifest): IndicatorPart[] {
	return (manifest.indicatorParts ?? []).filter((p) => p.file !== manifest.files.indicator);
}

/**
 * Append indicator parts to the loaded `indicator` table, one after another (each through a
 * staging table). Rejects naming the file that could not be read or inserted.
 */
export async function appendParts(
	db: Connector,
	manifest: Manifest,
	read: ReadBytes,
	parts: readonly IndicatorPart[]
): Promise<void> {
	const files = parts.map((p) => read(p.file));
	for (const f of files) f.catch(() => {}); // reported in order below
	for (const [i, part] of parts.entries()) {
		let ipc: Uint8Array;
		try {
			ipc = await (files[i] as Promise<Uint8Array>);
		} catch (e) {
			throw new DatasetError(
				`cannot read ${part.file}: ${e instanceof Error ? e.message : String(e)}`
			);
		}
		await appendTable(db, 'indicator', ipc, `${manifest.region.code}/${part.file}`);
	}
}

async function appendTable(db: Connector, table: string, ipc: Uint8Array, what: string) {
	try {
		await db.insertArrow(STAGE, ipc);
		await db.query(`INSERT INTO ${quoteIdent(table)} SELECT * FROM ${quoteIdent(STAGE)}`);
	} catch (e) {
		throw new DatasetError(`${what} did not load: ${e instanceof Error ? e.message : e}`);
	} finally {
		await db.query(`DROP TABLE IF EXISTS ${quoteIdent(STAGE)}`).catch(() => {});
	}
}

/** A region's manifest and how to read its files. */
export interface RegionFiles {
	manifest: Manifest;
	read: ReadBytes;
}

/** The staging table each further region is inserted into before it is appended. */
const STAGE = '_va_stage';

/**
 * Loads several regions that share one catalogue (the provinces of the national build) as ONE
 * dataset: the first region's tables as `loadDataset` would, every other region's rows appended
 * to them (its `indicator_meta` is the same and is not repeated), then the views and macros
 * once. The regions must not overlap. Rejects, naming the file, as `loadDataset` does.
 */
export async function loadRegions(
	db: Connector,
	regions: readonly RegionFiles[],
	onProgress: (p: LoadProgress) => void = () => {}
): Promise<void> {
	const first = regions[0];
	if (!first) throw new DatasetError('no region to load');
	const keys = JSON.stringify(first.manifest.catalogue.map((m) => m.key));
	const total = regions.length * TABLES.length + 1;
	let done = 0;
	let bytes = 0;
	for (const [i, { manifest, read }] of regions.entries()) {
		if (JSON.stringify(manifest.catalogue.map((m) => m.key)) !== keys) {
			throw new DatasetError(
				`${manifest.region.code}: its catalogue differs from the first region's`
			);
		}
		for (const t of TABLES) {
			done++;
			if (i > 0 && t === 'indicator_meta') continue;
			const file = manifest.files[t] as string;
			let ipc: Uint8Array;
			try {
				ipc = await read(file);
			} catch (e) {
				throw new DatasetError(
					`cannot read ${manifest.region.code}/${file}: ${e instanceof Error ? e.message : String(e)}`
				);
			}
			bytes += ipc.byteLength;
			try {
				if (i === 0) {
					await db.insertArrow(t, ipc);
				} else {
					await db.insertArrow(STAGE, ipc);
					await db.query(`INSERT INTO ${quoteIdent(t)} SELECT * FROM ${quoteIdent(STAGE)}`);
					await db.query(`DROP TABLE ${quoteIdent(STAGE)}`);
				}
			} catch (e) {
				throw new DatasetError(
					`table ${t} of ${manifest.region.code} did not load: ${e instanceof Error ? e.message : e}`
				);
			}
			onProgress({ done, total, bytes });
		}
		await appendParts(db, manifest, read, laterParts(manifest));
	}
	for (const s of schemaStatements(first.manifest.catalogue)) await db.query(s);
	onProgress({ done: total, total, bytes });
}
