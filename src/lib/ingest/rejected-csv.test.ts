import { describe, expect, it } from 'vitest';
import { neutraliseFormula } from '../analysis/table-export';
import { rejectedCsvBytes, rejectedCsvText } from './rejected-csv';

describe('formula neutralising in the rejected rows', () => {
	it.each([
		['=HYPERLINK("http://x")', '"\'=HYPERLINK(""http://x"")"'],
		['+1+1', "'+1+1"],
		['-2', "'-2"],
		['@SUM(A1)', "'@SUM(A1)"],
		['\tx', "'\tx"],
		['王家河村', '王家河村'],
		['610924101215', '610924101215'],
		['', '']
	])('a cell %j is written as %j, by the rule every export shares', (cell, written) => {
		const line = rejectedCsvText([{ rowNumber: 2, reason_zh: '', reason_en: '', cells: [cell] }])
			.slice(1)
			.split('\r\n')[1];
		expect(line).toBe(`2,,,${written}`);
		expect(written.replace(/^"|"$/g, '').replaceAll('""', '"')).toBe(neutraliseFormula(cell));
	});
});

describe('rejectedCsvText', () => {
	const rows = [
		{
			rowNumber: 4,
			reason_zh: '“待定”不是数字',
			reason_en: '"待定" is not a number',
			cells: ['蒿坪村', '待定']
		},
		{ rowNumber: 9, reason_zh: '代码无效', reason_en: 'bad code', cells: ['=cmd|x', '1,5', 'a\nb'] }
	];
	const text = rejectedCsvText(rows, ['村名', '收入']);

	it('starts with a UTF-8 BOM so Excel on Chinese Windows reads it', () => {
		expect(text.startsWith('\ufeff')).toBe(true);
		expect([...rejectedCsvBytes(rows).slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
	});

	it('has a header naming the row, the reasons and the sheet’s columns', () => {
		expect(text.slice(1).split('\r\n')[0]).toBe('行号 row,原因,reason,村名,收入,列3');
	});

	it('writes one line per row, quoting what needs quotes and neutralising formulas', () => {
		const lines = text.slice(1).split('\r\n');
		expect(lines[1]).toBe('4,“待定”不是数字,"""待定"" is not a number",蒿坪村,待定');
		expect(lines[2]).toBe('9,代码无效,bad code,\'=cmd|x,"1,5","a\nb"');
	});

	it('ends with a line break and has nothing else', () => {
		expect(text.endsWith('\r\n')).toBe(true);
		expect(rejectedCsvText([])).toBe('\ufeff行号 row,原因,reason\r\n');
	});
});
