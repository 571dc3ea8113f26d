import { describe, expect, it } from 'vitest';
import type { CatalogueIndicator } from './header-text';
import type { RegionUnit } from './name-match';
import type { LongRecord, SheetRow } from './sheet-table';
import { joinRecords } from './table-join';

const REGIONS: RegionUnit[] = [
	{ code: '610924101', name: '蒿坪镇', level: 'township', parent_code: '610924' },
	{ code: '610924101215', name: '王家河村', level: 'village', parent_code: '610924101' },
	{ code: '610924101200', name: '蒿坪村', level: 'village', parent_code: '610924101' },
	{ code: '610924101001', name: '街道社区', level: 'community', parent_code: '610924101' },
	{ code: '610924103001', name: '街道社区', level: 'community', parent_code: '610924103' }
];
const CATALOGUE: CatalogueIndicator[] = [
	{ key: 'party_members', label_zh: '党员数', label_en: 'Members', unit: '人', kind: 'count' },
	{ key: 'incidence', label_zh: '贫困发生率', label_en: 'Incidence', unit: '', kind: 'ratio' },
	{ key: 'share_pct', label_zh: '占比', label_en: 'Share', unit: '%', kind: 'ratio' },
	{ key: 'income', label_zh: '收入', label_en: 'Income', unit: '元', kind: 'amount' }
];
const row = (
	rowNumber: number,
	code: SheetRow['code'],
	village: string | null = null
): SheetRow => ({
	rowNumber,
	code,
	village,
	township: null
});
const record = (rowNumber: number, key: string, value: number, year = 2020): LongRecord => ({
	rowNumber,
	year,
	key,
	value,
	text: null
});

describe('joinRecords resolves rows', () => {
	const result = joinRecords(
		[
			row(2, 610924101215),
			row(3, '610924101'),
			row(4, null, '蒿坪村'),
			row(5, '610924999201'),
			row(6, '6.10924E+11'),
			row(7, null, '街道社区'),
			row(8, null, null),
			row(9, '610924101215', '蒿坪村')
		],
		[2, 3, 4, 5, 6, 7, 8].map((n) => record(n, 'income', n)),
		REGIONS,
		CATALOGUE
	);

	it.each([
		['by a numeric code', 2, '610924101215'],
		['a township by its padded code, to the code the table stores', 3, '610924101'],
		['by name when the code is blank', 4, '610924101200']
	])('%s (row %d)', (_, rowNumber, code) => {
		expect(result.records.find((r) => r.value === rowNumber)?.code).toBe(code);
	});

	it.each([
		['an unknown code is unmatched', 5, 'unmatched'],
		['a code that lost digits is a code problem', 6, 'code'],
		['a repeated name without a township is ambiguous', 7, 'ambiguous'],
		['a row with neither code nor name has no key', 8, 'no-key']
	])('%s (row %d)', (_, rowNumber, cause) => {
		expect(result.issues.find((i) => i.rowNumber === rowNumber)).toMatchObject({ cause });
	});

	it('counts matched rows and keeps no record of an unresolved one', () => {
		expect(result.matched).toBe(4);
		expect(result.records.map((r) => r.value)).toEqual([2, 3, 4]);
	});

	it('reports a code whose registered name is not the sheet’s', () => {
		expect(result.nameConflicts).toEqual([
			{ rowNumber: 9, code: '610924101215', sheetName: '蒿坪村', regionName: '王家河村' }
		]);
	});
});

describe('joinRecords checks values', () => {
	it('keeps the first of a code, year and indicator given twice, and lists every row', () => {
		const rows = [row(2, '610924101215'), row(3, '610924101215'), row(4, '610924101215')];
		const result = joinRecords(
			rows,
			[
				record(2, 'income', 1),
				record(3, 'income', 2),
				record(4, 'income', 3),
				record(4, 'income', 4, 2021)
			],
			REGIONS,
			CATALOGUE
		);
		expect(result.duplicates).toEqual([
			{ code: '610924101215', year: 2020, key: 'income', rows: [2, 3, 4] }
		]);
		expect(result.records.map((r) => r.value)).toEqual([1, 4]);
	});

	it.each([
		['a negative count', 'party_members', -3, true],
		['a count with a fraction', 'party_members', 2.5, true],
		['a share above 1', 'incidence', 1.2, true],
		['a percentage above 100', 'share_pct', 120, true],
		['a negative income (a deficit is possible)', 'income', -500, false],
		['a share of 1', 'incidence', 1, false],
		['an indicator the catalogue does not know', 'new:x', -1, false]
	])('reports %s: %s', (_, key, value, reported) => {
		const result = joinRecords(
			[row(2, '610924101215')],
			[record(2, key, value)],
			REGIONS,
			CATALOGUE
		);
		expect(result.outOfRange.length > 0).toBe(reported);
		expect(result.records).toHaveLength(1);
	});
});
