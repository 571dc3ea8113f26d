/**
 * The stored indicator keys a statement reads, found in its text, so that a dataset whose
 * indicators come in parts can load them first (`data/indicator-parts.ts`): every catalogue
 * key written as a string literal (`key = 'collective_income'`), and every key of each theme
 * view it names (`v_poverty` reads all poverty indicators). Derived indicators do not appear
 * in SQL; the queries that compute them name their inputs. Pure.
 */
type CatalogueLike = { key: string; theme: string };

const LITERAL = /'([a-z][a-z0-9_]{0,63})'/g;
const THEME_VIEW = /\bv_([a-z]+)\b/gi;

export function keysInSql(sql: string, catalogue: readonly CatalogueLike[]): string[] {
	const known = new Set(catalogue.map((m) => m.key));
	const keys = new Set<string>();
	for (const [, word] of sql.matchAll(LITERAL)) if (known.has(word as string)) keys.add(word!);
	for (const [, theme] of sql.matchAll(THEME_VIEW)) {
		for (const m of catalogue) if (m.theme === theme?.toLowerCase()) keys.add(m.key);
	}
	return [...keys];
}
