/**
 * Named SQL for the analyst console's results. A statement that returns rows is materialised
 * once as the temporary table `_console_result`, then read in pages by row id, so a result of
 * 100,000 rows is never decoded, copied or drawn whole: the table reads the rows it shows, the
 * exports and the map read the columns they need. Statements that cannot be wrapped (DESCRIBE,
 * SHOW, PRAGMA, EXPLAIN, writes) run as they are and their answer is kept in memory (it is small).
 */
import type { Table } from 'apache-arrow';
import { QueryCancelled, type Connector } from '../connector';
import { readEngineError, type EngineError } from '../engine-error';
import { quoteIdent } from '../sql-quote';

export const RESULT_TABLE = '_console_result';

/** Statements whose rows can be materialised with CREATE TABLE … AS. */
const WRAPPABLE = /^\s*\(*\s*(select|with|from|values|table)\b/i;

export interface ResultColumn {
	name: string;
	/** DuckDB's type name (VARCHAR, DOUBLE, …). */
	type: string;
}

export type MaterialisedResult =
	{ kind: 'paged'; columns: ResultColumn[]; rowCount: number } | { kind: 'direct'; table: Table };

/** The statement without trailing semicolons and whitespace (CREATE … AS (x;) is an error). */
export function trimStatement(sql: string): string {
	return sql.replace(/[\s;]+$/, '');
}

export function isWrappable(sql: string): boolean {
	return WRAPPABLE.test(sql);
}

/** A statement the engine refused, with where it points in the statement as written. */
export class StatementError extends Error {
	constructor(readonly engine: EngineError) {
		super(engine.message);
		this.name = 'StatementError';
	}
}

const WRAP = `CREATE OR REPLACE TEMP TABLE ${RESULT_TABLE} AS (\n`;

function statementError(e: unknown, sent: string, shift: number): unknown {
	if (e instanceof QueryCancelled) return e;
	const raw = e instanceof Error ? e.message : String(e);
	return new StatementError(readEngineError(raw, sent, shift));
}

/** Run one statement; rows of a query are kept in `_console_result` for paging. */
export async function materialise(
	db: Connector,
	statement: string,
	signal?: AbortSignal
): Promise<MaterialisedResult> {
	const sql = trimStatement(statement);
	if (!isWrappable(sql)) {
		try {
			return { kind: 'direct', table: await db.query(sql, [], { signal }) };
		} catch (e) {
			throw statementError(e, sql, 0);
		}
	}
	try {
		// A line comment at the statement's end would swallow the closing parenthesis.
		await db.query(`${WRAP}${sql}\n)`, [], { signal });
	} catch (e) {
		throw statementError(e, `${WRAP}${sql}\n)`, WRAP.length);
	}
	const [described, counted] = [
		await db.query(`DESCRIBE ${RESULT_TABLE}`),
		await db.query(`SELECT count(*)::DOUBLE AS n FROM ${RESULT_TABLE}`)
	];
	const columns: ResultColumn[] = described.toArray().map((r) => {
		const j = r.toJSON() as { column_name: string; column_type: string };
		return { name: j.column_name, type: j.column_type };
	});
	return { kind: 'paged', columns, rowCount: Number(counted.getChild('n')?.get(0) ?? 0) };
}

/** Rows [offset, offset + limit) of the materialised result, in the order the query gave. */
export function queryResultPage(db: Connector, offset: number, limit: number): Promise<Table> {
	// A freshly created table's row ids run 0…n−1 in insertion order (`*` leaves rowid out).
	return db.query(`SELECT * FROM ${RESULT_TABLE} WHERE rowid >= ? AND rowid < ? ORDER BY rowid`, [
		offset,
		offset + limit
	]);
}

/** Chosen columns of every row, in order (for the map and the exports). */
export function queryResultColumns(db: Connector, columns: readonly string[]): Promise<Table> {
	const list = columns.length ? columns.map(quoteIdent).join(', ') : '*';
	return db.query(`SELECT ${list} FROM ${RESULT_TABLE} ORDER BY rowid`);
}
