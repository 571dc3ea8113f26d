/**
 * Packing a national build into one dataset (`npm run data:nation`), tried on the two committed
 * counties standing in for provinces: one folder with every unit, geometry simplified but every
 * unit kept valid, and the default view answered — and the app's loader and the first-view check
 * accept it. As committed (no indicator parts) they give the latest year only, split into parts;
 * split into parts first (as the national build writes them) every part is the two counties'
 * parts one after the other, every year kept.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tableFromIPC } from 'apache-arrow';
import { START_KEYS } from '../../../scripts/data/catalogue';
import { splitIndicatorParts } from '../../../scripts/data/indicator-parts';
import { NATION_CODE, packNation, simplifyPolygons } from '../../../scripts/data/national-pack';
import type { IndicatorPart } from '../../../src/lib/data/contract';
import { decodeFirstView } from '../../../src/lib/data/first-view';
import { loadDataset } from '../../../src/lib/data/load-dataset';
import { parseManifest } from '../../../src/lib/data/manifest';
import { openNodeConnector } from '../../../src/lib/data/node-connector';
import { decodeWkb } from '../../../src/lib/geo/wkb';
import { validatePolygons } from '../../../src/lib/geo/validate';
import { appCatalogue, firstQuery } from '../../../src/lib/state/first-view-query';
import type { Polygons } from '../../../src/lib/geo/types';

const out = mkdtempSync(join(tmpdir(), 'village-atlas-nation-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));

const rows = (dir: string, file: string) => tableFromIPC(readFileSync(join(dir, file)));
const manifestOf = (dir: string) =>
	parseManifest(JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')));
const COUNTIES = ['610924', '610925'];

describe('packNation over 紫阳县 and 岚皋县', () => {
	let result: Awaited<ReturnType<typeof packNation>>;
	const dir = join(out, NATION_CODE);
	beforeAll(async () => {
		result = await packNation('static/data', out);
	}, 120_000);

	it('holds every unit and site of both, and the latest year of every indicator only', () => {
		const m = manifestOf(dir);
		expect(m.region).toEqual({ code: '100000', name: '全国', level: 'nation' });
		expect(m.years).toEqual([2023]);
		for (const f of ['region.arrow', 'site.arrow', 'boundary.arrow']) {
			expect(rows(dir, f).numRows, f).toBe(
				rows('static/data/610924', f).numRows + rows('static/data/610925', f).numRows
			);
		}
		const latest = (code: string) =>
			[...rows(`static/data/${code}`, 'indicator.arrow')].filter((r) => r.year === 2023).length;
		const parts = m.indicatorParts as IndicatorPart[];
		expect(parts[0]).toMatchObject({ file: 'indicator.arrow', keys: START_KEYS, years: [2023] });
		expect(parts).toHaveLength(m.catalogue.length - START_KEYS.length + 1);
		let total = 0;
		for (const p of parts) {
			const t = rows(dir, p.file);
			expect(t.numRows, p.file).toBe(p.rows);
			expect(new Set([...t].map((r) => r.year)), p.file).toEqual(new Set([2023]));
			total += t.numRows;
		}
		expect(total).toBe(latest('610924') + latest('610925'));
		expect(m.counts.indicator).toBe(total);
		expect(result.indicatorRows).toBe(total);
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
		const m = manifestOf(dir);
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

/** The two counties copied to `from` with their indicators split into parts; returns `from`. */
function splitCopies(name: string): string {
	const from = join(out, name);
	for (const code of COUNTIES) {
		cpSync(`static/data/${code}`, join(from, code), { recursive: true });
		splitIndicatorParts(join(from, code), START_KEYS, 2023);
	}
	cpSync('static/data/index.json', join(from, 'index.json'));
	return from;
}

describe('packNation over 紫阳县 and 岚皋县 split into indicator parts', () => {
	const packed = join(out, 'split-nation');
	const dir = join(packed, NATION_CODE);
	let from: string;
	beforeAll(async () => {
		from = splitCopies('split');
		await packNation(from, packed);
	}, 120_000);

	it('concatenates each part across the counties and lists them, every year kept', () => {
		const m = manifestOf(dir);
		const own = COUNTIES.map((c) => manifestOf(join(from, c)).indicatorParts as IndicatorPart[]);
		expect(m.years).toEqual([2014, 2015, 2016, 2017, 2018, 2019, 2020, 2021, 2022, 2023]);
		const parts = m.indicatorParts as IndicatorPart[];
		expect(parts.map(({ file, keys, years }) => ({ file, keys, years }))).toEqual(
			own[0]!.map(({ file, keys, years }) => ({ file, keys, years }))
		);
		parts.forEach((p, i) => {
			expect(p.rows, p.file).toBe(own[0]![i]!.rows + own[1]![i]!.rows);
		});
		// Spot-check the rows themselves: the first county's, then the second's.
		for (const file of ['indicator.arrow', 'indicators/incidence.2019.arrow']) {
			const codes = (d: string) => [...rows(d, file)].map((r) => `${r.code} ${r.key} ${r.value}`);
			expect(codes(dir), file).toEqual([
				...codes(join(from, '610924')),
				...codes(join(from, '610925'))
			]);
		}
		expect(m.counts.indicator).toBe(parts.reduce((s, p) => s + p.rows, 0));
		expect(m.provenance.reduced).toMatch(/indicator parts \(2014–2023\) concatenated/);
	});

	it('loads every part by default: as many indicator rows as the two counties have', async () => {
		const m = manifestOf(dir);
		const db = await openNodeConnector();
		try {
			await loadDataset(db, m, async (f) => new Uint8Array(readFileSync(join(dir, f))));
			const n = (await db.query('SELECT count(*)::INTEGER AS n FROM indicator')).get(0)?.n;
			expect(n).toBe(
				rows('static/data/610924', 'indicator.arrow').numRows +
					rows('static/data/610925', 'indicator.arrow').numRows
			);
		} finally {
			await db.close();
		}
	});

	it('refuses provinces whose parts differ, naming the first difference', async () => {
		const bad = splitCopies('mismatch');
		const file = join(bad, '610925', 'manifest.json');
		const m = JSON.parse(readFileSync(file, 'utf8')) as { indicatorParts: IndicatorPart[] };
		m.indicatorParts.splice(1, 1);
		writeFileSync(file, JSON.stringify(m));
		await expect(packNation(bad, join(out, 'mismatch-nation'))).rejects.toThrow(
			/610925: its indicator parts differ from 610924's \(part 2: indicators\/poor_village\.2015\.arrow \[poor_village\] \[2015\], expected indicators\/poor_village\.2014\.arrow/
		);
	});
});
