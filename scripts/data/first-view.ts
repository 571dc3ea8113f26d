/**
 * The map's default view, answered ahead of time: load a written region folder into DuckDB
 * (duckdb-wasm's Node build, the browser's engine), ask the map's first question as the app
 * asks it (`state/first-view-query.ts`) and write the answer as `first-view.arrow`, naming it in
 * `manifest.json` as `firstView`. Deterministic, so rebuilt regions stay byte for byte the same.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { tableFromIPC, type Table } from 'apache-arrow';
import { openNodeConnector } from '../../src/lib/data/node-connector';
import { loadDataset } from '../../src/lib/data/load-dataset';
import { parseManifest } from '../../src/lib/data/manifest';
import { encodeFirstView, FIRST_VIEW_FILE } from '../../src/lib/data/first-view';
import { appCatalogue, firstQuery } from '../../src/lib/state/first-view-query';

// duckdb-wasm's Node build answers with apache-arrow's CommonJS copy; our ESM copy's classes are
// others, so the answer crosses over as IPC bytes.
const cjsArrow = createRequire(import.meta.url)('apache-arrow') as {
	tableToIPC(t: Table, type: 'stream'): Uint8Array;
};

/** Write `<dir>/first-view.arrow` and name it in the manifest; returns the answer's row count. */
export async function writeFirstView(dir: string): Promise<number> {
	const manifestFile = join(dir, 'manifest.json');
	const raw = JSON.parse(readFileSync(manifestFile, 'utf8')) as Record<string, unknown>;
	const manifest = parseManifest(raw);
	const first = firstQuery({}, appCatalogue(manifest.catalogue), manifest.years);
	if (!first) throw new Error(`${dir}: the default view has no choropleth query`);
	const db = await openNodeConnector();
	try {
		// The default view reads only the start part of a dataset split in parts.
		await loadDataset(
			db,
			manifest,
			async (file) => new Uint8Array(readFileSync(join(dir, file))),
			undefined,
			{ indicators: 'start' }
		);
		const answer = tableFromIPC(
			cjsArrow.tableToIPC(await db.query(first.query.sql, first.query.params), 'stream')
		);
		writeFileSync(join(dir, FIRST_VIEW_FILE), encodeFirstView(answer, first.query));
		const { report, ...rest } = raw;
		// `firstView` sits after `files`' siblings, before the report, whatever order it had.
		const next = { ...rest, firstView: FIRST_VIEW_FILE, ...(report ? { report } : {}) };
		writeFileSync(manifestFile, `${JSON.stringify(next, null, '\t')}\n`);
		return answer.numRows;
	} finally {
		await db.close();
	}
}
