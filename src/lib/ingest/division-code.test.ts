import { describe, expect, it } from 'vitest';
import { divisionCodeOf, normaliseDivisionCode, shortDivisionCode } from './division-code';

describe('normaliseDivisionCode accepts', () => {
	it.each([
		['a number as Excel stores it', 610924101215, '610924101215', 'village'],
		['a string of 12 digits', '610924101215', '610924101215', 'village'],
		['a string with spaces around and inside', ' 6109 2410 1215 ', '610924101215', 'village'],
		['a string with a full-width space', '610924\u3000101215', '610924101215', 'village'],
		['a string in quotes', '"610924101215"', '610924101215', 'village'],
		["Excel's text apostrophe", "'610924101215", '610924101215', 'village'],
		['full-width digits', '６１０９２４１０１２１５', '610924101215', 'village'],
		['a float export', '610924101215.0', '610924101215', 'village'],
		['thousands separators of a formatted number', '610,924,101,215', '610924101215', 'village'],
		['scientific notation that names every digit', '6.10924101215E+11', '610924101215', 'village'],
		['scientific notation in lower case', '6.10924101215e11', '610924101215', 'village'],
		['a county code, padded to 12', '610924', '610924000000', 'county'],
		['a township code, padded to 12', '610924100', '610924100000', 'township'],
		['a township written in 12 digits', '610924100000', '610924100000', 'township'],
		['a community (last three digits 0xx)', 610924100001, '610924100001', 'village'],
		['a bigint', 610924101215n, '610924101215', 'village']
	])('%s', (_, cell, code, level) => {
		expect(normaliseDivisionCode(cell)).toEqual({ code, level });
	});
});

describe('normaliseDivisionCode refuses', () => {
	it.each([
		['null as empty', null, 'empty'],
		['blank text as empty', '  \u3000 ', 'empty'],
		['scientific notation that lost digits', '6.10924E+11', 'lost-digits'],
		['scientific notation with ten of twelve digits', '6.109241012E+11', 'lost-digits'],
		['11 digits', '61092410121', 'length'],
		['an 18-character credit code', '91610924MA70XXXX0X', 'not-a-code'],
		['an 18-digit number', '916109240000000000', 'length'],
		['a number with a fraction', 610924101215.5, 'not-a-code'],
		['a text fraction', '610924101215.5', 'not-a-code'],
		['a province prefix that does not exist', '990924101215', 'not-a-code'],
		['a name', '王家河村', 'not-a-code'],
		['NaN', Number.NaN, 'not-a-code'],
		['a date', new Date(0), 'not-a-code'],
		['a boolean', true, 'not-a-code']
	])('%s', (_, cell, error) => {
		const result = normaliseDivisionCode(cell);
		expect(result).toMatchObject({ error });
		if ('error' in result) {
			expect(result.reason_zh).toMatch(/[\u4e00-\u9fff]/);
			expect(result.reason_en).not.toBe('');
		}
	});

	it('says in both languages that scientific notation lost digits', () => {
		expect(normaliseDivisionCode('6.10924E+11')).toMatchObject({
			reason_zh: expect.stringContaining('科学计数法'),
			reason_en: expect.stringContaining('scientific notation')
		});
	});
});

describe('divisionCodeOf and shortDivisionCode', () => {
	it.each([
		[610924101215, '610924101215', '610924101215'],
		['610924100', '610924100000', '610924100'],
		['610924', '610924000000', '610924']
	])('%s is %s, stored as %s', (cell, code, short) => {
		expect(divisionCodeOf(cell)).toBe(code);
		expect(shortDivisionCode(code)).toBe(short);
	});

	it('gives null for a cell that is not a code', () => {
		expect(divisionCodeOf('合计')).toBeNull();
	});
});
