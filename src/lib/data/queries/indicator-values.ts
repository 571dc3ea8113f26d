/**
 * Named SQL: the value of any catalogue indicator — stored or derived — for one year, at one
 * level (village, township, county), over the villages a filter keeps. One statement answers
 * every thematic map, so the map, the legend and the crossfilter's clients ask the same question.
 *
 * Shape: a row per unit of the level, ordered by code, every unit present (value null where no
 * village behind it has data, so the map can draw a no-data class). Villages left out by the
 * filter stay in a village-level answer with value and text null, units 0 and `inFilter` false
 * (the map dims them; a legend counting `values` never counts them); at township or county level
 * they count for nothing and a unit none of whose villages is kept has `inFilter` false.
 * Roll-ups follow the indicator's rule (`analysis/rollup.ts`): a ratio is recomputed from its
 * numerator and denominator, never averaged. Values and keys travel as `?` parameters only.
 */
import type { Table } from 'apache-arrow';
import type { Connector, SqlParam } from '../connector';
import type { IndicatorMeta } from '../contract';
import type { SqlFragment } from '../sql-fragment';
import { columnValues, textValues } from '../arrow-columns';
import { rollupOf, type Rollup } from '$lib/analysis/rollup';
import { WEAK_COLLECTIVE_LINE, derivedIndicator } from '$lib/analysis/derived-indicators';

export type Level = 'village' | 'township' | 'county';
export type Stat = 'value' | 'sum' | 'mean' | 'median' | 'count' | 'share' | 'ratio' | 'max';

/** What the query needs of a catalogue row (a derived indicator's entry fits too). */
export type ValuesMeta = Pick<IndicatorMeta, 'key' | 'kind' | 'default_classes'> & {
	rollup?: string | null;
};

export interface IndicatorValuesRequest {
	key: string;
	year: number;
	level: Level;
	/** Default: `defaultStat(meta, level)`. */
	stat?: Stat;
	/** For `count`/`share` of a category indicator; default `defaultCategory(meta)`, else the most frequent. */
	category?: string;
	/** Predicate over `v_village` (`code`, `township_code`, …) choosing the villages that count. */
	filter?: SqlFragment | null;
}

export interface IndicatorValues {
	codes: string[];
	names: string[];
	/** The number to colour by: the village's value, or the unit's statistic. */
	values: (number | null)[];
	/** The category, at village level for category indicators; null otherwise. */
	texts: (string | null)[];
	/** Villages with data behind each row (0 or 1 at village level). */
	units: number[];
	/** Whether the filter keeps the village (village level) or any of the unit's villages. */
	inFilter: boolean[];
	/** The category counted by `count`/`share` of a category indicator; null otherwise. */
	category: string | null;
}

const AGGREGATE_STATS: Record<Rollup['op'], Stat[]> = {
	sum: ['sum', 'mean', 'median'],
	ratio: ['ratio'],
	share: ['share', 'count'],
	categories: ['count', 'share'],
	max: ['max'],
	mean: ['mean']
};

/** The statistics a map may show for an indicator at a level, the default first. */
export function statsFor(meta: ValuesMeta, level: Level): Stat[] {
	return level === 'village' ? ['value'] : [...AGGREGATE_STATS[rollupOf(meta).op]];
}

/** The statistic shown when none is chosen. */
export function defaultStat(meta: ValuesMeta, level: Level): Stat {
	return statsFor(meta, level)[0] as Stat;
}

/** First category of the catalogue's `default_classes`, or null when it lists none. */
export function defaultCategory(meta: ValuesMeta): string | null {
	try {
		const classes: unknown = JSON.parse(meta.default_classes);
		if (Array.isArray(classes) && typeof classes[0] === 'string') return classes[0];
	} catch {
		// An unreadable list falls back to the most frequent category, chosen in SQL.
	}
	return null;
}

// --- SQL composition ---------------------------------------------------------------------------

type Part = SqlFragment | SqlParam;

function isFragment(p: Part): p is SqlFragment {
	return typeof p === 'object' && p !== null;
}

/** Template tag: interpolated fragments are spliced with their parameters, values become `?`. */
function q(strings: TemplateStringsArray, ...parts: Part[]): SqlFragment {
	let text = strings[0] as string;
	const params: SqlParam[] = [];
	parts.forEach((p, i) => {
		if (isFragment(p)) {
			text += p.sql;
			params.push(...p.params);
		} else {
			text += '?';
			params.push(p);
		}
		text += strings[i + 1] as string;
	});
	return { sql: text, params };
}

const raw = (text: string): SqlFragment => ({ sql: text, params: [] });

/**
 * Per-village expressions over the pivoted inputs: `i0`, `i1`, … are the values of the inputs in
 * order, `t0` the text of the first. `value`/`text` give the village's number and category.
 */
interface Source {
	inputs: string[];
	value: SqlFragment;
	text: SqlFragment;
}

/** The SQL of each derived indicator's rule (the JS rule is in `analysis/derived-indicators.ts`). */
const DERIVED_SQL = new Map<string, (year: number) => Omit<Source, 'inputs'>>([
	[
		'poverty_status',
		(year) => ({
			value: raw('NULL::DOUBLE'),
			text: q`CASE WHEN i0 IS NULL THEN NULL
			             WHEN i0 <> 1 THEN 'never'
			             WHEN i1 IS NULL OR i1 > ${year} THEN 'poor'
			             WHEN i1 = ${year} THEN 'exited_this_year'
			             ELSE 'exited' END`
		})
	],
	[
		'empty_shell',
		() => ({
			value: raw('CASE WHEN i0 IS NULL THEN NULL WHEN i0 = 0 THEN 1.0 ELSE 0.0 END'),
			text: raw('NULL::VARCHAR')
		})
	],
	[
		'weak_collective',
		() => ({
			value: q`CASE WHEN i0 IS NULL THEN NULL WHEN i0 < ${WEAK_COLLECTIVE_LINE} THEN 1.0 ELSE 0.0 END`,
			text: raw('NULL::VARCHAR')
		})
	]
]);

/** Keys with a SQL rule in this module (tests check it matches the derived catalogue). */
export const DERIVED_SQL_KEYS: readonly string[] = [...DERIVED_SQL.keys()];

function sourceOf(meta: ValuesMeta, year: number): Source {
	const derived = derivedIndicator(meta.key);
	const rule = DERIVED_SQL.get(meta.key);
	if (derived && rule) return { inputs: [...derived.inputs], ...rule(year) };
	return {
		inputs: [meta.key],
		value: raw('i0'),
		text: raw(meta.kind === 'category' ? 't0' : 'NULL::VARCHAR')
	};
}

const UNIT_OF_VILLAGE: Record<Level, string> = {
	village: 'v.code',
	township: 'v.township_code',
	county: 't.parent_code'
};
const LEVELS_OF: Record<Level, string> = {
	village: `'village', 'community'`,
	township: `'township'`,
	county: `'county'`
};

/**
 * `WITH` clauses shared by the values and the breakdown: `iv_unit(code, name)` the units of the
 * level, `iv_row(code, unit, in_filter, value, text, num, den)` one row per village, nulls where
 * filtered out. The names are prefixed so a filter's own subqueries cannot collide with them.
 */
function villageCtes(meta: ValuesMeta, req: IndicatorValuesRequest, rollup: Rollup): SqlFragment {
	if (meta.key !== req.key) throw new Error(`indicator meta ${meta.key} given for ${req.key}`);
	if (!(req.level in LEVELS_OF)) throw new RangeError(`unknown level ${String(req.level)}`);
	const src = sourceOf(meta, req.year);
	const ratio = req.level !== 'village' && rollup.op === 'ratio' ? rollup : null;
	const inputs = ratio ? [...src.inputs, ratio.num, ratio.den] : src.inputs;
	const pivot = inputs.map((k, n) => q`max(value) FILTER (WHERE key = ${k}) AS i${raw(String(n))}`);
	const list = (parts: SqlFragment[], sep: string) =>
		parts.reduce((a, b) => q`${a}${raw(sep)}${b}`);
	const keys = list(
		inputs.map((k) => q`${k}`),
		', '
	);
	const numDen = ratio
		? raw(`, CASE WHEN v.in_filter THEN i${inputs.length - 2} END AS num,
		         CASE WHEN v.in_filter THEN i${inputs.length - 1} END AS den`)
		: raw(', NULL::DOUBLE AS num, NULL::DOUBLE AS den');
	const filter = req.filter ? q`coalesce((${req.filter}), false)` : raw('true');
	return q`WITH iv_unit AS (
    SELECT code, name FROM region WHERE level IN (${raw(LEVELS_OF[req.level])})
  ), iv_village AS (
    SELECT code, township_code, ${filter} AS in_filter FROM v_village
  ), iv_input AS (
    SELECT code, ${list(pivot, ', ')}, any_value(text) FILTER (WHERE key = ${inputs[0] as string}) AS t0
    FROM indicator WHERE year = ${req.year} AND key IN (${keys}) GROUP BY code
  ), iv_row AS (
    SELECT v.code, ${raw(UNIT_OF_VILLAGE[req.level])} AS unit, v.in_filter,
           CASE WHEN v.in_filter THEN (${src.value})::DOUBLE END AS value,
           CASE WHEN v.in_filter THEN (${src.text})::VARCHAR END AS text${numDen}
    FROM iv_village v LEFT JOIN iv_input i ON i.code = v.code
    ${raw(req.level === 'county' ? 'LEFT JOIN region t ON t.code = v.township_code' : '')}
  )`;
}

/** The chosen category as SQL: a parameter, or the most frequent category among kept villages. */
function categorySql(meta: ValuesMeta, req: IndicatorValuesRequest): SqlFragment {
	const chosen = req.category ?? defaultCategory(meta);
	if (chosen !== null) return q`${chosen}::VARCHAR`;
	return raw(`(SELECT text FROM iv_row WHERE text IS NOT NULL
    GROUP BY text ORDER BY count(*) DESC, text LIMIT 1)`);
}

/** The aggregate expressions `value`, `units` for a statistic under a roll-up rule. */
function statSql(
	stat: Stat,
	rollup: Rollup,
	category: SqlFragment
): { value: SqlFragment; units: SqlFragment } {
	const counted = raw('count(x.value)');
	switch (stat) {
		case 'sum':
			return { value: raw('sum(x.value)'), units: counted };
		case 'mean':
			return { value: raw('avg(x.value)'), units: counted };
		case 'median':
			return { value: raw('median(x.value)'), units: counted };
		case 'max':
			return { value: raw('max(x.value)'), units: counted };
		case 'ratio': {
			const both = 'FILTER (WHERE x.num IS NOT NULL AND x.den IS NOT NULL)';
			return {
				value: raw(`sum(x.num) ${both} / nullif(sum(x.den) ${both}, 0)`),
				units: raw(`count(*) ${both}`)
			};
		}
		case 'count':
		case 'share': {
			const cats = rollup.op === 'categories';
			const of = raw(cats ? 'count(x.text)' : 'count(x.value)');
			const hit = cats ? q`x.text = ${category}` : raw('x.value = 1');
			const n = q`count(*) FILTER (WHERE ${hit})`;
			return {
				value: stat === 'count' ? q`CASE WHEN ${of} > 0 THEN ${n} END` : q`${n} / nullif(${of}, 0)`,
				units: of
			};
		}
		case 'value':
			break;
	}
	throw new RangeError(`statistic ${stat} is not an aggregate`);
}

/**
 * The statement for a request: columns `code, name, value DOUBLE, text VARCHAR, units INTEGER,
 * in_filter BOOLEAN, category VARCHAR`, a row per unit of the level, ordered by code.
 * Throws RangeError for a statistic `statsFor` does not offer.
 */
export function indicatorValuesSql(meta: ValuesMeta, req: IndicatorValuesRequest): SqlFragment {
	const rollup = rollupOf(meta);
	const stat = req.stat ?? defaultStat(meta, req.level);
	if (!statsFor(meta, req.level).includes(stat)) {
		throw new RangeError(`statistic ${stat} is not offered for ${meta.key} at ${req.level} level`);
	}
	const ctes = villageCtes(meta, req, rollup);
	if (req.level === 'village') {
		return q`${ctes}
  SELECT u.code, u.name, x.value, x.text,
         (x.value IS NOT NULL OR x.text IS NOT NULL)::INTEGER AS units,
         coalesce(x.in_filter, false) AS in_filter, NULL::VARCHAR AS category
  FROM iv_unit u LEFT JOIN iv_row x ON x.code = u.code ORDER BY u.code`;
	}
	const cats = rollup.op === 'categories';
	const category = cats ? categorySql(meta, req) : raw('NULL::VARCHAR');
	const s = statSql(stat, rollup, category);
	return q`${ctes}
  SELECT u.code, u.name, (${s.value})::DOUBLE AS value, NULL::VARCHAR AS text,
         (${s.units})::INTEGER AS units, coalesce(bool_or(x.in_filter), false) AS in_filter,
         ${category} AS category
  FROM iv_unit u LEFT JOIN iv_row x ON x.unit = u.code GROUP BY u.code, u.name ORDER BY u.code`;
}

/**
 * Every village's own value of an indicator in a year (derived ones included): columns `code,
 * value, text`, no filter. Filters on an indicator select from it, so a filter means exactly
 * what the map shows.
 */
export function villageValuesSql(meta: ValuesMeta, year: number): SqlFragment {
	const ctes = villageCtes(meta, { key: meta.key, year, level: 'village' }, rollupOf(meta));
	return q`${ctes}
  SELECT code, value, text FROM iv_row`;
}

/** Columns of an `indicatorValuesSql` answer. */
export function decodeIndicatorValues(t: Table): IndicatorValues {
	const categories = textValues(t, 'category');
	return {
		codes: textValues(t, 'code') as string[],
		names: textValues(t, 'name') as string[],
		values: columnValues<number | null>(t, 'value'),
		texts: textValues(t, 'text'),
		units: columnValues<number>(t, 'units'),
		inFilter: columnValues<boolean>(t, 'in_filter'),
		category: categories.find((c) => c !== null) ?? null
	};
}

/** The value of an indicator for every unit of a level in a year (see the module comment). */
export async function queryIndicatorValues(
	db: Connector,
	meta: ValuesMeta,
	req: IndicatorValuesRequest
): Promise<IndicatorValues> {
	const f = indicatorValuesSql(meta, req);
	return decodeIndicatorValues(await db.query(f.sql, f.params));
}

export interface CategoryBreakdown {
	/** Every unit of the level, ordered by code. */
	codes: string[];
	/** The catalogue's categories in legend order, then any others found, sorted. */
	categories: string[];
	/** `counts[unit][category]`: kept villages of the unit in that category. */
	counts: number[][];
}

/** The statement behind `categoryBreakdown`: `code, category, n` (category null for empty units). */
export function categoryBreakdownSql(meta: ValuesMeta, req: IndicatorValuesRequest): SqlFragment {
	const ctes = villageCtes(meta, req, rollupOf(meta));
	return q`${ctes}
  SELECT u.code, x.text AS category, count(x.text)::INTEGER AS n
  FROM iv_unit u LEFT JOIN iv_row x ON x.unit = u.code AND x.text IS NOT NULL
  GROUP BY u.code, x.text ORDER BY u.code, x.text`;
}

/** Per unit, the number of kept villages in each category of a category indicator (tooltips). */
export async function categoryBreakdown(
	db: Connector,
	meta: ValuesMeta,
	req: IndicatorValuesRequest
): Promise<CategoryBreakdown> {
	if (meta.kind !== 'category') throw new RangeError(`${meta.key} is not a category indicator`);
	const f = categoryBreakdownSql(meta, req);
	const t = await db.query(f.sql, f.params);
	const rowCodes = columnValues<string>(t, 'code');
	const rowCats = columnValues<string | null>(t, 'category');
	const rowN = columnValues<number>(t, 'n');
	let listed: string[] = [];
	try {
		const parsed: unknown = JSON.parse(meta.default_classes);
		if (Array.isArray(parsed)) listed = parsed.filter((c): c is string => typeof c === 'string');
	} catch {
		// No usable list: the categories found, sorted.
	}
	const found = [...new Set(rowCats.filter((c): c is string => c !== null))].sort();
	const categories = [...listed, ...found.filter((c) => !listed.includes(c))];
	const codes = [...new Set(rowCodes)];
	const row = new Map(codes.map((c) => [c, new Array<number>(categories.length).fill(0)]));
	rowCodes.forEach((c, i) => {
		const cat = rowCats[i];
		if (cat != null) (row.get(c) as number[])[categories.indexOf(cat)] = rowN[i] as number;
	});
	return { codes, categories, counts: codes.map((c) => row.get(c) as number[]) };
}
