/**
 * Packing a national build into one dataset (`npm run data:nation`), tried on the two committed
 * counties standing in for provinces: one folder with every unit, the latest year only, geometry
 * simplified but every unit kept valid, and the default view answered — and the app's loader and
 * the first-view check accept it.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tableFromIPC } from 'apache-arrow';
import { NATION_CODE, packNation, simplifyPolygons } from '../../../scripts/data/national-pack';
import { decodeFirstView } from '../../../src/lib/data/first-view';
import { parseManifest } from '../../../src/lib/data/manifest';
import { decodeWkb } from '../../../src/lib/geo/wkb';
import { validatePolygons } from '../../../src/lib/geo/validate';
import { appCatalogue, firstQuery } from '../../../src/lib/state/first-view-query';
import type { Polygons } from '../../../src/lib/geo/types';

const out = mkdtempSync(join(tmpdir(), 'village-atlas-nation-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));

const rows = (dir: string, file: string) => tableFromIPC(readFileSync(join(dir, file)));

describe('packNation over 紫阳县 and 岚皋县', () => {
	let result: Awaited<ReturnType<typeof packNation>>;
	const dir = join(out, NATION_CODE);
	beforeAll(async () => {
		result = await packNation('static/data', out);
	}, 120_000);

	it('holds every unit and site of both, and the latest year of every indicator only', () => {
		const m = parseManifest(JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')));
		expect(m.region).toEqual({ code: '100000', name: '全国', level: 'nation' });
		expect(m.years).toEqual([2023]);
		for (const f of ['region.arrow', 'site.arrow', 'boundary.arrow']) {
			expect(rows(dir, f).numRows, f).toBe(
				rows('static/data/610924', f).numRows + rows('static/data/610925', f).numRows
			);
		}
		const ind = rows(dir, 'indicator.arrow');
		const latest = (code: string) =>
			[...rows(`static/data/${code}`, 'indicator.arrow')].filter((r) => r.year === 2023).length;
		expect(ind.numRows).toBe(latest('610924') + latest('610925'));
		expect(new Set([...ind].map((r) => r.year))).toEqual(new Set([2023]));
		expect(result.units).toBe(207 + 136);
		expect(m.provenance.reduced).toMatch(/latest year \(2023\) only/);
	});

	it('simplifies geometry to fewer vertices, every unit still a valid polygon', () => {
		expect(result.vertices.after).toBeLessThan(result.vertices.before);
		const invalid = [...rows(dir, 'boundary.arrow')].filter(
			(r) => validatePolygons(decodeWkb(r.geom_wkb as Uint8Array)).length > 0
		);
		expect(invalid.map((r) => r.code)).toEqual([]);
	});

	it('answers the default view ahead, as the app asks it', () => {
		const m = parseManifest(JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')));
		const first = decodeFirstView(readFileSync(join(dir, m.firstView as string)));
		const asked = firstQuery({}, appCatalogue(m.catalogue), m.years);
		expect(first.query).toEqual(asked?.query);
		expect(first.table.numRows).toBe(207 + 136);
	});

	it('keeps rings closed and at least four points long', () => {
		const square: Polygons = [
			[
				[
					[0, 0],
					[1, 0],
					[1, 0.0000001],
					[1, 1],
					[0, 1],
					[0, 0]
				]
			]
		];
		const s = simplifyPolygons(square, 0.01);
		expect(s[0]![0]!.length).toBe(5);
		expect(s[0]![0]![0]).toEqual(s[0]![0]![4]);
	});
});
