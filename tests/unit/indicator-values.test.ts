/**
 * The generic indicator query on the real engine over the committed 紫阳县 dataset. Every
 * roll-up is checked against numbers computed by hand from the Arrow files (apache-arrow in JS,
 * no SQL), and the derived poverty-exit status against the existing poverty-status query.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { tableFromIPC } from 'apache-arrow';
import type { Connector } from '$lib/data/connector';
import type { IndicatorMeta, Manifest } from '$lib/data/contract';
import {
	DERIVED_SQL_KEYS,
	categoryBreakdown,
	defaultCategory,
	defaultStat,
	indicatorValuesSql,
	queryIndicatorValues,
	statsFor,
	type IndicatorValuesRequest,
	type Level,
	type ValuesMeta
} from '$lib/data/queries/indicator-values';
import { DERIVED_INDICATORS, derivedIndicator } from '$lib/analysis/derived-indicators';
import { openRegion } from './dataset-fixture';
import { statusesFromFiles } from './poverty-files';

let db: Connector;
let manifest: Manifest;
beforeAll(async () => {
	({ db, manifest } = await openRegion('610924'));
});
afterAll(async () => {
	await db?.close();
});

// --- The files, read independently ----------------------------------------------------------

const file = (region: string, t: string) =>
	tableFromIPC(readFileSync(`static/data/${region}/${t}.arrow`));

const regionRows = [...file('610924', 'region')].map((r) => ({
	code: String(r.code),
	level: String(r.level),
	parent: r.parent_code == null ? null : String(r.parent_code)
}));
const parentOf = new Map(regionRows.map((r) => [r.code, r.parent]));
const villageCodes = regionRows
	.filter((r) => r.level === 'village' || r.level === 'community')
	.map((r) => r.code)
	.sort();
const unitCodes = (level: Level) =>
	level === 'village'
		? villageCodes
		: regionRows
				.filter((r) => r.level === level)
				.map((r) => r.code)
				.sort();
/** The unit of `level` a village rolls up to, through its township's parent for a county. */
function unitOf(village: string, level: Level): string {
	if (level === 'village') return village;
	const township = parentOf.get(village) as string;
	return level === 'township' ? township : (parentOf.get(township) as string);
}

/** key → year → code → { value, text } from indicator.arrow. */
const cells = new Map<
	string,
	Map<number, Map<string, { value: number | null; text: string | null }>>
>();
for (const r of file('610924', 'indicator')) {
	const byYear = cells.get(r.key) ?? new Map();
	cells.set(r.key, byYear);
	const byCode = byYear.get(r.year) ?? new Map();
	byYear.set(r.year, byCode);
	byCode.set(r.code, { value: r.value ?? null, text: r.text ?? null });
}
const valueOf = (key: string, year: number, code: string) =>
	cells.get(key)?.get(year)?.get(code)?.value ?? null;
const textOf = (key: string, year: number, code: string) =>
	cells.get(key)?.get(year)?.get(code)?.text ?? null;

/** unit → the values of its villages (nulls dropped), for the villages `keep` accepts. */
function grouped(
	level: Level,
	pick: (village: string) => number | null,
	keep: (village: string) => boolean = () => true
): Map<string, number[]> {
	const out = new Map<string, number[]>(unitCodes(level).map((c) => [c, []]));
	for (const v of villageCodes) {
		const x = pick(v);
		if (x !== null && keep(v)) out.get(unitOf(v, level))?.push(x);
	}
	return out;
}
const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
const median = (xs: number[]) => {
	const s = [...xs].sort((a, b) => a - b);
	const m = s.length >> 1;
	return s.length % 2 ? (s[m] as number) : ((s[m - 1] as number) + (s[m] as number)) / 2;
};

const metaOf = (key: string): ValuesMeta => {
	const m = manifest.catalogue.find((c) => c.key === key) as IndicatorMeta | undefined;
	if (!m) throw new Error(`no ${key} in the catalogue`);
	return m;
};
const run = (meta: ValuesMeta, req: Omit<IndicatorValuesRequest, 'key'>) =>
	queryIndicatorValues(db, meta, { key: meta.key, ...req });

/** Expect query values to equal hand values unit by unit (null where a unit has no data). */
function expectValues(got: (number | null)[], want: (number | null)[], label: string) {
	expect(got.length, label).toBe(want.length);
	got.forEach((g, i) => {
		const w = want[i] ?? null;
		if (w === null) expect(g, `${label} #${i}`).toBeNull();
		else expect(g, `${label} #${i}`).toBeCloseTo(w, 9);
	});
}

const AGGREGATES: Level[] = ['township', 'county'];
const YEAR = 2016;

// --- Shape --------------------------------------------------------------------------------------

describe('shape', () => {
	it('gives every unit of each level once, ordered by code, with names', async () => {
		for (const level of ['village', 'township', 'county'] as Level[]) {
			const r = await run(metaOf('poor_households'), { year: YEAR, level });
			expect(r.codes, level).toEqual(unitCodes(level));
			expect(r.names.every((n) => n.length > 0)).toBe(true);
			expect(r.inFilter.every((b) => b === true)).toBe(true);
		}
		expect(unitCodes('village').length).toBe(207);
		expect(unitCodes('township').length).toBe(17);
		expect(unitCodes('county')).toEqual(['610924']);
	});

	it('lists every unit with value null and units 0 in a year with no data', async () => {
		const r = await run(metaOf('poor_households'), { year: 1990, level: 'township' });
		expect(r.codes.length).toBe(17);
		expect(r.values.every((v) => v === null)).toBe(true);
		expect(r.units.every((n) => n === 0)).toBe(true);
	});

	it('gives the village value, units 1 where it has data, and the category only for categories', async () => {
		const r = await run(metaOf('poor_households'), { year: YEAR, level: 'village' });
		expectValues(
			r.values,
			villageCodes.map((c) => valueOf('poor_households', YEAR, c)),
			'poor_households'
		);
		expect(r.units).toEqual(
			villageCodes.map((c) => (valueOf('poor_households', YEAR, c) === null ? 0 : 1))
		);
		expect(r.texts.every((t) => t === null)).toBe(true);
		const b = await run(metaOf('branch_status'), { year: YEAR, level: 'village' });
		expect(b.texts).toEqual(villageCodes.map((c) => textOf('branch_status', YEAR, c)));
	});

	it('gives one county row for another county dataset (岚皋县)', async () => {
		const other = await openRegion('610925');
		try {
			const r = await queryIndicatorValues(other.db, metaOf('poor_households'), {
				key: 'poor_households',
				year: YEAR,
				level: 'county'
			});
			expect(r.codes).toEqual(['610925']);
			expect(r.units[0]).toBe(136);
			let total = 0;
			for (const row of file('610925', 'indicator'))
				if (row.key === 'poor_households' && row.year === YEAR) total += row.value ?? 0;
			expect(r.values[0]).toBeCloseTo(total, 9);
		} finally {
			await other.db.close();
		}
	});
});

// --- Roll-ups, by hand ------------------------------------------------------------------------------

describe('roll-ups against the files', () => {
	it('sums a count (poor_households) and counts the villages behind it', async () => {
		const meta = metaOf('poor_households');
		for (const level of AGGREGATES) {
			expect(defaultStat(meta, level)).toBe('sum');
			const r = await run(meta, { year: YEAR, level });
			const g = grouped(level, (v) => valueOf('poor_households', YEAR, v));
			expectValues(
				r.values,
				r.codes.map((c) => sum(g.get(c) as number[])),
				level
			);
			expect(r.units).toEqual(r.codes.map((c) => (g.get(c) as number[]).length));
		}
	});

	it('recomputes a ratio (incidence = Σ poor_people ÷ Σ rural_population), not a mean of rates', async () => {
		const rollup = JSON.stringify({ op: 'ratio', num: 'poor_people', den: 'rural_population' });
		const meta = { ...metaOf('incidence'), rollup };
		// The same indicator averaged, as a dataset without the rule would have it (by kind).
		const plain = { ...metaOf('incidence'), rollup: undefined };
		expect(statsFor(meta, 'township')).toEqual(['ratio']);
		expect(statsFor(plain, 'township')).toEqual(['mean']);
		let differs = 0;
		for (const level of AGGREGATES) {
			const r = await run(meta, { year: YEAR, level });
			const num = grouped(level, (v) =>
				valueOf('rural_population', YEAR, v) === null ? null : valueOf('poor_people', YEAR, v)
			);
			const den = grouped(level, (v) =>
				valueOf('poor_people', YEAR, v) === null ? null : valueOf('rural_population', YEAR, v)
			);
			const want = r.codes.map((c) => sum(num.get(c) as number[]) / sum(den.get(c) as number[]));
			expectValues(r.values, want, level);
			const rates = grouped(level, (v) => valueOf('incidence', YEAR, v));
			const m = await run(plain, { year: YEAR, level });
			r.codes.forEach((c, i) => {
				const xs = rates.get(c) as number[];
				expect(m.values[i]).toBeCloseTo(sum(xs) / xs.length, 9);
				if (Math.abs((r.values[i] as number) - (m.values[i] as number)) > 1e-3) differs++;
			});
		}
		expect(differs).toBeGreaterThan(5);
	});

	it('counts a flag and its share (first_secretary)', async () => {
		const meta = metaOf('first_secretary');
		expect(statsFor(meta, 'township')).toEqual(['share', 'count']);
		for (const level of AGGREGATES) {
			const g = grouped(level, (v) => valueOf('first_secretary', YEAR, v));
			const ones = (c: string) => (g.get(c) as number[]).filter((x) => x === 1).length;
			const count = await run(meta, { year: YEAR, level, stat: 'count' });
			expect(count.values).toEqual(count.codes.map(ones));
			const share = await run(meta, { year: YEAR, level, stat: 'share' });
			expectValues(
				share.values,
				share.codes.map((c) => ones(c) / (g.get(c) as number[]).length),
				level
			);
		}
	});

	it('counts a category and its share (branch_status 软弱涣散), first catalogue category by default', async () => {
		const meta = metaOf('branch_status');
		expect(defaultCategory(meta)).toBe('标准');
		for (const level of AGGREGATES) {
			const texts = new Map<string, string[]>(unitCodes(level).map((c) => [c, []]));
			for (const v of villageCodes) {
				const t = textOf('branch_status', YEAR, v);
				if (t !== null) texts.get(unitOf(v, level))?.push(t);
			}
			const n = (c: string, cat: string) => (texts.get(c) as string[]).filter((t) => t === cat);
			const weak = await run(meta, { year: YEAR, level, stat: 'count', category: '软弱涣散' });
			expect(weak.values).toEqual(weak.codes.map((c) => n(c, '软弱涣散').length));
			expect(weak.category).toBe('软弱涣散');
			expect(weak.values.some((x) => (x ?? 0) > 0)).toBe(true);
			const share = await run(meta, { year: YEAR, level, stat: 'share', category: '软弱涣散' });
			expectValues(
				share.values,
				share.codes.map((c) => n(c, '软弱涣散').length / (texts.get(c) as string[]).length),
				level
			);
			const dflt = await run(meta, { year: YEAR, level });
			expect(dflt.category).toBe('标准');
			expect(dflt.values).toEqual(dflt.codes.map((c) => n(c, '标准').length));
			const b = await categoryBreakdown(db, meta, { key: meta.key, year: YEAR, level });
			expect(b.codes).toEqual(unitCodes(level));
			expect(b.categories).toEqual(['标准', '软弱涣散']);
			b.codes.forEach((c, i) =>
				expect(b.counts[i]).toEqual([n(c, '标准').length, n(c, '软弱涣散').length])
			);
		}
	});

	it('sums an amount and gives its mean and median (collective_income)', async () => {
		const meta = metaOf('collective_income');
		expect(statsFor(meta, 'county')).toEqual(['sum', 'mean', 'median']);
		for (const level of AGGREGATES) {
			const g = grouped(level, (v) => valueOf('collective_income', YEAR, v));
			const at = (stat: 'sum' | 'mean' | 'median') => run(meta, { year: YEAR, level, stat });
			const xs = (c: string) => g.get(c) as number[];
			expectValues(
				(await at('sum')).values,
				unitCodes(level).map((c) => sum(xs(c))),
				'sum'
			);
			expectValues(
				(await at('mean')).values,
				unitCodes(level).map((c) => sum(xs(c)) / xs(c).length),
				'mean'
			);
			expectValues(
				(await at('median')).values,
				unitCodes(level).map((c) => median(xs(c))),
				'median'
			);
		}
	});

	it('takes the latest year (exit_year max), null where no poor village', async () => {
		const meta = metaOf('exit_year');
		expect(statsFor(meta, 'township')).toEqual(['max']);
		for (const level of AGGREGATES) {
			const r = await run(meta, { year: 2023, level });
			const g = grouped(level, (v) => valueOf('exit_year', 2023, v));
			expectValues(
				r.values,
				r.codes.map((c) => {
					const xs = g.get(c) as number[];
					return xs.length ? Math.max(...xs) : null;
				}),
				level
			);
		}
	});
});

// --- Derived indicators ---------------------------------------------------------------------------

describe('derived indicators', () => {
	it('poverty_status equals the poverty-status query for every village, 2014–2023', async () => {
		const meta = derivedIndicator('poverty_status') as ValuesMeta;
		expect(manifest.years).toEqual([2014, 2015, 2016, 2017, 2018, 2019, 2020, 2021, 2022, 2023]);
		for (const year of manifest.years) {
			const old = statusesFromFiles(year);
			const r = await run(meta, { year, level: 'village' });
			expect(r.codes).toEqual([...old.keys()]);
			expect(r.texts, `year ${year}`).toEqual([...old.values()]);
			expect(r.units.every((n) => n === 1)).toBe(true);
		}
	});

	it('poverty_status rolls up as a count per status (poor villages per township)', async () => {
		const meta = derivedIndicator('poverty_status') as ValuesMeta;
		expect(defaultStat(meta, 'township')).toBe('count');
		const year = 2017;
		const old = statusesFromFiles(year);
		for (const level of AGGREGATES) {
			const want = new Map(unitCodes(level).map((c) => [c, 0]));
			for (const [c, status] of old) {
				if (status === 'poor') want.set(unitOf(c, level), (want.get(unitOf(c, level)) ?? 0) + 1);
			}
			const r = await run(meta, { year, level });
			expect(r.category).toBe('poor');
			expect(r.values).toEqual(r.codes.map((c) => want.get(c)));
			const b = await categoryBreakdown(db, meta, { key: meta.key, year, level });
			expect(b.categories).toEqual(['poor', 'exited_this_year', 'exited', 'never']);
			expect(sum(b.counts.flat())).toBe(207);
		}
	});

	it('empty_shell and weak_collective follow their JS rules on collective_income', async () => {
		for (const key of ['empty_shell', 'weak_collective']) {
			const d = derivedIndicator(key);
			if (!d) throw new Error(key);
			const r = await run(d, { year: YEAR, level: 'village' });
			expect(r.values).toEqual(
				villageCodes.map((c) => d.derive([valueOf('collective_income', YEAR, c)], YEAR))
			);
			const t = await run(d, { year: YEAR, level: 'county', stat: 'count' });
			expect(t.values[0]).toBe(r.values.filter((x) => x === 1).length);
		}
		const empty = await run(derivedIndicator('empty_shell') as ValuesMeta, {
			year: YEAR,
			level: 'village'
		});
		expect(empty.values.some((x) => x === 1)).toBe(true);
	});
});

// --- Filters and hostile input -------------------------------------------------------------------

describe('filters', () => {
	const towns = unitCodes('township').slice(2, 5);
	const filter = {
		sql: `township_code IN (${towns.map(() => '?').join(', ')})`,
		params: towns
	};
	const kept = (v: string) => towns.includes(unitOf(v, 'township'));

	it('a township filter restricts the county roll-up to its villages', async () => {
		const meta = metaOf('collective_income');
		const r = await run(meta, { year: YEAR, level: 'county', filter });
		const g = grouped('county', (v) => valueOf('collective_income', YEAR, v), kept);
		expectValues(r.values, [sum(g.get('610924') as number[])], 'county');
		expect(r.units).toEqual([villageCodes.filter(kept).length]);
		const all = await run(meta, { year: YEAR, level: 'county' });
		expect(all.values[0]).toBeGreaterThan(r.values[0] as number);
	});

	it('keeps every township, with the ones outside the filter empty and marked', async () => {
		const r = await run(metaOf('poor_households'), { year: YEAR, level: 'township', filter });
		expect(r.codes).toEqual(unitCodes('township'));
		r.codes.forEach((c, i) => {
			const inside = towns.includes(c);
			expect(r.inFilter[i], c).toBe(inside);
			if (!inside) {
				expect(r.values[i]).toBeNull();
				expect(r.units[i]).toBe(0);
			} else expect(r.units[i]).toBeGreaterThan(0);
		});
	});

	it('keeps every village at village level, dimmed (value null, inFilter false) outside the filter', async () => {
		const r = await run(metaOf('branch_status'), { year: YEAR, level: 'village', filter });
		expect(r.codes).toEqual(villageCodes);
		r.codes.forEach((c, i) => {
			expect(r.inFilter[i]).toBe(kept(c));
			expect(r.texts[i]).toBe(kept(c) ? textOf('branch_status', YEAR, c) : null);
			expect(r.units[i]).toBe(kept(c) ? 1 : 0);
		});
	});

	it('takes a filter with its own subquery and parameters, spliced in order', async () => {
		const sub = {
			sql: 'code IN (SELECT code FROM indicator WHERE key = ? AND year = ? AND value >= ?)',
			params: ['collective_income', YEAR, 100_000]
		};
		const rich = (v: string) => (valueOf('collective_income', YEAR, v) ?? -1) >= 100_000;
		const r = await run(metaOf('poor_people'), { year: YEAR, level: 'township', filter: sub });
		const g = grouped('township', (v) => valueOf('poor_people', YEAR, v), rich);
		expectValues(
			r.values,
			r.codes.map((c) => ((g.get(c) as number[]).length ? sum(g.get(c) as number[]) : null)),
			'township'
		);
		expect(sum(r.units)).toBe(villageCodes.filter(rich).length);
		expect(sum(r.units)).toBeGreaterThan(0);
	});
});

describe('hostile and wrong input', () => {
	const regionRowsNow = async () =>
		Number((await db.query('SELECT count(*)::INTEGER AS n FROM region')).toArray()[0]?.n);

	it('binds a hostile key as a value: no data, nothing harmed', async () => {
		const before = await regionRowsNow();
		const key = `x') OR 1=1; DROP TABLE region; --`;
		const meta: ValuesMeta = { key, kind: 'count', default_classes: '[]' };
		const f = indicatorValuesSql(meta, { key, year: YEAR, level: 'township' });
		expect(f.sql).not.toContain('DROP');
		expect(f.params).toContain(key);
		const r = await run(meta, { year: YEAR, level: 'township' });
		expect(r.codes.length).toBe(17);
		expect(r.values.every((v) => v === null)).toBe(true);
		expect(await regionRowsNow()).toBe(before);
	});

	it('binds a hostile category as a value: counts nothing, nothing harmed', async () => {
		const before = await regionRowsNow();
		const category = `' OR 1=1 OR text = '`;
		const r = await run(metaOf('branch_status'), {
			year: YEAR,
			level: 'township',
			stat: 'count',
			category
		});
		expect(r.values.every((v) => v === 0)).toBe(true);
		expect(r.category).toBe(category);
		expect(await regionRowsNow()).toBe(before);
	});

	it('uses the most frequent category when the catalogue lists none', async () => {
		const meta = { ...metaOf('branch_status'), default_classes: '[]' };
		expect(defaultCategory(meta)).toBeNull();
		const r = await run(meta, { year: YEAR, level: 'county' });
		expect(r.category).toBe('标准');
	});

	it('refuses a statistic the indicator does not offer, or a meta for another key', () => {
		const meta = metaOf('poor_households');
		expect(() =>
			indicatorValuesSql(meta, { key: meta.key, year: YEAR, level: 'township', stat: 'ratio' })
		).toThrow(RangeError);
		expect(() =>
			indicatorValuesSql(meta, { key: meta.key, year: YEAR, level: 'village', stat: 'sum' })
		).toThrow(RangeError);
		expect(() =>
			indicatorValuesSql(meta, { key: 'other', year: YEAR, level: 'village' })
		).toThrow();
	});

	it('writes one ? per parameter and no value into the SQL text', () => {
		const meta = metaOf('branch_status');
		const f = indicatorValuesSql(meta, {
			key: meta.key,
			year: 2019,
			level: 'county',
			stat: 'share',
			category: '软弱涣散',
			filter: { sql: 'township_code = ?', params: ['610924101'] }
		});
		expect((f.sql.match(/\?/g) ?? []).length).toBe(f.params.length);
		for (const v of ['软弱涣散', '2019', '610924101', 'branch_status'])
			expect(f.sql).not.toContain(v);
	});
});

describe('derived catalogue and SQL', () => {
	it('has a SQL rule for every derived indicator and none besides', () => {
		expect([...DERIVED_SQL_KEYS].sort()).toEqual(DERIVED_INDICATORS.map((d) => d.key).sort());
	});
});
