/**
 * The all-or-nothing frame every import is applied in: one DuckDB transaction around all its
 * statements, committed only when every one succeeded and rolled back otherwise, so the loaded
 * dataset is never left half-changed. A refusal (an unknown code, a clashing indicator) is thrown
 * as `ImportRefusal` with words in Chinese and English; any other error becomes a failure with
 * the engine's message. Rows go in by parameterised `INSERT … VALUES` batches — no Arrow tables
 * are built in JavaScript (the page's CSP forbids the eval that apache-arrow's builders use).
 */
import type { Connector, SqlParam } from './connector';
import type { IndicatorMeta } from './contract';

/** What an applied import changed. */
export interface ApplyDone {
	ok: true;
	/** Rows that had no value (or units no boundary) before. */
	inserted: number;
	/** Rows that replaced one of the same code, year and key (or a unit's old boundary). */
	replaced: number;
	/** Catalogue entries added (the session's catalogue needs them too). */
	added: IndicatorMeta[];
}

export type ApplyResult = ApplyDone | ApplyFailure;

export interface ApplyFailure {
	ok: false;
	reason_zh: string;
	reason_en: string;
}

/** Why an import is refused, in the two languages the app speaks. */
export class ImportRefusal extends Error {
	override name = 'ImportRefusal';
	constructor(
		readonly reason_zh: string,
		readonly reason_en: string
	) {
		super(reason_en);
	}
}

export function failure(reason_zh: string, reason_en: string): ApplyFailure {
	return { ok: false, reason_zh, reason_en };
}

function failureOf(error: unknown): ApplyFailure {
	if (error instanceof ImportRefusal) return failure(error.reason_zh, error.reason_en);
	const detail = error instanceof Error ? error.message : String(error);
	return failure(
		`导入未生效，数据未改动（${detail}）`,
		`import not applied, nothing changed (${detail})`
	);
}

/**
 * Run `work` inside BEGIN … COMMIT. Any error rolls everything back; ROLLBACK is sent only when
 * our BEGIN succeeded, so an outer transaction (there should be none) is never ended by us.
 */
export async function inTransaction<T extends { ok: true }>(
	db: Connector,
	work: () => Promise<T>
): Promise<T | ApplyFailure> {
	try {
		await db.query('BEGIN TRANSACTION');
	} catch (error) {
		return failureOf(error);
	}
	try {
		const result = await work();
		await db.query('COMMIT');
		return result;
	} catch (error) {
		try {
			await db.query('ROLLBACK');
		} catch {
			// A failed COMMIT has already ended the transaction; there is nothing left to undo.
		}
		return failureOf(error);
	}
}

/** Rows per INSERT: few round trips to the worker, statements of a modest size. */
export const BATCH_ROWS = 500;

/**
 * Insert `rows` into `table` in batches. `tuple` is one row's placeholder list, e.g.
 * `(?, ?, from_hex(?))`, so a column can be converted in SQL on the way in.
 */
export async function insertBatches(
	db: Connector,
	table: string,
	tuple: string,
	rows: readonly (readonly SqlParam[])[],
	batch = BATCH_ROWS
): Promise<void> {
	for (let i = 0; i < rows.length; i += batch) {
		const part = rows.slice(i, i + batch);
		const values = part.map(() => tuple).join(', ');
		await db.query(`INSERT INTO ${table} VALUES ${values}`, part.flat());
	}
}

const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

/**
 * Bytes as hex text for `from_hex(?)`: the connectors pass parameters as JSON-able scalars
 * (the worker's prepared statements take JSON), so a BLOB travels as text.
 */
export function toHex(bytes: Uint8Array): string {
	let out = '';
	for (const b of bytes) out += HEX[b];
	return out;
}
