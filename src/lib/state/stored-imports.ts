/**
 * The imports kept in the browser, as the session applies them after every dataset load: each
 * stored file of the loaded region read again in the import worker with the choices made when
 * it was imported, and turned into the payload the engine applies. Opening the store and the
 * worker happens only when there is something stored, so a plain start pays nothing.
 */
import type { Connector } from '$lib/data/connector';
import type { StoredImport } from '$lib/data/import-apply';
import { queryRegionUnits } from '$lib/data/queries/region-units';
import type { ColumnTarget } from '$lib/ingest/header-map';
import { IngestClient } from './ingest-client';
import type { ImportEntry } from './import-entry';
import { payloadOf } from './import-payload';
import { openImportStore, type ImportStore } from './import-store';

let store: Promise<ImportStore> | null = null;

/** The tab's one store of imported files. */
export function importStore(): Promise<ImportStore> {
	store ??= openImportStore();
	store.catch(() => (store = null));
	return store;
}

/** Column overrides as the reader takes them (JSON keeps object keys as strings). */
export function overridesOf(entry: ImportEntry): Record<number, ColumnTarget> {
	return Object.fromEntries(Object.entries(entry.overrides).map(([k, v]) => [Number(k), v]));
}

/** Whether the browser keeps any import of `region` (its files alone are then not its data). */
export async function hasStoredImports(region: string): Promise<boolean> {
	const { entries } = await (await importStore()).list();
	return entries.some((e) => e.region === region);
}

/** The stored imports of `region`, oldest first, ready to be applied to `db`. */
export async function storedImports(region: string, db: Connector): Promise<StoredImport[]> {
	const s = await importStore();
	const { entries } = await s.list();
	const mine = entries
		.filter((e) => e.region === region)
		.sort((a, b) => a.importedAt.localeCompare(b.importedAt));
	if (mine.length === 0) return [];
	const client = new IngestClient();
	const regions = await queryRegionUnits(db);
	let left = mine.length;
	return mine.map((entry) => ({
		id: entry.id,
		async prepare(catalogue) {
			try {
				const got = await s.get(entry.id);
				if (!got)
					return {
						ok: false as const,
						reason_zh: `浏览器中找不到“${entry.fileName}”`,
						reason_en: `"${entry.fileName}" is no longer in the browser's storage`
					};
				const answer =
					entry.kind === 'table'
						? await client.read({
								kind: 'table',
								name: entry.fileName,
								bytes: got.bytes,
								catalogue,
								regions,
								options: { ...entry.options, overrides: overridesOf(entry) }
							})
						: await client.read({
								kind: 'boundary',
								name: entry.fileName,
								bytes: got.bytes,
								regions,
								options: entry.options
							});
				return payloadOf(answer, entry.newIndicators);
			} finally {
				if (--left === 0) client.destroy();
			}
		}
	}));
}
