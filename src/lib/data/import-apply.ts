/**
 * Applying one checked import to the loaded engine, all or nothing (`import-transaction.ts`):
 * indicator rows replace the rows of the same code, year and key, new indicators join
 * `indicator_meta`, and the wide theme views are rebuilt from the catalogue as it now stands;
 * boundaries replace units' geometry (`boundary-apply.ts`). Imports are not kept in the engine:
 * after every dataset load the stored imports are applied again in order (`reapplyImports`),
 * which is also how one import is removed — load the region afresh, apply the others.
 *
 * Contract: nothing here throws; a result is `{ok: true, inserted, replaced, added}` or a
 * failure with reasons in Chinese and English, and after a failure the data is as it was.
 */
import { applyBoundaryImport, type BoundaryImport } from './boundary-apply';
import type { Connector, SqlParam } from './connector';
import type { IndicatorMeta } from './contract';
import { checkRecords, META_COLUMNS, newMetas, type IndicatorImport } from './import-checks';
import { failure, ImportRefusal, inTransaction, insertBatches } from './import-transaction';
import type { ApplyFailure, ApplyResult } from './import-transaction';
import { schemaStatements } from './queries/schema';
import { quoteIdent } from './sql-quote';

export { applyBoundaryImport, type BoundaryImport, type BoundaryUnit } from './boundary-apply';
export type { ApplyDone, ApplyFailure, ApplyResult } from './import-transaction';
export type { IndicatorImport } from './import-checks';

export type ImportPayload =
	({ kind: 'table' } & IndicatorImport) | ({ kind: 'boundary' } & BoundaryImport);

/** The catalogue as the engine holds it now: the dataset's entries and every import's. */
export async function readCatalogue(db: Connector): Promise<IndicatorMeta[]> {
	const rows = (await db.query('SELECT * FROM indicator_meta')).toArray();
	return rows.map((row) => {
		const r = row.toJSON() as Record<string, unknown>;
		const meta = Object.fromEntries(
			META_COLUMNS.filter((c) => typeof r[c] === 'string').map((c) => [c, r[c]])
		);
		return meta as unknown as IndicatorMeta;
	});
}

const ROWS = '_va_import_rows';
const SAME = 'i.code = t.code AND i.year = t.year AND i.key = t.key';

async function count(db: Connector, sql: string): Promise<number> {
	return Number((await db.query(sql)).getChildAt(0)?.get(0) ?? 0);
}

/** Add or replace indicator rows and catalogue entries, then rebuild the views. */
export async function applyIndicatorImport(
	db: Connector,
	imp: IndicatorImport
): Promise<ApplyResult> {
	return inTransaction(db, async () => {
		const catalogue = await readCatalogue(db);
		const added = newMetas(imp, catalogue);
		checkRecords(imp.records, new Set([...catalogue, ...added].map((m) => m.key)));
		await db.query(
			`CREATE OR REPLACE TEMP TABLE ${ROWS} (code VARCHAR, year INTEGER, key VARCHAR, value DOUBLE, text VARCHAR)`
		);
		const rows = imp.records.map((r) => [r.code, r.year, r.key, r.value, r.text]);
		await insertBatches(db, ROWS, '(?, ?, ?, ?, ?)', rows);
		const unknown = await db.query(
			`SELECT any_value(code) AS code, count(*) AS n FROM ${ROWS} WHERE code NOT IN (SELECT code FROM region)`
		);
		const n = Number(unknown.getChild('n')?.get(0) ?? 0);
		if (n > 0) {
			const code = String(unknown.getChild('code')?.get(0));
			throw new ImportRefusal(
				`${n} 条记录的代码不在本地区（如 ${code}）`,
				`${n} records have codes outside this region (e.g. ${code})`
			);
		}
		const replaced = await count(
			db,
			`SELECT count(*) FROM ${ROWS} t WHERE EXISTS (SELECT 1 FROM indicator i WHERE ${SAME})`
		);
		await db.query(`DELETE FROM indicator i USING ${ROWS} t WHERE ${SAME}`);
		await db.query(
			`INSERT INTO indicator (code, year, key, value, text) SELECT code, year, key, value, text FROM ${ROWS}`
		);
		await db.query(`DROP TABLE ${ROWS}`);
		await insertMetas(db, added);
		for (const s of schemaStatements(await readCatalogue(db))) await db.query(s);
		return { ok: true as const, inserted: imp.records.length - replaced, replaced, added };
	});
}

/** Insert catalogue rows into the columns this dataset's `indicator_meta` has (rollup may lack). */
async function insertMetas(db: Connector, metas: readonly IndicatorMeta[]): Promise<void> {
	if (metas.length === 0) return;
	const names = (await db.query('SELECT * FROM indicator_meta LIMIT 0')).schema.fields.map(
		(f) => f.name
	);
	const cols = META_COLUMNS.filter((c) => names.includes(c));
	const rows = metas.map((m) => cols.map((c) => (m[c as keyof IndicatorMeta] ?? null) as SqlParam));
	const table = `indicator_meta (${cols.map(quoteIdent).join(', ')})`;
	await insertBatches(db, table, `(${cols.map(() => '?').join(', ')})`, rows);
}

/** Apply one import of either kind. */
export function applyImport(db: Connector, payload: ImportPayload): Promise<ApplyResult> {
	return payload.kind === 'table'
		? applyIndicatorImport(db, payload)
		: applyBoundaryImport(db, payload);
}

export interface StoredImport {
	id: string;
	/** Parse the stored file again against the catalogue as it stands after the imports before. */
	prepare(catalogue: IndicatorMeta[]): Promise<ImportPayload | ApplyFailure>;
}

/**
 * After a dataset load: apply the stored imports again, in the order they were made. Each is
 * all or nothing on its own; one that fails is reported and the rest still apply.
 */
export async function reapplyImports(
	db: Connector,
	imports: readonly StoredImport[]
): Promise<{ id: string; result: ApplyResult }[]> {
	const out: { id: string; result: ApplyResult }[] = [];
	for (const item of imports) {
		let result: ApplyResult;
		try {
			const payload = await item.prepare(await readCatalogue(db));
			result = 'ok' in payload ? payload : await applyImport(db, payload);
		} catch (error) {
			const detail = error instanceof Error ? error.message : String(error);
			result = failure(
				`无法重新读取导入的文件（${detail}）`,
				`cannot read the import again (${detail})`
			);
		}
		out.push({ id: item.id, result });
	}
	return out;
}
