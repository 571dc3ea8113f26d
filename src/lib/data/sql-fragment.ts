/**
 * A piece of SQL with its positional parameters (`?`), so a filter built in one place (the
 * crossfilter, a rule preset) can be spliced into a named query without ever pasting a value
 * into SQL text. Values always travel as parameters; identifiers are quoted with `quoteIdent`.
 */
import type { SqlParam } from './connector';

export interface SqlFragment {
	sql: string;
	params: SqlParam[];
}

/** A fragment with no parameters. */
export function sql(text: string): SqlFragment {
	return { sql: text, params: [] };
}

/** AND of the given fragments (nulls skipped); null when nothing is left. */
export function andAll(parts: readonly (SqlFragment | null | undefined)[]): SqlFragment | null {
	const kept = parts.filter((p): p is SqlFragment => !!p);
	if (kept.length === 0) return null;
	if (kept.length === 1) return kept[0] as SqlFragment;
	return {
		sql: kept.map((p) => `(${p.sql})`).join(' AND '),
		params: kept.flatMap((p) => p.params)
	};
}
