/**
 * The engine's errors as a person reads them. duckdb-wasm hands DuckDB's error over as JSON
 * (`{"exception_type":"Parser","exception_message":"syntax error at or near …","position":"9"}`),
 * older paths as text with `LINE n:` and a caret. Either way the console wants the message, the
 * kind, and where in the statement it points (a character offset).
 *
 * Contract: `readEngineError(raw, sent, shift)` never throws; `sent` is the statement the engine
 * was given and `shift` how many characters the app put in front of the user's statement (the
 * console wraps a query in CREATE TABLE … AS), so offsets come back relative to what the user
 * wrote.
 */
import { errorPosition } from './sql-text';
export interface EngineError {
	/** `Parser`, `Binder`, `Catalog`, `Conversion`… or '' when the engine did not say. */
	type: string;
	message: string;
	/** Character offset into the statement, when the engine says where. */
	position: number | null;
}

export function readEngineError(raw: string, sent = '', shift = 0): EngineError {
	const text = raw.replace(/^Error:\s*/, '');
	if (text.startsWith('{')) {
		try {
			const j = JSON.parse(text) as Record<string, unknown>;
			const message = String(j.exception_message ?? text)
				// The caret block quotes the wrapped statement: the offset below says the same.
				.replace(/\n*LINE \d+:[^\n]*\n\s*\^\s*$/, '')
				.trim();
			const pos = j.position === undefined ? null : Number(j.position) - shift;
			return {
				type: String(j.exception_type ?? ''),
				message,
				position: pos !== null && Number.isFinite(pos) && pos >= 0 ? pos : null
			};
		} catch {
			// not JSON after all: read it as text
		}
	}
	const m = /^(\w+) Error: ([\s\S]*)$/.exec(text);
	const message = (m?.[2] ?? text).replace(/\n*LINE \d+:[\s\S]*$/, '').trim();
	const at = errorPosition(text, sent || undefined);
	let position: number | null = null;
	if (at) {
		const lines = sent.split('\n');
		const start = lines.slice(0, at.line - 1).reduce((n, l) => n + l.length + 1, 0);
		const p = start + at.column - 1 - shift;
		position = sent && p >= 0 ? p : null;
	}
	return { type: m?.[1] ?? '', message, position };
}

/** 1-based line and column of a character offset in `text`. */
export function lineColumn(text: string, offset: number): { line: number; column: number } {
	const before = text.slice(0, offset);
	const line = before.split('\n').length;
	return { line, column: offset - (before.lastIndexOf('\n') + 1) + 1 };
}
