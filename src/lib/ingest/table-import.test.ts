import { readFileSync } from 'node:fs';
import { tableFromIPC } from 'apache-arrow';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CatalogueIndicator } from './header-text';
import type { RegionUnit } from './name-match';
import { readTableFile, rejectedCsv, type ImportedTable, type TableImport } from './table-import';

// The committed 紫阳县 dataset: its real region table and catalogue; fixtures from
// scripts/import-fixtures.ts.
const DATA = 'static/data/610924';
const REGIONS = tableFromIPC(readFileSync(`${DATA}/region.arrow`))
	.toArray()
	.map((row) => row.toJSON() as RegionUnit);
const CATALOGUE = (
	JSON.parse(readFileSync(`${DATA}/manifest.json`, 'utf8')) as { catalogue: CatalogueIndicator[] }
).catalogue;
const FIXTURES = [
	'gb18030-names.csv',
	'utf8-bom-codes.csv',
	'merged-title.xlsx',
	'wide-by-year.xlsx',
	'duplicates-unknown.csv'
] as const;
const bytesOf = (name: string) => new Uint8Array(readFileSync(`tests/fixtures/import/${name}`));

async function imported(name: (typeof FIXTURES)[number]): Promise<ImportedTable> {
	const result = await readTableFile(name, bytesOf(name), CATALOGUE, REGIONS);
	if (!result.ok) throw new Error(result.message_en);
	return result;
}
const value = (t: ImportedTable, code: string, year: number, key: string) =>
	t.records.find((r) => r.code === code && r.year === year && r.key === key)?.value;
const rowsOf = (list: { rowNumber: number }[]) => list.map((r) => r.rowNumber);

describe('every fixture imports with every row accounted for', () => {
	it.each(FIXTURES)('%s: rowsRead = matched + rejected + skipped', async (name) => {
		const { report, preview } = await imported(name);
		expect(report.rowsRead).toBeGreaterThan(0);
		expect(report.matched + report.rejected.length + report.skipped.length).toBe(report.rowsRead);
		// Names readable: the preview shows decoded Chinese, never U+FFFD.
		expect(preview.flat().join('')).toMatch(/[\u4e00-\u9fff]/);
		expect(preview.flat().join('')).not.toContain('\ufffd');
	});
});

describe('gb18030-names.csv: GB18030, names scoped by township', () => {
	it('is decoded as GB18030 and maps its columns', async () => {
		const { report } = await imported('gb18030-names.csv');
		expect(report.encoding).toBe('gb18030');
		expect(report.headers).toContain('集体经济收入（万元）');
		expect(report.columns.map((c) => c.target.role)).toEqual([
			'join',
			'join',
			'join',
			'indicator',
			'indicator',
			'indicator'
		]);
	});

	it.each([
		['新田村 in 城关镇', '610924100201', 'collective_income', 52000],
		['新桃村委会 written with spaces', '610924100200', 'party_members', 28],
		['东城门社区居委会', '610924100001', 'party_members', 61],
		['王家河 without 村, 万元 scaled to 元', '610924101215', 'collective_income', 126000],
		['街道社区 of 蒿坪镇 (the township filled down)', '610924101001', 'party_members', 77],
		['关庙村 of 东木镇', '610924116201', 'collective_income', 44000],
		['关庙村 of 高滩镇', '610924111222', 'first_secretary', 0]
	])('matches %s', async (_, code, key, expected) => {
		expect(value(await imported('gb18030-names.csv'), code, 2020, key)).toBe(expected);
	});

	it('lists 关庙村 without a township as ambiguous and 黄金湾村 as unmatched', async () => {
		const { report } = await imported('gb18030-names.csv');
		expect(report.ambiguous).toEqual([
			expect.objectContaining({ rowNumber: 2, candidates: ['610924111222', '610924116201'] })
		]);
		expect(rowsOf(report.unmatched)).toEqual([12]);
		expect(report.unmatched[0]?.cells).toContain('黄金湾村');
		expect(report.matched).toBe(9);
	});
});

describe('utf8-bom-codes.csv: codes as text in every state', () => {
	it.each([
		['a plain text code', '610924101215', 128000],
		['full-width digits', '610924109203', 96000],
		['an Excel apostrophe', '610924106202', 54500],
		['scientific notation with every digit', '610924117219', 31000]
	])('normalises %s', async (_, code, income) => {
		expect(value(await imported('utf8-bom-codes.csv'), code, 2019, 'collective_income')).toBe(
			income
		);
	});

	it('reads a share in % as a ratio, with or without the % sign', async () => {
		const table = await imported('utf8-bom-codes.csv');
		expect(value(table, '610924101215', 2019, 'incidence')).toBe(0.012);
		expect(value(table, '610924109203', 2019, 'incidence')).toBe(0.008);
	});

	it('rejects the code that lost digits in scientific notation, saying so', async () => {
		const { report } = await imported('utf8-bom-codes.csv');
		expect(report.encoding).toBe('utf-8');
		expect(report.rejected).toEqual([
			expect.objectContaining({ rowNumber: 6, reason_en: expect.stringContaining('lost digits') })
		]);
	});
});

describe('merged-title.xlsx: title row, merged townships, numeric codes, totals', () => {
	it('finds the header under the title and takes the year from it', async () => {
		const { report, records } = await imported('merged-title.xlsx');
		expect(report.headerRow).toBe(3);
		expect(report.title).toContain('紫阳县2020年村集体经济收入统计表');
		expect(new Set(records.map((r) => r.year))).toEqual(new Set([2020]));
	});

	it('skips the 小计 and 合计 rows and the note, and says why', async () => {
		const { report } = await imported('merged-title.xlsx');
		expect(report.skipped.map((s) => [s.rowNumber, s.reason_en])).toEqual([
			[7, 'skipped: total row'],
			[10, 'skipped: total row'],
			[11, 'skipped: total row'],
			[12, 'note below the table']
		]);
	});

	it('reads numeric codes and 万元', async () => {
		const table = await imported('merged-title.xlsx');
		expect(table.report.matched).toBe(5);
		expect(value(table, '610924101215', 2020, 'collective_income')).toBe(126000);
		expect(value(table, '610924101201', 2020, 'collective_income')).toBe(0);
		expect(value(table, '610924100202', 2020, 'party_members')).toBe(31);
	});
});

describe('wide-by-year.xlsx: one column per year', () => {
	it('turns each year column into records of the indicator the title names', async () => {
		const table = await imported('wide-by-year.xlsx');
		expect(table.report.columns.filter((c) => c.target.role === 'year')).toHaveLength(3);
		expect(
			[2019, 2020, 2021].map((y) => value(table, '610924101215', y, 'collective_income'))
		).toEqual([98000, 128000, 156000]);
		// 斑桃村 has no 2021 figure: no record, not a zero.
		expect(value(table, '610924117219', 2021, 'collective_income')).toBeUndefined();
		expect(table.records).toHaveLength(11);
	});
});

describe('duplicates-unknown.csv: duplicates, unknown codes, bad values', () => {
	it('lists the duplicates and keeps the first', async () => {
		const table = await imported('duplicates-unknown.csv');
		expect(table.report.duplicates).toContainEqual({
			code: '610924101215',
			year: 2022,
			key: 'collective_income',
			rows: [2, 4]
		});
		expect(value(table, '610924101215', 2022, 'collective_income')).toBe(160000);
	});

	it('lists unknown and malformed codes as unmatched, and the bad value as rejected', async () => {
		const { report } = await imported('duplicates-unknown.csv');
		expect(rowsOf(report.unmatched)).toEqual([5, 6, 7]);
		expect(rowsOf(report.rejected)).toEqual([5, 6, 7, 9]);
		expect(report.outOfRange).toEqual([expect.objectContaining({ rowNumber: 8, value: -3 })]);
	});

	it('writes the rejected rows to a CSV with their reasons', async () => {
		const csv = rejectedCsv((await imported('duplicates-unknown.csv')).report);
		const lines = csv.slice(1).trimEnd().split('\r\n');
		expect(csv.startsWith('\ufeff')).toBe(true);
		expect(lines).toHaveLength(5);
		expect(lines[0]).toBe('行号 row,原因,reason,code,year,collective_income,party_members');
		expect(lines[4]).toContain('待定');
	});
});

describe('files that are not tables', () => {
	it.each([
		['an old .xls', 'a.xls', new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0, 0]), 'unsupported-type'],
		['a shapefile part', 'a.shp', new Uint8Array(100), 'unsupported-type'],
		['an empty csv', 'a.csv', new Uint8Array(0), 'empty'],
		['a csv of blank lines', 'a.csv', new TextEncoder().encode('\r\n,,\r\n'), 'empty']
	])('%s is a clear error', async (_, name, bytes, error) => {
		const result = await readTableFile(name, bytes, CATALOGUE, REGIONS);
		expect(result).toMatchObject({ ok: false, error, message_zh: expect.any(String) });
	});
});

/** A result is a report whose rows add up, or a failure with a message: nothing else. */
function wellFormed(result: TableImport): boolean {
	if (!result.ok) return result.message_zh !== '' && result.message_en !== '';
	const { report } = result;
	return report.matched + report.rejected.length + report.skipped.length === report.rowsRead;
}

describe('any bytes end in a result or a clear error, never an exception', () => {
	const fixtures = FIXTURES.map((name) => ({ name, bytes: bytesOf(name) }));
	const names = fc.constantFrom('t.csv', 't.txt', 't.xlsx', 't.xls', 't.bin', 't');
	const truncated = fc
		.tuple(fc.constantFrom(...fixtures), fc.double({ min: 0, max: 1, noNaN: true }))
		.map(([f, at]) => ({ name: f.name, bytes: f.bytes.slice(0, Math.floor(f.bytes.length * at)) }));
	const damaged = fc
		.tuple(
			fc.constantFrom(...fixtures),
			fc.array(fc.tuple(fc.nat(), fc.nat(255)), { maxLength: 8 })
		)
		.map(([f, flips]) => {
			const bytes = f.bytes.slice();
			for (const [at, byte] of flips) bytes[at % bytes.length] = byte;
			return { name: f.name, bytes };
		});
	const random = fc
		.tuple(names, fc.uint8Array({ maxLength: 1024 }))
		.map(([name, bytes]) => ({ name, bytes }));
	const zipLike = fc
		.uint8Array({ maxLength: 512 })
		.map((tail) => ({ name: 't.xlsx', bytes: new Uint8Array([0x50, 0x4b, 0x03, 0x04, ...tail]) }));
	// Text made of what sheets contain, so the sheet logic — not only the decoders — is exercised.
	const pieces = [
		'代码',
		'村名',
		'乡镇',
		'年份',
		'2019年',
		'合计',
		'小计',
		'集体经济收入（万元）',
		'党员数'
	];
	const sheetText = fc
		.array(
			fc.oneof(
				fc.constantFrom(...pieces, ',', ',', '\n', '\r\n', '"', '—', '610924101215', '6.10924E+11'),
				fc.string({ maxLength: 4 })
			),
			{ maxLength: 80 }
		)
		.chain((parts) => fc.constantFrom('utf-8', 'bom').map((enc) => ({ parts, enc })))
		.map(({ parts, enc }) => ({
			name: 't.csv',
			bytes: new TextEncoder().encode((enc === 'bom' ? '\ufeff' : '') + parts.join(''))
		}));

	it('holds for 3,000 generated files: truncated, damaged, random, zip-like, sheet-like', async () => {
		await fc.assert(
			fc.asyncProperty(
				fc.oneof(truncated, damaged, random, zipLike, sheetText),
				async ({ name, bytes }) => {
					const result = await readTableFile(name, bytes, CATALOGUE, REGIONS);
					expect(wellFormed(result)).toBe(true);
				}
			),
			{ numRuns: 3000, seed: 20261202 }
		);
	});
});
