/**
 * What the server mode lets through: one read-only statement. `judgeReadOnly` first asks the
 * console's own guard (`sql-guard.ts`: extensions, files, databases and settings are refused,
 * writes to loaded tables are named) and then allows only statements whose first keyword reads —
 * SELECT, WITH, VALUES, FROM, EXPLAIN, DESCRIBE, SHOW, SUMMARIZE, PRAGMA table_info (and the
 * other listing PRAGMAs) — and that the guard judges a read: `WITH … DELETE` and `EXPLAIN ANALYZE`
 * of a write are writes. Everything else (INSERT, UPDATE, DELETE, CREATE, DROP, ALTER, COPY,
 * ATTACH, INSTALL, LOAD, SET, CALL, transactions, …) is refused with a message saying so.
 *
 * `limitRows` wraps a query so the engine stops after `max + 1` rows: one row more than allowed
 * says "over the limit" without reading the rest. This is a fence of words; the engine behind
 * it is the fence of fact (no file access, locked settings: `native-connector.ts`).
 */
import { checkStatement, splitStatements, type GuardReason } from './sql-guard';
import { tokenize } from './sql-text';

export type Refusal = 'empty' | 'several' | 'write' | Exclude<GuardReason, 'protected' | 'unknown'>;

export type ReadOnlyVerdict =
	| { ok: true; sql: string; wrappable: boolean }
	| { ok: false; reason: Refusal; zh: string; en: string };

const words = (list: string): ReadonlySet<string> => new Set(list.split(' '));
/** First keywords of a read. */
const READ_HEADS = words('SELECT WITH VALUES FROM EXPLAIN DESCRIBE SHOW SUMMARIZE PRAGMA');
/** Reads that can be wrapped as a subquery, so LIMIT bounds what the engine produces. */
const WRAPPABLE = words('SELECT WITH VALUES FROM');
/** The PRAGMAs that list what is there and change nothing. */
const LISTING_PRAGMAS = words('table_info show show_tables show_tables_expanded');

const READS = 'SELECT、WITH、VALUES、FROM、EXPLAIN、DESCRIBE、SHOW、SUMMARIZE、PRAGMA table_info';

const MESSAGES: Record<Refusal, (head: string) => [string, string]> = {
	empty: () => ['没有可运行的语句。', 'There is no statement to run.'],
	several: () => [
		'一次只能发送一条语句；请分开发送。',
		'Send one statement at a time; this request has several.'
	],
	write: (head) => [
		`引擎服务器是只读的，只运行查询（${READS}）；这条 ${head} 语句没有运行，数据没有改变。`,
		`The engine server is read-only and runs queries only (${READS.replaceAll('、', ', ')}); this ${head} statement was not run and no data changed.`
	],
	extension: () => [
		'引擎服务器离线运行，不安装也不加载 DuckDB 扩展；这条语句没有运行。',
		'The engine server runs offline and does not install or load DuckDB extensions; the statement was not run.'
	],
	database: () => [
		'引擎服务器不能附加、切换、导入或导出数据库，也不能做检查点；请查询已加载的数据。',
		'The engine server cannot attach, switch, import or export databases, or checkpoint; query the loaded data.'
	],
	settings: () => [
		'引擎服务器的设置不能更改（SET、RESET、会改设置的 PRAGMA）；只读的 PRAGMA table_info 可以用。',
		'The engine server’s settings cannot be changed (SET, RESET, PRAGMAs that set something); the read-only PRAGMA table_info works.'
	],
	files: () => [
		'引擎服务器不读写文件（COPY、read_csv、read_parquet 等）；只能查询已加载的表。',
		'The engine server neither reads nor writes files (COPY, read_csv, read_parquet and the like); query the loaded tables.'
	]
};

function refuse(reason: Refusal, head = ''): ReadOnlyVerdict {
	const [zh, en] = MESSAGES[reason](head);
	return { ok: false, reason, zh, en };
}

/** The first keyword (upper case) past opening parentheses and comments, and the word after it. */
function headOf(sql: string): [string, string] {
	const ts = tokenize(sql).filter((t) => t.kind !== 'comment' && t.text !== '(');
	const word = (i: number) => (ts[i]?.kind === 'word' ? (ts[i]?.text ?? '') : '');
	return [word(0).toUpperCase(), word(1).toLowerCase()];
}

/** May the server run `text`? `protectedNames`: the loaded tables and views (for the guard). */
export function judgeReadOnly(text: string, protectedNames: ReadonlySet<string>): ReadOnlyVerdict {
	const statements = splitStatements(text);
	if (statements.length > 1) return refuse('several');
	const sql = statements[0]?.text ?? '';
	const [head, next] = headOf(sql);
	if (!head) return refuse('empty');
	const verdict = checkStatement(sql, protectedNames);
	if (!verdict.ok && verdict.reason !== 'protected' && verdict.reason !== 'unknown')
		return refuse(verdict.reason);
	if (!READ_HEADS.has(head)) return refuse('write', head);
	if (head === 'PRAGMA' && !LISTING_PRAGMAS.has(next)) return refuse('settings');
	if (!verdict.ok || verdict.kind !== 'read') return refuse('write', head);
	return { ok: true, sql, wrappable: WRAPPABLE.has(head) };
}

/** The query bounded to `max + 1` rows (a line comment at its end cannot swallow the bracket). */
export function limitRows(sql: string, max: number): string {
	if (!Number.isInteger(max) || max < 0) throw new RangeError(`row limit must be a count: ${max}`);
	return `SELECT * FROM (\n${sql}\n) LIMIT ${max + 1}`;
}
