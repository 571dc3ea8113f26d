import { readFileSync } from 'node:fs';
import { tableFromIPC } from 'apache-arrow';
import { describe, expect, it } from 'vitest';
import { readBoundaryFile } from './boundary-import';
import { joinBoundaries } from './boundary-join';
import type { RegionUnit } from './name-match';
import type { BoundaryFeature } from './boundary-types';

const regions = tableFromIPC(readFileSync('static/data/610924/region.arrow'))
	.toArray()
	.map((r) => r.toJSON() as RegionUnit);
const square = [
	[
		[
			[108.5, 32.5],
			[108.51, 32.5],
			[108.51, 32.51],
			[108.5, 32.5]
		]
	]
] as BoundaryFeature['polygons'];
const feature = (i: number, properties: Record<string, unknown>): BoundaryFeature => ({
	featureIndex: i,
	properties,
	polygons: square
});

async function fixture(name: string) {
	const r = await readBoundaryFile(
		name,
		new Uint8Array(readFileSync(`tests/fixtures/import/${name}`))
	);
	if (!r.ok) throw new Error(r.error.reason_en);
	return r.features;
}

describe('joining boundaries to the region', () => {
	it.each([
		'boundary-gbk-no-cpg.zip',
		'boundary-gbk-cpg936.zip',
		'boundary-gk36-prj.zip',
		'boundary-villages.kml'
	])('every feature of %s finds its village', async (name) => {
		const features = await fixture(name);
		const join = joinBoundaries(features, regions);
		expect(join.unmatched).toEqual([]);
		expect(join.units.length).toBe(features.length);
		const codes = new Set(regions.map((r) => r.code));
		for (const u of join.units) expect(codes.has(u.code)).toBe(true);
	});

	it('matches by a code attribute when there is one, stored as a number or text', () => {
		const join = joinBoundaries(
			[feature(0, { DM: 610924100201, MC: 'x' }), feature(1, { DM: '610924100202', MC: 'y' })],
			regions
		);
		expect(join.by.code).toBe('DM');
		expect(join.units.map((u) => u.code)).toEqual(['610924100201', '610924100202']);
	});

	it('matches by name within the township, tolerant of 村委会 and spaces', () => {
		const v = regions.find((r) => r.level === 'village') as RegionUnit;
		const t = regions.find((r) => r.code === v.parent_code) as RegionUnit;
		const join = joinBoundaries([feature(0, { 乡镇: t.name, 村名: ` ${v.name}委会 ` })], regions);
		expect(join.units.map((u) => u.code)).toEqual([v.code]);
	});

	it('lists a feature it cannot place and a second feature for the same village', () => {
		const join = joinBoundaries(
			[
				feature(0, { code: '610924100201' }),
				feature(1, { code: '610924100201' }),
				feature(2, { code: '610924100202' }),
				feature(3, { code: '999999999999' })
			],
			regions
		);
		expect(join.units.map((u) => u.featureIndex)).toEqual([0, 2]);
		expect(join.duplicates.map((d) => d.featureIndex)).toEqual([1]);
		expect(join.unmatched.map((d) => d.featureIndex)).toEqual([3]);
		expect(join.unmatched[0]?.reason_zh).toContain('999999999999');
	});

	it('says so when there is nothing to match by', () => {
		const join = joinBoundaries([feature(0, { area: 3 })], regions);
		expect(join.units).toEqual([]);
		expect(join.unmatched[0]?.reason_en).toContain('no division code or village name');
	});
});
