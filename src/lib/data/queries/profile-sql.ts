/**
 * The statements behind `profile.ts`: one unit's values of every indicator in every year, with
 * ranks for the chosen year, in one pass over the `indicator` table.
 *
 * `pf_cell(code, year, key, value, text)` holds every village's value of every indicator of the
 * request, derived ones evaluated per year by the rules below (the same rules as
 * `indicator-values.ts`'s DERIVED_SQL, written with the year as a column instead of a
 * parameter; a test keeps the two equal). `pf_val` is that at village level, or the township
 * roll-ups; `pf_rank` ranks the chosen year. The catalogue enters as a `VALUES` list of
 * parameters (`pf_rule`), so no value or key is ever pasted into SQL text.
 */
import type { SqlParam } from '../connector';
import type { SqlFragment } from '../sql-fragment';
import type { RollupOp } from '$lib/analysis/rollup';
import { WEAK_COLLECTIVE_LINE, derivedIndicator } from '$lib/analysis/derived-indicators';

export type ProfileLevel = 'village' | 'township';

/** What the SQL needs of one catalogue row at one level. */
export interface ProfileRule {
	key: string;
	kind: string;
	op: RollupOp;
	num: string | null;
	den: string | null;
	/** The category a township's count counts; null: the most frequent that year. */
	cat: string | null;
	/** 1: the lowest value ranks first; -1: the highest. */
	sign: 1 | -1;
	ranked: boolean;
}

type Part = SqlFragment | SqlParam;
const isFragment = (p: Part): p is SqlFragment => typeof p === 'object' && p !== null;

/** Template tag: fragments are spliced with their parameters, anything else becomes `?`. */
function q(strings: TemplateStringsArray, ...parts: Part[]): SqlFragment {
	let sql = strings[0] as string;
	const params: SqlParam[] = [];
	parts.forEach((p, i) => {
		if (isFragment(p)) {
			sql += p.sql;
			params.push(...p.params);
		} else {
			sql += '?';
			params.push(p);
		}
		sql += strings[i + 1] as string;
	});
	return { sql, params };
}
const raw = (sql: string): SqlFragment => ({ sql, params: [] });
const join = (parts: SqlFragment[], sep: string): SqlFragment =>
	parts.length === 0 ? raw('') : parts.reduce((a, b) => q`${a}${raw(sep)}${b}`);

/** Derived rules over the inputs `i0`, `i1` (in `inputs` order) and the row's `year`. */
const DERIVED_BY_YEAR = new Map<string, { value: SqlFragment; text: SqlFragment }>([
	[
		'poverty_status',
		{
			value: raw('NULL'),
			text: raw(`CASE WHEN i0 IS NULL THEN NULL WHEN i0 <> 1 THEN 'never'
			  WHEN i1 IS NULL OR i1 > year THEN 'poor' WHEN i1 = year THEN 'exited_this_year'
			  ELSE 'exited' END`)
		}
	],
	[
		'empty_shell',
		{
			value: raw('CASE WHEN i0 IS NULL THEN NULL WHEN i0 = 0 THEN 1 ELSE 0 END'),
			text: raw('NULL')
		}
	],
	[
		'weak_collective',
		{
			value: q`CASE WHEN i0 IS NULL THEN NULL WHEN i0 < ${WEAK_COLLECTIVE_LINE} THEN 1 ELSE 0 END`,
			text: raw('NULL')
		}
	]
]);

/** Derived keys this module can evaluate per year. */
export const PROFILE_DERIVED_KEYS: readonly string[] = [...DERIVED_BY_YEAR.keys()];

function derivedRows(key: string): SqlFragment {
	const d = derivedIndicator(key);
	const rule = DERIVED_BY_YEAR.get(key);
	if (!d || !rule) throw new Error(`no per-year SQL rule for the derived indicator ${key}`);
	const pivot = d.inputs.map(
		(k, i) => q`max(value) FILTER (WHERE key = ${k}) AS i${raw(String(i))}`
	);
	const keys = join(
		d.inputs.map((k) => q`${k}`),
		', '
	);
	return q`SELECT code, year, ${key}::VARCHAR AS key, (${rule.value})::DOUBLE AS value,
    (${rule.text})::VARCHAR AS text
  FROM (SELECT code, year, ${join(pivot, ', ')} FROM indicator WHERE key IN (${keys}) GROUP BY code, year)`;
}

/** `WITH pf_rule, pf_unit, pf_part, pf_cell` for the rules of a request. */
function cellCtes(rules: readonly ProfileRule[]): SqlFragment {
	const rows = rules.map(
		(r) => q`(${r.key}::VARCHAR, ${r.kind}::VARCHAR, ${r.op}::VARCHAR, ${r.num}::VARCHAR,
      ${r.den}::VARCHAR, ${r.cat}::VARCHAR, ${r.sign}::INTEGER, ${r.ranked}::BOOLEAN,
      ${derivedIndicator(r.key) !== undefined}::BOOLEAN)`
	);
	const derived = rules.filter((r) => derivedIndicator(r.key)).map((r) => derivedRows(r.key));
	return q`WITH pf_rule(key, kind, op, num, den, cat, sign, ranked, derived) AS (VALUES ${join(rows, ',\n')}),
  pf_unit AS (SELECT r.code, r.parent_code AS township, t.parent_code AS county
    FROM region r JOIN region t ON t.code = r.parent_code WHERE r.level IN ('village', 'community')),
  pf_part AS (SELECT code, year, key, value FROM indicator
    WHERE key IN (SELECT num FROM pf_rule UNION SELECT den FROM pf_rule)),
  pf_cell AS (SELECT i.code, i.year, i.key, i.value,
      CASE WHEN m.kind = 'category' THEN i.text END AS text
    FROM indicator i JOIN pf_rule m ON m.key = i.key AND NOT m.derived
    ${derived.length ? q`UNION ALL ${join(derived, '\nUNION ALL ')}` : raw('')})`;
}

/** `pf_val(unit, parent, county, year, key, value, text, category)` for a level. */
function valueCte(level: ProfileLevel): SqlFragment {
	if (level === 'village') {
		return raw(`pf_val AS (SELECT c.code AS unit, u.township AS parent, u.county, c.year, c.key,
      c.value, c.text, NULL::VARCHAR AS category FROM pf_cell c JOIN pf_unit u ON u.code = c.code)`);
	}
	return raw(`pf_top AS (SELECT key, year, first(text ORDER BY n DESC, text) AS cat
    FROM (SELECT key, year, text, count(*) AS n FROM pf_cell WHERE text IS NOT NULL
          GROUP BY key, year, text) GROUP BY key, year),
  pf_agg AS (SELECT u.township AS unit, u.county, c.year, c.key,
      coalesce(r.cat, t.cat) AS category,
      CASE r.op WHEN 'sum' THEN sum(c.value) WHEN 'mean' THEN avg(c.value)
        WHEN 'max' THEN max(c.value)
        WHEN 'share' THEN count(*) FILTER (WHERE c.value = 1) / nullif(count(c.value), 0)
        WHEN 'categories' THEN CASE WHEN count(c.text) > 0
          THEN count(*) FILTER (WHERE c.text = coalesce(r.cat, t.cat)) END
      END::DOUBLE AS value
    FROM pf_cell c JOIN pf_unit u ON u.code = c.code
    JOIN pf_rule r ON r.key = c.key AND r.op <> 'ratio'
    LEFT JOIN pf_top t ON t.key = c.key AND t.year = c.year
    GROUP BY u.township, u.county, c.year, c.key, r.op, r.cat, t.cat),
  pf_ratio AS (SELECT u.township AS unit, u.county, n.year, r.key,
      sum(n.value) / nullif(sum(d.value), 0) AS value
    FROM pf_rule r JOIN pf_part n ON n.key = r.num
    JOIN pf_part d ON d.key = r.den AND d.code = n.code AND d.year = n.year
    JOIN pf_unit u ON u.code = n.code
    WHERE r.op = 'ratio' AND n.value IS NOT NULL AND d.value IS NOT NULL
    GROUP BY u.township, u.county, n.year, r.key),
  pf_val AS (SELECT unit, NULL::VARCHAR AS parent, county, year, key, value,
      NULL::VARCHAR AS text, category FROM pf_agg
    UNION ALL SELECT unit, NULL, county, year, key, value, NULL, NULL FROM pf_ratio)`);
}

/** Ranks in the chosen year; the direction is per rule, so both ORDER BY terms are given. */
function rankCte(year: number): SqlFragment {
	const order = `ORDER BY CASE WHEN r.sign = 1 THEN v.value END ASC,
      CASE WHEN r.sign = -1 THEN v.value END DESC`;
	return q`pf_rank AS (SELECT v.unit, v.key,
      rank() OVER (PARTITION BY v.key, v.parent ${raw(order)}) AS r_parent,
      count(*) OVER (PARTITION BY v.key, v.parent) AS n_parent,
      count(*) OVER (PARTITION BY v.key, v.parent, v.value) AS t_parent,
      rank() OVER (PARTITION BY v.key, v.county ${raw(order)}) AS r_county,
      count(*) OVER (PARTITION BY v.key, v.county) AS n_county,
      count(*) OVER (PARTITION BY v.key, v.county, v.value) AS t_county
    FROM pf_val v JOIN pf_rule r ON r.key = v.key
    WHERE v.year = ${year} AND v.value IS NOT NULL AND r.ranked)`;
}

/** The unit: `code, name, level, township_code, township, county_code, county`; no row if none. */
export function profileUnitSql(code: string): SqlFragment {
	return q`SELECT r.code, r.name, r.level, t.code AS township_code, t.name AS township,
    c.code AS county_code, c.name AS county
  FROM region r
  LEFT JOIN region t ON t.code = r.parent_code AND r.level IN ('village', 'community')
  LEFT JOIN region c ON c.code = CASE WHEN r.level = 'township' THEN r.parent_code ELSE t.parent_code END
  WHERE r.code = ${code} AND r.level IN ('village', 'community', 'township')`;
}

/**
 * The unit's values: `key, year, value, text, category` per key and year with data, and for
 * the chosen year `r_/n_/t_parent` (rank, units ranked, units sharing the value) within the
 * township (village level only) and `r_/n_/t_county` within the county.
 */
export function profileValuesSql(
	rules: readonly ProfileRule[],
	level: ProfileLevel,
	code: string,
	year: number
): SqlFragment {
	const int = (c: string) => `k.${c}::INTEGER AS ${c}`;
	const ranks = ['r_parent', 'n_parent', 't_parent', 'r_county', 'n_county', 't_county'];
	return q`${cellCtes(rules)}, ${valueCte(level)}, ${rankCte(year)}
  SELECT v.key, v.year::INTEGER AS year, v.value, v.text, v.category, ${raw(ranks.map(int).join(', '))}
  FROM pf_val v LEFT JOIN pf_rank k ON k.unit = v.unit AND k.key = v.key AND v.year = ${year}
  WHERE v.unit = ${code} ORDER BY v.key, v.year`;
}

/** A township's villages per category in a year: `key, category, n`. */
export function profileBreakdownSql(
	rules: readonly ProfileRule[],
	code: string,
	year: number
): SqlFragment {
	return q`${cellCtes(rules.filter((r) => r.kind === 'category'))}
  SELECT c.key, c.text AS category, count(*)::INTEGER AS n
  FROM pf_cell c JOIN pf_unit u ON u.code = c.code
  WHERE u.township = ${code} AND c.year = ${year} AND c.text IS NOT NULL
  GROUP BY c.key, c.text ORDER BY c.key, n DESC, c.text`;
}
