/**
 * Indicator parts: rows split by (key, year) with the default view's inputs in the start part,
 * in the manifest's order, none empty but the start; written at once (a committed county split
 * in place) or piece by piece (the national build), and the start part enough for the first view.
 */
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { tableFromIPC } from 'apache-arrow';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { IndicatorPart } from '../../src/lib/data/contract';
import { parseManifest } from '../../src/lib/data/manifest';
import { CATALOGUE, START_KEYS } from './catalogue';
import { writeFirstView } from './first-view';
import {
	PartFiles,
	readIndicatorColumns,
	splitColumns,
	splitIndicatorParts,
	type PartLayout
} from './indicator-parts';
import { emptyColumns, type IndicatorColumns } from './indicator-rows';

const root = mkdtempSync(join(tmpdir(), 'village-atlas-parts-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const layout: PartLayout = {
	startFile: 'indicator.arrow',
	startKeys: ['a', 'b'],
	startYear: 2023,
	order: ['c', 'b', 'a']
};

function columns(rows: [string, number, string, number | null][]): IndicatorColumns {
	const c = emptyColumns();
	for (const [code, year, key, value] of rows) {
		c.code.push(code);
		c.year.push(year);
		c.key.push(key);
		c.value.push(value);
		c.text.push(null);
	}
	return c;
}

const read = (dir: string, file: string) => readIndicatorColumns(readFileSync(join(dir, file)));

describe('splitColumns', () => {
	it('puts the start keys of the start year first, then one part per key and year', () => {
		const parts = splitColumns(
			layout,
			columns([
				['1', 2022, 'a', 1],
				['1', 2023, 'a', 2],
				['1', 2023, 'c', 3],
				['2', 2023, 'b', null],
				['2', 2022, 'c', 4],
				['2', 2023, 'a', 5]
			])
		);
		expect(parts.map((p) => p.part)).toEqual([
			{ file: 'indicator.arrow', keys: ['a', 'b'], years: [2023], rows: 3 },
			{ file: 'indicators/c.2022.arrow', keys: ['c'], years: [2022], rows: 1 },
			{ file: 'indicators/c.2023.arrow', keys: ['c'], years: [2023], rows: 1 },
			{ file: 'indicators/a.2022.arrow', keys: ['a'], years: [2022], rows: 1 }
		]);
		expect(parts[0]?.columns.code).toEqual(['1', '2', '2']);
		expect(parts[0]?.columns.value).toEqual([2, null, 5]);
	});

	it('keeps an empty start part and writes no other empty part', () => {
		const parts = splitColumns(layout, columns([['1', 2020, 'z', 1]]));
		expect(parts.map((p) => [p.part.file, p.part.rows])).toEqual([
			['indicator.arrow', 0],
			['indicators/z.2020.arrow', 1]
		]);
	});
});

describe('PartFiles', () => {
	it('appends piece by piece into one readable stream per part', () => {
		const dir = join(root, 'stream');
		const files = new PartFiles(dir, layout);
		files.append(columns([['1', 2023, 'c', 1]]));
		files.append(
			columns([
				['2', 2023, 'c', 2],
				['2', 2021, 'a', 3]
			])
		);
		expect(files.close()).toEqual([
			{ file: 'indicator.arrow', keys: ['a', 'b'], years: [2023], rows: 0 },
			{ file: 'indicators/c.2023.arrow', keys: ['c'], years: [2023], rows: 2 },
			{ file: 'indicators/a.2021.arrow', keys: ['a'], years: [2021], rows: 1 }
		]);
		expect(read(dir, 'indicators/c.2023.arrow').code).toEqual(['1', '2']);
		expect(read(dir, 'indicators/c.2023.arrow').value).toEqual([1, 2]);
		expect(tableFromIPC(readFileSync(join(dir, 'indicator.arrow'))).numRows).toBe(0);
		expect(readdirSync(join(dir, 'indicators')).sort()).toEqual(['a.2021.arrow', 'c.2023.arrow']);
	});
});

describe('splitIndicatorParts on 紫阳县', () => {
	const dir = join(root, '610924');
	let whole: IndicatorColumns;
	let parts: IndicatorPart[];
	beforeAll(() => {
		cpSync('static/data/610924', dir, { recursive: true });
		whole = read(dir, 'indicator.arrow');
		parts = splitIndicatorParts(dir, START_KEYS, 2023);
	});

	it('lists the start part first, then each key in catalogue order and each year', () => {
		expect(parts[0]).toMatchObject({ file: 'indicator.arrow', keys: START_KEYS, years: [2023] });
		const rest = parts.slice(1);
		const expected = CATALOGUE.flatMap((m) =>
			[2014, 2015, 2016, 2017, 2018, 2019, 2020, 2021, 2022, 2023]
				.filter((y) => !(y === 2023 && START_KEYS.includes(m.key)))
				.map((y) => `indicators/${m.key}.${y}.arrow`)
		);
		expect(rest.map((p) => p.file)).toEqual(expected);
		for (const p of rest) expect(p.file).toBe(`indicators/${p.keys[0]}.${p.years[0]}.arrow`);
		expect(readdirSync(join(dir, 'indicators')).length).toBe(rest.length);
	});

	it('holds every row once, each in the part of its key and year', () => {
		const seen: string[] = [];
		const misplaced: string[] = [];
		for (const p of parts) {
			const c = read(dir, p.file);
			expect(c.code.length, p.file).toBe(p.rows);
			c.code.forEach((code, i) => {
				const row = `${code} ${c.key[i]} ${c.year[i]} ${c.value[i]} ${c.text[i]}`;
				if (!p.keys.includes(c.key[i] as string) || !p.years.includes(c.year[i] as number))
					misplaced.push(`${p.file}: ${row}`);
				seen.push(row);
			});
		}
		expect(misplaced).toEqual([]);
		const all = whole.code.map(
			(code, i) => `${code} ${whole.key[i]} ${whole.year[i]} ${whole.value[i]} ${whole.text[i]}`
		);
		expect(seen.sort()).toEqual(all.sort());
	});

	it('writes a manifest the app accepts, with the same row count', () => {
		const m = parseManifest(JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')));
		expect(m.indicatorParts).toEqual(parts);
		expect(m.counts.indicator).toBe(whole.code.length);
		expect(() => splitIndicatorParts(dir, START_KEYS, 2023)).toThrow(/already in parts/);
	});

	it('keeps in the start part all the default view needs: the same first view', async () => {
		await writeFirstView(dir);
		const fresh = readFileSync(join(dir, 'first-view.arrow'));
		expect(fresh.equals(readFileSync('static/data/610924/first-view.arrow'))).toBe(true);
	});
});
