/**
 * What the analyst console lets through to the engine. `checkStatement` reads the tokens of a
 * statement (strings and comments never count: `SELECT 'DROP TABLE region'` is a read) and says
 * whether it may run, and whether it reads or writes; `guardMessage` says why not, in zh or en.
 *
 * The rules:
 * - Reads always run: SELECT, WITH … SELECT, FROM-first queries, VALUES, TABLE t, PIVOT, DESCRIBE,
 *   SHOW, SUMMARIZE, the read-only PRAGMAs (table_info, show_tables, database_size, …), CALL of a
 *   pragma_* or duckdb_* function, and EXPLAIN of any statement the console would run (or that
 *   only touches a protected name: plain EXPLAIN does not execute). EXPLAIN ANALYZE executes, so
 *   it is judged as the statement it explains.
 * - Protected names (the loaded tables, the app's views and macros) cannot be created, replaced,
 *   dropped, altered, renamed to, inserted into, updated, deleted from, truncated, merged into,
 *   copied into or indexed. A name counts by its last part, case-insensitively, whatever its
 *   schema or quotes: `temp.region` would shadow `region` for every query the app runs.
 * - Writes to any other name (the analyst's own tables and views) run, as do BEGIN/COMMIT/ROLLBACK.
 * - Refused: INSTALL, LOAD, UPDATE EXTENSIONS ('extension'); ATTACH, DETACH, USE, EXPORT/IMPORT
 *   DATABASE, CHECKPOINT ('database'); SET, RESET and any other PRAGMA ('settings': an analyst
 *   must not turn extension auto-install back on); COPY to or from a file, a call of a file
 *   reader (read_parquet, read_csv*, read_json*, glob, …) anywhere, or a 'string' where a table
 *   goes, as in `FROM 'x.parquet'` ('files': offline these need extensions or files that do not
 *   exist); anything else ('unknown').
 * A script of several statements is judged statement by statement; the first refusal wins.
 * This guards against mistakes and explains refusals; the engine's own settings stay the fence.
 */
import { splitTokens, tokenize, type Token } from './sql-text';

export { errorPosition, splitStatements, statementAt, type Statement } from './sql-text';

export type GuardReason = 'protected' | 'extension' | 'database' | 'settings' | 'files' | 'unknown';
export type GuardVerdict =
	{ ok: true; kind: 'read' | 'write' } | { ok: false; reason: GuardReason; name?: string };

type Tokens = readonly Token[];
/** Protected names, lower-cased, to the spelling the app gave them. */
type Guarded = ReadonlyMap<string, string>;

const READ: GuardVerdict = { ok: true, kind: 'read' };
const WRITE: GuardVerdict = { ok: true, kind: 'write' };
const refuse = (reason: GuardReason, name?: string): GuardVerdict =>
	name === undefined ? { ok: false, reason } : { ok: false, reason, name };

const words = (list: string): ReadonlySet<string> => new Set(list.split(' '));
const READ_HEADS = words('SELECT FROM VALUES TABLE DESCRIBE SHOW SUMMARIZE PIVOT UNPIVOT');
const TRANSACTION_HEADS = words('BEGIN START COMMIT END ROLLBACK ABORT');
const DATABASE_HEADS = words('ATTACH DETACH USE EXPORT IMPORT CHECKPOINT');
const OBJECT_KINDS = words('TABLE VIEW MACRO FUNCTION SEQUENCE TYPE INDEX');
const CREATE_MODIFIERS = words('TEMP TEMPORARY UNIQUE GLOBAL LOCAL');
const ANALYZE = words('ANALYZE ANALYSE');
const READ_PRAGMAS = words(
	'table_info show show_tables show_tables_expanded show_databases database_list database_size ' +
		'storage_info metadata_info functions collations version platform user_agent'
);
/** Table functions that read files; offline each needs an extension or a file that is not there. */
const FILE_FUNCTION =
	/^(read_(parquet|csv\w*|json\w*|ndjson\w*|text|blob|xlsx)|parquet_\w+|glob|sniff_csv|iceberg_\w+|delta_scan|st_read\w*)$/i;
/** A quoted name DuckDB would try as a file when no such table exists (`FROM "x.csv"`). */
const FILE_NAME = /\.(parquet|csv|tsv|txt|json|jsonl|ndjson|xlsx|gz|zst)$/i;
/** Functions whose arguments may contain FROM followed by a string: `extract(year FROM '…')`. */
const FROM_IN_ARGUMENTS = words('EXTRACT TRIM SUBSTRING OVERLAY POSITION');
/** Keywords that end a FROM list at their depth, so a later `, 'x'` is a value, not a table. */
const CLAUSES = words(
	'SELECT FROM JOIN ON USING WHERE GROUP HAVING QUALIFY WINDOW ORDER LIMIT OFFSET UNION ' +
		'INTERSECT EXCEPT VALUES SET RETURNING'
);

/** An unquoted word, upper-cased (keywords); '' for anything else. */
const word = (t: Token | undefined): string => (t?.kind === 'word' ? t.text.toUpperCase() : '');
const isPunct = (t: Token | undefined, p: string): boolean => t?.kind === 'punct' && t.text === p;
const isName = (t: Token | undefined): t is Token => t?.kind === 'word' || t?.kind === 'ident';

/** The index after the parenthesis group that opens at `i`. */
function skipGroup(ts: Tokens, i: number): number {
	let depth = 0;
	for (let j = i; j < ts.length; j++) {
		if (isPunct(ts[j], '(')) depth += 1;
		else if (isPunct(ts[j], ')') && --depth <= 0) return j + 1;
	}
	return ts.length;
}

function skipIfExists(ts: Tokens, i: number): number {
	if (word(ts[i]) !== 'IF') return i;
	const j = word(ts[i + 1]) === 'NOT' ? i + 2 : i + 1;
	return word(ts[j]) === 'EXISTS' ? j + 1 : i;
}

/** A possibly qualified name at `i`: its last part (what the catalog looks up) and what follows. */
function readName(ts: Tokens, i: number): { name: string; next: number } | null {
	let name: string | null = null;
	let j = i;
	while (isName(ts[j])) {
		name = ts[j]?.text ?? '';
		j += 1;
		if (!isPunct(ts[j], '.') || !isName(ts[j + 1])) break;
		j += 1;
	}
	return name === null ? null : { name, next: j };
}

/** The index of the first `keyword` at parenthesis depth 0 from `i`, or -1. */
function findWord(ts: Tokens, i: number, keyword: string): number {
	for (let j = i; j < ts.length; j = isPunct(ts[j], '(') ? skipGroup(ts, j) : j + 1) {
		if (word(ts[j]) === keyword) return j;
	}
	return -1;
}

/** A write to the names given (none found: not a statement we know). */
function writeTo(guarded: Guarded, names: readonly (string | undefined)[]): GuardVerdict {
	if (names.length === 0 || names.includes(undefined)) return refuse('unknown');
	for (const name of names) {
		const own = guarded.get((name ?? '').toLowerCase());
		if (own !== undefined) return refuse('protected', own);
	}
	return WRITE;
}

/** The index of the statement after `WITH [RECURSIVE] a [(cols)] AS [NOT] [MATERIALIZED] (…), …`. */
function skipCtes(ts: Tokens, start: number): number {
	let i = word(ts[start]) === 'RECURSIVE' ? start + 1 : start;
	for (;;) {
		const cte = readName(ts, i);
		if (!cte) return i;
		i = isPunct(ts[cte.next], '(') ? skipGroup(ts, cte.next) : cte.next;
		if (word(ts[i]) === 'USING' && word(ts[i + 1]) === 'KEY') i = skipGroup(ts, i + 2);
		if (word(ts[i]) !== 'AS') return i;
		i += word(ts[i + 1]) === 'NOT' ? 2 : 1;
		if (word(ts[i]) === 'MATERIALIZED') i += 1;
		if (!isPunct(ts[i], '(')) return i;
		i = skipGroup(ts, i);
		if (!isPunct(ts[i], ',')) return i;
		i += 1;
	}
}

function judgeCreate(ts: Tokens, start: number, guarded: Guarded): GuardVerdict {
	let i = word(ts[start]) === 'OR' && word(ts[start + 1]) === 'REPLACE' ? start + 2 : start;
	while (CREATE_MODIFIERS.has(word(ts[i]))) i += 1;
	const kind = word(ts[i]);
	if (kind === 'SCHEMA') return WRITE;
	if (!OBJECT_KINDS.has(kind)) return refuse('unknown');
	i = skipIfExists(ts, i + 1);
	if (kind !== 'INDEX') return writeTo(guarded, [readName(ts, i)?.name]);
	// CREATE INDEX [name] ON table (…): an index changes how its table is stored.
	const on = findWord(ts, i, 'ON');
	const table = on < 0 ? undefined : readName(ts, on + 1)?.name;
	return writeTo(guarded, on === i ? [table] : [readName(ts, i)?.name, table]);
}

function judgeDrop(ts: Tokens, start: number, guarded: Guarded): GuardVerdict {
	const kind = word(ts[start]);
	if (kind === 'SCHEMA') return WRITE; // DuckDB refuses to drop main and temp itself
	if (!OBJECT_KINDS.has(kind)) return refuse('unknown');
	let i = skipIfExists(
		ts,
		kind === 'MACRO' && word(ts[start + 1]) === 'TABLE' ? start + 2 : start + 1
	);
	const names: (string | undefined)[] = [];
	for (;;) {
		const name = readName(ts, i);
		names.push(name?.name);
		if (!name || !isPunct(ts[name.next], ',')) return writeTo(guarded, names);
		i = name.next + 1;
	}
}

function judgeAlter(ts: Tokens, start: number, guarded: Guarded): GuardVerdict {
	if (!OBJECT_KINDS.has(word(ts[start]))) return refuse('unknown');
	const target = readName(ts, skipIfExists(ts, start + 1));
	// RENAME TO region would put the analyst's table in the place of a protected one.
	const rename = findWord(ts, start, 'RENAME');
	const renamed =
		rename >= 0 && word(ts[rename + 1]) === 'TO' ? [readName(ts, rename + 2)?.name] : [];
	return writeTo(guarded, [target?.name, ...renamed]);
}

function judgeCopy(ts: Tokens, start: number, guarded: Guarded): GuardVerdict {
	if (word(ts[start]) === 'FROM' && word(ts[start + 1]) === 'DATABASE') return refuse('database');
	const table = isPunct(ts[start], '(') ? null : readName(ts, start);
	let i = table ? table.next : skipGroup(ts, start);
	if (table && isPunct(ts[i], '(')) i = skipGroup(ts, i);
	const direction = word(ts[i]);
	if (direction === 'TO') return refuse('files');
	if (direction !== 'FROM' || !table) return refuse('unknown');
	const into = writeTo(guarded, [table.name]);
	return into.ok ? refuse('files') : into;
}

function judgeExplain(ts: Tokens, start: number, guarded: Guarded): GuardVerdict {
	let i = start;
	let analyze = false;
	if (isPunct(ts[i], '(')) {
		i = skipGroup(ts, i);
		analyze = ts.slice(start, i).some((t) => ANALYZE.has(word(t)));
	}
	for (; ANALYZE.has(word(ts[i])) || word(ts[i]) === 'VERBOSE'; i++) {
		analyze ||= ANALYZE.has(word(ts[i]));
	}
	const inner = judge(ts, i, guarded);
	if (analyze) return inner;
	return inner.ok || inner.reason === 'protected' ? READ : inner;
}

/** The verdict on the statement starting at `start`, from its leading keywords. */
function judge(ts: Tokens, start: number, guarded: Guarded): GuardVerdict {
	let i = start;
	while (isPunct(ts[i], '(')) i += 1; // (SELECT …) UNION (SELECT …)
	const head = word(ts[i]);
	const next = word(ts[i + 1]);
	if (READ_HEADS.has(head)) return READ;
	if (TRANSACTION_HEADS.has(head)) return WRITE;
	if (DATABASE_HEADS.has(head) || (head === 'FORCE' && next === 'CHECKPOINT'))
		return refuse('database');
	if (head === 'INSTALL' || head === 'LOAD' || (head === 'FORCE' && next === 'INSTALL'))
		return refuse('extension');
	// UPDATE EXTENSIONS [(name, …)], not UPDATE extensions SET … (a table of that name).
	if (head === 'UPDATE' && next === 'EXTENSIONS' && (!ts[i + 2] || isPunct(ts[i + 2], '(')))
		return refuse('extension');
	if (head === 'SET' || head === 'RESET') return refuse('settings');
	switch (head) {
		case 'WITH':
			return judge(ts, skipCtes(ts, i + 1), guarded);
		case 'EXPLAIN':
			return judgeExplain(ts, i + 1, guarded);
		case 'PRAGMA':
			return READ_PRAGMAS.has(next.toLowerCase()) && !isPunct(ts[i + 2], '=')
				? READ
				: refuse('settings');
		case 'CALL': {
			const fn = readName(ts, i + 1);
			const reads = fn && /^(pragma|duckdb)_/i.test(fn.name) && isPunct(ts[fn.next], '(');
			return reads ? READ : refuse('unknown');
		}
		case 'CREATE':
			return judgeCreate(ts, i + 1, guarded);
		case 'DROP':
			return judgeDrop(ts, i + 1, guarded);
		case 'ALTER':
			return judgeAlter(ts, i + 1, guarded);
		case 'COPY':
			return judgeCopy(ts, i + 1, guarded);
		case 'INSERT': {
			const into = next === 'OR' ? i + 3 : i + 1; // INSERT OR REPLACE|IGNORE INTO
			return word(ts[into]) === 'INTO'
				? writeTo(guarded, [readName(ts, into + 1)?.name])
				: refuse('unknown');
		}
		case 'MERGE':
			return next === 'INTO' ? writeTo(guarded, [readName(ts, i + 2)?.name]) : refuse('unknown');
		case 'UPDATE':
			return writeTo(guarded, [readName(ts, i + 1)?.name]);
		case 'DELETE':
			return next === 'FROM' ? writeTo(guarded, [readName(ts, i + 2)?.name]) : refuse('unknown');
		case 'TRUNCATE':
			return writeTo(guarded, [readName(ts, next === 'TABLE' ? i + 2 : i + 1)?.name]);
	}
	return refuse('unknown');
}

/** Whether the statement calls a file reader or names a file where a table goes, at any depth. */
function readsFiles(ts: Tokens): boolean {
	// Per open parenthesis: the word before it (a function's name) and the clause last seen in it.
	const stack = [{ fn: '', clause: '' }];
	for (let j = 0; j < ts.length; j++) {
		const t = ts[j];
		const top = stack[stack.length - 1] ?? { fn: '', clause: '' };
		if (isPunct(t, '(')) stack.push({ fn: word(ts[j - 1]), clause: '' });
		else if (isPunct(t, ')') && stack.length > 1) stack.pop();
		else if (CLAUSES.has(word(t))) top.clause = word(t) === 'JOIN' ? 'FROM' : word(t);
		if (!t) continue;
		if (isName(t) && isPunct(ts[j + 1], '(') && FILE_FUNCTION.test(t.text)) return true;
		if (t.kind !== 'string' && !(t.kind === 'ident' && FILE_NAME.test(t.text))) continue;
		const before = word(ts[j - 1]);
		const tablePlace =
			before === 'JOIN' ||
			before === 'DESCRIBE' ||
			before === 'SUMMARIZE' ||
			(before === 'FROM' && !FROM_IN_ARGUMENTS.has(top.fn)) ||
			(isPunct(ts[j - 1], ',') && top.clause === 'FROM');
		if (tablePlace) return true;
	}
	return false;
}

/** May `text` (one statement, or a script) run in the console? */
export function checkStatement(text: string, protectedNames: ReadonlySet<string>): GuardVerdict {
	const guarded: Guarded = new Map([...protectedNames].map((n) => [n.toLowerCase(), n]));
	const statements = splitTokens(tokenize(text));
	if (statements.length === 0) return refuse('unknown');
	let kind: 'read' | 'write' = 'read';
	for (const ts of statements) {
		let verdict = judge(ts, 0, guarded);
		// A refusal for a reason beats 'files'; 'files' beats 'unknown' (it says more).
		if ((verdict.ok || verdict.reason === 'unknown') && readsFiles(ts)) verdict = refuse('files');
		if (!verdict.ok) return verdict;
		if (verdict.kind === 'write') kind = 'write';
	}
	return { ok: true, kind };
}

const MESSAGES: Record<GuardReason, Record<'zh' | 'en', (name: string) => string>> = {
	protected: {
		zh: (n) =>
			`「${n}」是已加载的数据表或视图，控制台不能修改、删除或覆盖它；可以用 CREATE TEMP TABLE 以别的名字另建一张表。`,
		en: (n) =>
			`“${n}” is a loaded table or view; the console cannot change, drop or replace it. Use CREATE TEMP TABLE with another name to make your own.`
	},
	extension: {
		zh: () => '离线版本不能安装或加载 DuckDB 扩展；空间函数已内置，见帮助。',
		en: () =>
			'The offline version cannot install or load DuckDB extensions; spatial functions are built in, see Help.'
	},
	database: {
		zh: () => '控制台不能附加、切换、导入或导出数据库，也不能做检查点；请在当前数据库里查询。',
		en: () =>
			'The console cannot attach, switch, import or export databases, or checkpoint; query the current database.'
	},
	settings: {
		zh: () =>
			'控制台不能更改引擎设置（SET、RESET、会改设置的 PRAGMA）；只读的 PRAGMA（如 table_info）可以用。',
		en: () =>
			'The console cannot change engine settings (SET, RESET, PRAGMAs that set something); read-only PRAGMAs such as table_info work.'
	},
	files: {
		zh: () => '控制台不能读写文件（read_parquet、COPY 等需要网络或扩展）；请用「导入」把数据加入。',
		en: () =>
			'The console cannot read or write files (read_parquet, COPY and the like need the network or extensions); add data with Import.'
	},
	unknown: {
		zh: () =>
			'控制台不认识这种语句，所以没有运行；可以运行查询（SELECT），或用 CREATE TEMP TABLE 保存结果。',
		en: () =>
			'The console does not recognise this kind of statement, so it did not run it; run queries (SELECT), or keep results with CREATE TEMP TABLE.'
	}
};

/** A plain message (no markup: the name goes in as text) saying why a statement was refused. */
export function guardMessage(
	reason: GuardReason,
	name: string | undefined,
	lang: 'zh' | 'en'
): string {
	const fallback = lang === 'zh' ? '这个名字' : 'this name';
	return MESSAGES[reason][lang](name ?? fallback);
}
