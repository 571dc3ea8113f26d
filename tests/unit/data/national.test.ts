/**
 * The national build's indicator policy, on its smallest province (64 宁夏, 2,912 units, about
 * 10 s): every catalogue key for the latest year, the series keys for every year, split into
 * parts — the default view's inputs in the start part, one file per other (key, year), none
 * empty, listed start first, then in catalogue order and by year — and data:check passes.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_SEED } from '../../../scripts/data/build-region';
import { CATALOGUE, NATIONAL_SERIES_KEYS, START_KEYS } from '../../../scripts/data/catalogue';
import { checkDataset } from '../../../scripts/data/check';
import { buildNationalShard } from '../../../scripts/data/national';
import { YEARS } from '../../../scripts/data/profiles';
import type { IndicatorPart } from '../../../src/lib/data/contract';
import { parseManifest } from '../../../src/lib/data/manifest';

const out = mkdtempSync(join(tmpdir(), 'village-atlas-national-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));

describe('buildNationalShard of 64 宁夏', () => {
	const dir = join(out, '64');
	let result: ReturnType<typeof buildNationalShard>;
	beforeAll(() => {
		result = buildNationalShard(out, DEFAULT_SEED, ['64']);
	}, 120_000);

	it('keeps every key for 2023 and the series keys for every year, one part per key and year', () => {
		const m = parseManifest(JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')));
		expect(m.catalogue.map((c) => c.key)).toEqual(CATALOGUE.map((c) => c.key));
		expect(m.years).toEqual(YEARS);
		const parts = m.indicatorParts as IndicatorPart[];
		expect(parts[0]).toMatchObject({ file: 'indicator.arrow', keys: START_KEYS, years: [2023] });
		const expected = CATALOGUE.flatMap((c) =>
			YEARS.filter((y) => y === 2023 || NATIONAL_SERIES_KEYS.includes(c.key))
				.filter((y) => !(y === 2023 && START_KEYS.includes(c.key)))
				.map((y) => ({ file: `indicators/${c.key}.${y}.arrow`, keys: [c.key], years: [y] }))
		);
		expect(parts.slice(1).map(({ file, keys, years }) => ({ file, keys, years }))).toEqual(
			expected
		);
		for (const p of parts) expect(p.rows, p.file).toBeGreaterThan(0);
		expect(m.counts.indicator).toBe(parts.reduce((s, p) => s + p.rows, 0));
		expect(result.indicatorRows).toBe(m.counts.indicator);
		expect(m.provenance.reduced).toMatch(/every indicator for the latest year \(2023\)/);
	});

	it('passes data:check, every theme clustered', () => {
		const { errors, stats } = checkDataset(dir);
		expect(errors).toEqual([]);
		expect(stats.indicator_rows).toBe(result.indicatorRows);
		expect(Object.keys(stats).filter((k) => k.startsWith('morans_i:'))).toHaveLength(4);
	});
});
