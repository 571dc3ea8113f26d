import { describe, expect, it } from 'vitest';
import { DatasetError, parseManifest, parseRegionIndex } from './manifest';

const good = {
	format: 1,
	region: { code: '610924', name: '紫阳县', level: 'county' },
	years: [2014, 2023],
	bbox: [108, 32, 109, 33],
	files: {
		region: 'region.arrow',
		boundary: 'boundary.arrow',
		site: 'site.arrow',
		indicator: 'indicator.arrow',
		indicator_meta: 'indicator_meta.arrow'
	},
	counts: {},
	catalogue: [],
	provenance: { real: [], generated: [], sources: [] }
};

describe('parseManifest', () => {
	it('accepts a complete manifest and derives the latest year when absent', () => {
		expect(parseManifest(good).latestYear).toBe(2023);
	});
	it('names the missing table file', () => {
		const bad = { ...good, files: { ...good.files, indicator: undefined } };
		expect(() => parseManifest(bad)).toThrow(/table "indicator"/);
	});
	it('rejects a manifest without years or region, as a DatasetError', () => {
		expect(() => parseManifest({ ...good, years: [] })).toThrow(DatasetError);
		expect(() => parseManifest({ ...good, region: null })).toThrow(/region/);
		expect(() => parseManifest('nonsense')).toThrow(DatasetError);
	});
});

describe('parseManifest: roll-ups', () => {
	const meta = (key: string, kind: string, rollup?: string) => ({
		key,
		theme: 'poverty',
		label_zh: key,
		label_en: key,
		unit: '',
		kind,
		default_classes: '[]',
		better: 'none',
		...(rollup === undefined ? {} : { rollup })
	});
	const rollups = (catalogue: unknown[]) =>
		parseManifest({ ...good, catalogue }).catalogue.map((m) => [m.key, m.rollup]);

	it('fills a missing rollup by kind (a dataset built before the field existed)', () => {
		expect(
			rollups([
				meta('poor_village', 'flag'),
				meta('poor_level', 'category'),
				meta('poor_people', 'count'),
				meta('collective_income', 'amount'),
				meta('incidence', 'ratio'),
				meta('exit_year', 'year')
			])
		).toEqual([
			['poor_village', '{"op":"share"}'],
			['poor_level', '{"op":"categories"}'],
			['poor_people', '{"op":"sum"}'],
			['collective_income', '{"op":"sum"}'],
			['incidence', '{"op":"mean"}'],
			['exit_year', '{"op":"max"}']
		]);
	});

	it('keeps a ratio whose parts are in the catalogue, and averages one whose parts are not', () => {
		const ratio = '{"op":"ratio","num":"poor_people","den":"rural_population"}';
		expect(
			rollups([
				meta('poor_people', 'count'),
				meta('rural_population', 'count'),
				meta('incidence', 'ratio', ratio)
			])[2]
		).toEqual(['incidence', ratio]);
		expect(rollups([meta('incidence', 'ratio', ratio)])).toEqual([['incidence', '{"op":"mean"}']]);
	});

	it('replaces an unreadable rule by the default for the kind', () => {
		expect(rollups([meta('x', 'count', '{"op":')])).toEqual([['x', '{"op":"sum"}']]);
	});
});

describe('parseRegionIndex', () => {
	it('lists regions, defaulting each path to its code', () => {
		expect(parseRegionIndex({ regions: [{ code: '6109', name: '安康市' }] })).toEqual([
			{ code: '6109', name: '安康市', path: '6109' }
		]);
	});
	it('says which entry is broken', () => {
		expect(() => parseRegionIndex({ regions: [{ code: '1' }, { name: 'x' }] })).toThrow(/region 1/);
		expect(() => parseRegionIndex({})).toThrow(/regions/);
	});
});
