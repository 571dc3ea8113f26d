/**
 * View filters as clauses. A view filter (`FilterSpec`, also what the URL holds) says "villages
 * in these townships", "villages whose branch_status is 软弱涣散", "villages whose collective
 * income is in [30000, 50000)"; `filterToClause` turns one into a clause whose predicate runs
 * over any row source of villages with columns `code` and `township_code` (e.g. `v_village`).
 * Every value travels as a parameter; every identifier is quoted.
 */
import { quoteIdent } from '$lib/data/sql-quote';
import type { SqlFragment } from '$lib/data/sql-fragment';
import type { Clause } from './selection';

/**
 * `field` is `township` (values: 9-digit township codes, op 'in') or an indicator key (op 'in':
 * category texts; op 'range': `[lo, hi)` numbers, where null or ±Infinity leaves that end open).
 */
export interface FilterSpec {
	field: string;
	op: 'in' | 'range';
	values: (string | number | null)[];
}

/** The field that filters by township. */
export const TOWNSHIP_FIELD = 'township';
/** The field that names villages one by one (a transition-matrix cell, a hand-picked set). */
export const VILLAGE_FIELD = 'village';
/** What an indicator key looks like (the catalogue's keys; safe in SQL and URLs). */
export const INDICATOR_KEY = /^[a-z][a-z0-9_]{0,63}$/;
/** Fields that pick places by code: their code pattern, the column they test, the most codes. */
const PLACE_FIELDS: Record<string, { code: RegExp; digits: number; column: string; max: number }> =
	{
		[TOWNSHIP_FIELD]: { code: /^\d{9}$/, digits: 9, column: 'township_code', max: 256 },
		// 300 twelve-digit codes fit the URL's 4 KB per parameter.
		[VILLAGE_FIELD]: { code: /^\d{12}$/, digits: 12, column: 'code', max: 300 }
	};
/** More values than any category set has; keeps SQL and URLs bounded. */
const MAX_VALUES = 256;

const q = quoteIdent;

function fail(spec: { field?: unknown }, why: string): never {
	throw new Error(`bad filter on "${String(spec.field)}": ${why}`);
}

/** A well-formed copy of `spec` (township codes as text, open range ends as null), or an Error. */
export function checkFilterSpec(input: unknown): FilterSpec {
	if (typeof input !== 'object' || input === null) throw new Error('a filter must be an object');
	const spec = input as Record<string, unknown>;
	const { field, op, values } = spec;
	if (typeof field !== 'string' || (!PLACE_FIELDS[field] && !INDICATOR_KEY.test(field)))
		fail(spec, 'the field must be "township", "village" or an indicator key (a-z, 0-9, _)');
	if (op !== 'in' && op !== 'range') fail(spec, `unknown op "${String(op)}" (in | range)`);
	if (!Array.isArray(values) || values.length === 0) fail(spec, 'values must be a non-empty list');
	const place = PLACE_FIELDS[field];
	const max = place?.max ?? MAX_VALUES;
	if (values.length > max) fail(spec, `more than ${max} values`);
	if (place) {
		if (op !== 'in') fail(spec, `${field}s are chosen with "in"`);
		const codes = values.map((v) => (typeof v === 'number' ? String(v) : v));
		for (const c of codes)
			if (typeof c !== 'string' || !place.code.test(c))
				fail(spec, `"${String(c)}" is not a ${place.digits}-digit ${field} code`);
		return { field, op, values: [...new Set(codes as string[])] };
	}
	if (op === 'in') {
		for (const v of values)
			if (typeof v !== 'string' || v === '')
				fail(spec, 'categories must be non-empty texts (use "range" for numbers)');
		return { field, op, values: [...new Set(values as string[])] };
	}
	if (values.length !== 2) fail(spec, 'a range is [lo, hi]');
	const [lo, hi] = values.map((v, i) => {
		if (v === null || v === (i === 0 ? -Infinity : Infinity)) return null;
		if (typeof v !== 'number' || !Number.isFinite(v))
			fail(spec, `bound ${String(v)} is not a number`);
		return v;
	}) as [number | null, number | null];
	if (lo === null && hi === null) fail(spec, 'a range needs at least one bound');
	if (lo !== null && hi !== null && !(lo < hi)) fail(spec, `empty range [${lo}, ${hi})`);
	return { field, op, values: [lo, hi] };
}

function placeholders(n: number): string {
	return Array.from({ length: n }, () => '?').join(', ');
}

/** The predicate of a well-formed spec over a village row source (`code`, `township_code`). */
function predicateOf(spec: FilterSpec, year: number): SqlFragment {
	const { field, op, values } = spec;
	const place = PLACE_FIELDS[field];
	if (place)
		return { sql: `${q(place.column)} IN (${placeholders(values.length)})`, params: values };
	const where = [`${q('key')} = ?`, `${q('year')} = ?`];
	const params: (string | number)[] = [field, year];
	if (op === 'in') {
		where.push(`${q('text')} IN (${placeholders(values.length)})`);
		params.push(...(values as string[]));
	} else {
		const [lo, hi] = values;
		if (typeof lo === 'number') {
			where.push(`${q('value')} >= ?`);
			params.push(lo);
		}
		if (typeof hi === 'number') {
			where.push(`${q('value')} < ?`);
			params.push(hi);
		}
	}
	return {
		sql: `${q('code')} IN (SELECT ${q('code')} FROM ${q('indicator')} WHERE ${where.join(' AND ')})`,
		params
	};
}

function labelOf({ field, op, values }: FilterSpec): string {
	if (op === 'in') return `${field} ∈ {${values.join(', ')}}`;
	const [lo, hi] = values;
	if (lo === null) return `${field} < ${hi}`;
	if (hi === null) return `${field} ≥ ${lo}`;
	return `${field} ∈ [${lo}, ${hi})`;
}

/**
 * The clause for one view filter, made by `source`. Indicator filters apply to the view's
 * `year`; township filters ignore it. Throws an Error naming the problem for a malformed spec.
 */
export function filterToClause(spec: FilterSpec, year: number, source: unknown): Clause {
	const s = checkFilterSpec(spec);
	if (s.field !== TOWNSHIP_FIELD && !Number.isInteger(year))
		throw new Error(`bad filter on "${s.field}": year ${year} is not a whole number`);
	return {
		source,
		field: s.field,
		op: s.op,
		value: s.values,
		predicate: predicateOf(s, year),
		label: labelOf(s)
	};
}

/** The view filter a clause stands for (to write the selection into the URL), or null. */
export function clauseToFilter(clause: Clause): FilterSpec | null {
	try {
		return checkFilterSpec({ field: clause.field, op: clause.op, values: clause.value });
	} catch {
		return null;
	}
}
