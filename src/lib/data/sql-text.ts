/**
 * Where things are in SQL text, for the analyst console: a lexer for DuckDB's dialect, the
 * statements of a script, the statement under the cursor, and the place an engine error points at.
 *
 * Contract: pure text in, offsets out (UTF-16 offsets into the text given, as editors count).
 * The lexer knows exactly what DuckDB's PostgreSQL-derived scanner knows about where a token
 * starts and ends — 'strings' and E'escapes', "quoted names", $tag$ dollar quoting, -- and nested
 * /* comments *\/ — and nothing about grammar; `sql-guard.ts` reads meaning into the tokens.
 */

export type TokenKind = 'word' | 'ident' | 'string' | 'number' | 'punct' | 'comment';

/** `text` is the source slice, except for a quoted identifier: its name, unescaped. */
export interface Token {
	kind: TokenKind;
	text: string;
	from: number;
	to: number;
}

export interface Statement {
	text: string;
	from: number;
	to: number;
}

// PostgreSQL's scanner: any non-ASCII character may be part of a name, and only ASCII whitespace
// separates tokens (so 名称 is one word, and so is a name with a full-width space in it).
const WORD_START = /[A-Za-z_\u0080-\uffff]/;
const WORD_PART = /[A-Za-z0-9_$\u0080-\uffff]/;
const SPACE = /[ \t\n\r\f\v]/;
const DIGIT = /[0-9]/;
const NUMBER_PART = /[0-9A-Za-z_.]/;
const DOLLAR_TAG = /\$(?:[A-Za-z_\u0080-\uffff][A-Za-z0-9_\u0080-\uffff]*)?\$/y;

/** The end of a quoted run starting at `at`; unterminated runs end with the text. */
function quotedEnd(sql: string, at: number, quote: string, backslash: boolean): number {
	let i = at + 1;
	while (i < sql.length) {
		const c = sql[i];
		if (backslash && c === '\\') i += 2;
		else if (c !== quote) i += 1;
		else if (sql[i + 1] === quote) i += 2;
		else return i + 1;
	}
	return sql.length;
}

/** Block comments nest, as in PostgreSQL: `/* a /* b *\/ c *\/` is one comment. */
function blockCommentEnd(sql: string, at: number): number {
	let depth = 0;
	let i = at;
	while (i < sql.length) {
		if (sql.startsWith('/*', i)) {
			depth += 1;
			i += 2;
		} else if (sql.startsWith('*/', i)) {
			depth -= 1;
			i += 2;
			if (depth === 0) return i;
		} else i += 1;
	}
	return sql.length;
}

function unquoteIdent(source: string): string {
	const inner = source.length > 1 && source.endsWith('"') ? source.slice(1, -1) : source.slice(1);
	return inner.replaceAll('""', '"');
}

/** Every token of `sql`, comments included, whitespace left out. */
export function tokenize(sql: string): Token[] {
	const tokens: Token[] = [];
	let i = 0;
	while (i < sql.length) {
		const from = i;
		const c = sql[i] ?? '';
		const next = sql[i + 1] ?? '';
		let kind: TokenKind;
		DOLLAR_TAG.lastIndex = i;
		const tag = c === '$' ? DOLLAR_TAG.exec(sql)?.[0] : undefined;
		if (SPACE.test(c)) {
			i += 1;
			continue;
		} else if (c === '-' && next === '-') {
			while (i < sql.length && sql[i] !== '\n' && sql[i] !== '\r') i += 1;
			kind = 'comment';
		} else if (c === '/' && next === '*') {
			i = blockCommentEnd(sql, i);
			kind = 'comment';
		} else if (c === "'" || c === '"') {
			i = quotedEnd(sql, i, c, false);
			kind = c === "'" ? 'string' : 'ident';
		} else if ((c === 'e' || c === 'E') && next === "'") {
			i = quotedEnd(sql, i + 1, "'", true);
			kind = 'string';
		} else if (tag !== undefined) {
			const close = sql.indexOf(tag, i + tag.length);
			i = close < 0 ? sql.length : close + tag.length;
			kind = 'string';
		} else if (WORD_START.test(c)) {
			do i += 1;
			while (i < sql.length && WORD_PART.test(sql[i] ?? ''));
			kind = 'word';
		} else if (DIGIT.test(c) || (c === '.' && DIGIT.test(next))) {
			do i += 1;
			while (i < sql.length && NUMBER_PART.test(sql[i] ?? ''));
			kind = 'number';
		} else {
			i += 1;
			kind = 'punct';
		}
		const source = sql.slice(from, i);
		tokens.push({ kind, text: kind === 'ident' ? unquoteIdent(source) : source, from, to: i });
	}
	return tokens;
}

/** The tokens of each statement, comments left out: split on `;`, empty statements dropped. */
export function splitTokens(tokens: readonly Token[]): Token[][] {
	const statements: Token[][] = [[]];
	for (const t of tokens) {
		if (t.kind === 'comment') continue;
		if (t.kind === 'punct' && t.text === ';') statements.push([]);
		else statements[statements.length - 1]?.push(t);
	}
	return statements.filter((s) => s.length > 0);
}

/**
 * The statements of a script, each from its first token to its last (the `;` and any comments
 * around it left out), with offsets into `sql` so the console can highlight the one that failed.
 */
export function splitStatements(sql: string): Statement[] {
	return splitTokens(tokenize(sql)).map((ts) => {
		const from = ts[0]?.from ?? 0;
		const to = ts[ts.length - 1]?.to ?? from;
		return { text: sql.slice(from, to), from, to };
	});
}

/**
 * The statement Ctrl+Enter runs: the one the cursor is in or touches; between two statements
 * (after a `;`, in blank lines or comments) the one before; before the first, the first.
 */
export function statementAt(sql: string, cursor: number): Statement | null {
	let chosen: Statement | null = null;
	for (const s of splitStatements(sql)) {
		if (s.from > cursor) return chosen ?? s;
		chosen = s;
	}
	return chosen;
}

// East Asian wide and emoji ranges: DuckDB draws its caret in terminal columns, two per character.
const WIDE: readonly [number, number][] = [
	[0x1100, 0x115f],
	[0x2e80, 0x303e],
	[0x3041, 0x33ff],
	[0x3400, 0x4dbf],
	[0x4e00, 0x9fff],
	[0xa000, 0xa4cf],
	[0xac00, 0xd7a3],
	[0xf900, 0xfaff],
	[0xfe30, 0xfe4f],
	[0xff00, 0xff60],
	[0xffe0, 0xffe6],
	[0x1f300, 0x1f64f],
	[0x1f900, 0x1f9ff],
	[0x20000, 0x3fffd]
];
const ZERO_WIDTH = /[\p{Cc}\p{Mn}]|[\u200b-\u200f]/u; // Mn has the variation selectors

function renderWidth(char: string): number {
	if (ZERO_WIDTH.test(char)) return 0; // a tab too: measured on DuckDB 1.4.3
	const cp = char.codePointAt(0) ?? 0;
	return WIDE.some(([a, b]) => cp >= a && cp <= b) ? 2 : 1;
}

/** How many UTF-16 units of `text` fill `width` columns, zero-width characters after them too. */
function unitsForWidth(text: string, width: number): number {
	let units = 0;
	let columns = 0;
	for (const char of text) {
		const w = renderWidth(char);
		if (columns >= width && w > 0) break;
		columns += w;
		units += char.length;
	}
	return units;
}

/**
 * The 1-based line and column (in UTF-16 units) an engine error points at, from DuckDB's
 * `LINE n: <line>` and caret lines; null when the message has none. DuckDB shows at most about
 * 40 columns either side of the error and marks a cut with `...`: then only the statement text
 * that was run can say where the shown piece starts, so without it the answer is null.
 */
export function errorPosition(
	engineMessage: string,
	statement?: string
): { line: number; column: number } | null {
	const m = /^LINE (\d+): ([^\r\n]*)\r?\n( *)\^/m.exec(engineMessage);
	if (!m) return null;
	const line = Number(m[1]);
	const shown = m[2] ?? '';
	const width = (m[3] ?? '').length - `LINE ${line}: `.length;
	if (width < 0) return null;
	const cut = shown.startsWith('...');
	const piece = cut ? shown.slice(3) : shown;
	const units = unitsForWidth(piece, cut ? width - 3 : width);
	if (statement === undefined) return cut ? null : { line, column: units + 1 };
	// Where the shown piece sits in the statement's line also covers a line that starts with '...'.
	const text = statement.split(/\r\n|\r|\n/)[line - 1];
	const at = text?.indexOf(piece.slice(0, units)) ?? -1;
	if (at >= 0) return { line, column: at + units + 1 };
	return cut ? null : { line, column: units + 1 };
}
