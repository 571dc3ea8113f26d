import { describe, expect, it } from 'vitest';
import type { Cell } from './cell-value';
import type { CatalogueIndicator } from './header-text';
import { readSheetTable } from './sheet-table';

const CATALOGUE: CatalogueIndicator[] = [
	{
		key: 'collective_income',
		label_zh: '集体经济收入',
		label_en: 'Income',
		unit: '元',
		kind: 'amount'
	},
	{
		key: 'party_members',
		label_zh: '党员数',
		label_en: 'Party members',
		unit: '人',
		kind: 'count'
	},
	{ key: 'poor_level', label_zh: '贫困村类别', label_en: 'Level', unit: '', kind: 'category' }
];
const read = (rows: Cell[][], options = {}) =>
	readSheetTable(rows, { catalogue: CATALOGUE, ...options });

describe('readSheetTable turns layouts into long records', () => {
	it('reads a long layout, a year column per row', () => {
		const table = read([
			['代码', '年份', '集体经济收入', '党员数'],
			['610924101215', 2019, 98000, 40],
			['610924101215', '2020年', '128,000', 42]
		]);
		expect(table.records).toEqual([
			{ rowNumber: 2, year: 2019, key: 'collective_income', value: 98000, text: null },
			{ rowNumber: 2, year: 2019, key: 'party_members', value: 40, text: null },
			{ rowNumber: 3, year: 2020, key: 'collective_income', value: 128000, text: null },
			{ rowNumber: 3, year: 2020, key: 'party_members', value: 42, text: null }
		]);
	});

	it('reads a wide layout, one column per year, the indicator from the title', () => {
		const table = read([
			['村集体经济收入（万元）', null, null],
			['村名', '2019年', '2020年'],
			['王家河村', 9.8, 12.8]
		]);
		expect(table.records).toEqual([
			{ rowNumber: 3, year: 2019, key: 'collective_income', value: 98000, text: null },
			{ rowNumber: 3, year: 2020, key: 'collective_income', value: 128000, text: null }
		]);
	});

	it('takes the year of a single-year sheet from its title, or from the caller', () => {
		const rows: Cell[][] = [['紫阳县2020年统计表'], ['村名', '党员数'], ['王家河村', 42]];
		expect(read(rows).records[0]).toMatchObject({ year: 2020 });
		expect(read(rows.slice(1), { year: 2018 }).records[0]).toMatchObject({ year: 2018 });
	});

	it('keeps a category as text', () => {
		const table = read([
			['村名', '年份', '贫困村类别'],
			['王家河村', 2020, '省级']
		]);
		expect(table.records[0]).toMatchObject({ key: 'poor_level', value: null, text: '省级' });
	});

	it('fills blank township cells from the row above (merged cells)', () => {
		const table = read([
			['乡镇', '村名', '年份', '党员数'],
			['蒿坪镇', '王家河村', 2020, 42],
			[null, '蒿坪村', 2020, 38],
			['城关镇', '新田村', 2020, 35]
		]);
		expect(table.rows.map((r) => r.township)).toEqual(['蒿坪镇', '蒿坪镇', '城关镇']);
	});
});

describe('readSheetTable accounts for every row', () => {
	const table = read([
		['紫阳县2020年村集体经济收入统计表'],
		['序号', '乡镇', '村名', '代码', '集体经济收入', '党员数'],
		[1, '蒿坪镇', '王家河村', 610924101215, 126000, 42],
		[2, null, '蒿坪村', 610924101200, '待定', 38],
		[null, '蒿坪镇小计', null, null, 126000, 80],
		[3, '城关镇', '新田村', 610924100201, '—', 35],
		[null, null, null, null, null, null],
		['合 计', null, null, null, 126000, 115],
		['总计：', null, null, null, 126000, 115],
		['填表人：张三', null, null, null, null, null]
	]);

	it.each([
		['a data row is kept', 3, 'rows'],
		['a row with a cell that is not a number is rejected', 4, 'rejected'],
		['a township 小计 row is skipped', 5, 'skipped'],
		['a row with no value but a join key is kept', 6, 'rows'],
		['an empty row is skipped', 7, 'skipped'],
		['a 合计 row, however spaced, is skipped', 8, 'skipped'],
		['a row starting with 总计 is skipped', 9, 'skipped'],
		['a note below the table is skipped', 10, 'skipped']
	] as const)('%s (row %d)', (_, rowNumber, list) => {
		const lists = { rows: table.rows, rejected: table.rejected, skipped: table.skipped };
		const where = Object.entries(lists).filter(([, l]) => l.some((r) => r.rowNumber === rowNumber));
		expect(where.map(([name]) => name)).toEqual([list]);
	});

	it('says why a row was rejected, naming the column', () => {
		expect(table.rejected[0]).toMatchObject({
			rowNumber: 4,
			reason_zh: expect.stringContaining('E列'),
			reason_en: expect.stringContaining('"待定" is not a number')
		});
	});

	it('says a total row was skipped', () => {
		expect(table.skipped.find((s) => s.rowNumber === 8)?.reason_en).toBe('skipped: total row');
	});

	it('rejects a value without a year, and warns of a year column with no indicator', () => {
		const noYear = read([
			['村名', '党员数'],
			['王家河村', 42]
		]);
		expect(noYear.rejected[0]?.reason_en).toContain('no year');
		const bare = read([
			['村名', '2019年'],
			['王家河村', 42]
		]);
		expect(bare.warnings.map((w) => w.en).join()).toContain('names a year but no indicator');
	});

	it('applies the caller’s overrides', () => {
		const table = read(
			[
				['村名', '年份', '收益'],
				['王家河村', 2020, 5]
			],
			{
				overrides: { 2: { role: 'indicator', key: 'party_members', year: null, scale: 1 } }
			}
		);
		expect(table.records[0]).toMatchObject({ key: 'party_members', value: 5 });
	});
});
