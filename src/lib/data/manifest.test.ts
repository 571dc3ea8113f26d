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
