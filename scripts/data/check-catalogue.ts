/**
 * The parts of data:check that read the contract itself: every table's columns (names, order,
 * types, dictionary encoding) against `COLUMNS`, the catalogue's vocabularies and JSON fields,
 * each indicator's roll-up (it parses, fits the kind, a ratio's parts are in the catalogue),
 * and — where a ratio's parts are in the data — that each unit's value is num / den, so a
 * township's recomputed ratio and its villages' values tell the same story.
 */
import { rollupOf, rollupProblems } from '../../src/lib/analysis/rollup';
import {
	BETTER,
	COLUMNS,
	KINDS,
	THEMES,
	type IndicatorMeta,
	type TableName
} from '../../src/lib/data/contract';
import type { Columns } from './check-tables';

type Fail = (message: string) => void;

/** Columns in the contract's order and types; optional (newer) columns may be missing at the end. */
export function checkColumns(table: TableName, t: Columns, fail: Fail) {
	const specs = COLUMNS[table];
	const stored = t.fields;
	specs.forEach((spec, i) => {
		const f = stored[i];
		if (!f) {
			if (!spec.optional) fail(`table ${table}: column ${spec.name} missing`);
			return;
		}
		if (f.name !== spec.name)
			fail(`table ${table}: column ${i + 1} is ${f.name}, expected ${spec.name}`);
		else if (f.type !== spec.type || f.dictionary !== !!spec.dictionary)
			fail(
				`table ${table}: column ${spec.name} is ${f.dictionary ? 'dictionary ' : ''}${f.type}, expected ${spec.dictionary ? 'dictionary ' : ''}${spec.type}`
			);
	});
	for (const f of stored.slice(specs.length)) fail(`table ${table}: unexpected column ${f.name}`);
}

/** The catalogue rows as objects (rollup left out when the file predates it). */
export function catalogueRows(meta: Columns): IndicatorMeta[] {
	const has = new Set(meta.fields.map((f) => f.name));
	const col = (name: string) => meta.col(name) as string[];
	return (col('key') ?? []).map((key, i) => {
		const row: Record<string, unknown> = { key };
		for (const spec of COLUMNS.indicator_meta)
			if (spec.name !== 'key' && has.has(spec.name)) row[spec.name] = col(spec.name)[i];
		return row as unknown as IndicatorMeta;
	});
}

/** Vocabularies, JSON fields and roll-ups of the catalogue, and the manifest's copy of it. */
export function checkCatalogue(
	rows: IndicatorMeta[],
	manifestCatalogue: readonly Partial<IndicatorMeta>[],
	fail: Fail
) {
	const inManifest = new Map(manifestCatalogue.map((m) => [m.key, m]));
	const seen = new Set<string>();
	for (const m of rows) {
		const bad = (why: string) => fail(`indicator_meta ${m.key}: ${why}`);
		if (seen.has(m.key)) bad('duplicate key');
		seen.add(m.key);
		if (!(THEMES as readonly string[]).includes(m.theme)) bad(`theme ${m.theme}`);
		if (!(KINDS as readonly string[]).includes(m.kind)) bad(`kind ${m.kind}`);
		if (!(BETTER as readonly string[]).includes(m.better)) bad(`better ${m.better}`);
		try {
			if (!Array.isArray(JSON.parse(m.default_classes))) bad('default_classes is not a list');
		} catch {
			bad(`default_classes ${JSON.stringify(m.default_classes)} is not JSON`);
		}
		for (const p of rollupProblems(m, rows)) fail(`indicator_meta ${p}`);
		const copy = inManifest.get(m.key);
		if (!copy) bad('missing from manifest.catalogue');
		else if ((copy.rollup ?? '') !== (m.rollup ?? ''))
			bad(`manifest.catalogue rollup ${copy.rollup} differs from the table's ${m.rollup}`);
	}
	for (const key of inManifest.keys())
		if (key !== undefined && !seen.has(key))
			fail(`manifest.catalogue ${key}: not in indicator_meta`);
}

/**
 * For every ratio roll-up whose parts are in the data: each unit-year's value equals num / den
 * (within `tolerance`, for values stored rounded), and is null or 0 where den is 0. Returns
 * how many unit-years were compared.
 */
export function checkRatios(
	rows: IndicatorMeta[],
	indicator: Columns,
	fail: Fail,
	tolerance = 1e-5
): number {
	const ratios = rows.flatMap((m) => {
		const r = rollupOf(m);
		return r.op === 'ratio' ? [{ key: m.key, num: r.num, den: r.den }] : [];
	});
	if (ratios.length === 0) return 0;
	const wanted = new Set(ratios.flatMap((r) => [r.key, r.num, r.den]));
	const code = indicator.col('code') as string[];
	const year = indicator.col('year') as number[];
	const key = indicator.col('key') as string[];
	const value = indicator.col('value') as (number | null)[];
	const byKey = new Map<string, Map<string, number | null>>();
	for (let i = 0; i < indicator.rows; i++) {
		const k = key[i] as string;
		if (!wanted.has(k)) continue;
		let m = byKey.get(k);
		if (!m) byKey.set(k, (m = new Map()));
		m.set(`${code[i]} ${year[i]}`, value[i] ?? null);
	}
	let compared = 0;
	for (const r of ratios) {
		const [vals, nums, dens] = [r.key, r.num, r.den].map((k) => byKey.get(k));
		if (!vals || !nums || !dens) continue;
		let reported = 0;
		for (const [at, v] of vals) {
			const n = nums.get(at);
			const d = dens.get(at);
			if (v === null || n === null || n === undefined || d === null || d === undefined) continue;
			compared++;
			const expected = d === 0 ? 0 : n / d;
			if (Math.abs(v - expected) > tolerance && reported++ < 5)
				fail(`indicator ${at} ${r.key}: ${v} but ${r.num} / ${r.den} = ${n} / ${d}`);
		}
	}
	return compared;
}
