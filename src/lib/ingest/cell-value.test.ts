import { describe, expect, it } from 'vitest';
import {
	isNullCell,
	parseNumberText,
	readCell,
	readYear,
	scaleValue,
	type Cell
} from './cell-value';

describe('readCell for a number indicator', () => {
	it.each([
		['a number', 128000, 1, 128000],
		['text with thousands separators', '128,000', 1, 128000],
		['text with full-width separators and digits', '１２８，０００', 1, 128000],
		['text with spaces', ' 96 000 ', 1, 96000],
		['a negative', '-3', 1, -3],
		['a decimal in 万元 scaled exactly', 1.1, 10000, 11000],
		['decimal text in 万元 scaled exactly', '12.6', 10000, 126000],
		['a percentage in a % column', 7, 0.01, 0.07],
		['a cell with its own %', '0.8%', 1, 0.008],
		['a cell with its own % in a % column, not divided twice', '35%', 0.01, 0.35]
	])('reads %s', (_, cell, scale, value) => {
		expect(readCell(cell, 'amount', scale)).toEqual({ value, text: null });
	});

	it.each(['', '—', '——', '-', '/', '／', 'N/A', null, undefined])(
		'reads %j as no value',
		(cell) => {
			expect(readCell(cell, 'count')).toEqual({ value: null, text: null });
		}
	);

	it.each([
		['text', '待定', '不是数字'],
		['an Excel error', '#DIV/0!', '公式错误'],
		['a date', new Date(0), '不是数字'],
		['a boolean', true, '不是数字']
	])('refuses %s, with a reason', (_, cell, reason) => {
		expect(readCell(cell as Cell, 'count')).toMatchObject({
			error: true,
			reason_zh: expect.stringContaining(reason)
		});
	});
});

describe('readCell for other kinds', () => {
	it.each([
		['是', 1],
		['否', 0],
		['有', 1],
		['无', 0],
		['√', 1],
		['×', 0],
		[1, 1],
		[0, 0],
		[true, 1],
		['YES', 1]
	])('reads the flag %j as %d', (cell, value) => {
		expect(readCell(cell, 'flag')).toEqual({ value, text: null });
	});

	it('refuses a flag that is neither yes nor no', () => {
		expect(readCell('可能', 'flag')).toMatchObject({ error: true });
	});

	it.each([
		['省级', '省级'],
		[' 市级 ', '市级'],
		[3, '3']
	])('keeps the category %j as text %j', (cell, text) => {
		expect(readCell(cell, 'category')).toEqual({ value: null, text });
	});

	it.each([
		[2019, 2019],
		['2019年', 2019]
	])('reads the year %j as %d', (cell, value) => {
		expect(readCell(cell, 'year')).toEqual({ value, text: null });
	});

	it('reads a new indicator as a number when it is one, else as text', () => {
		expect(readCell('1,200', undefined)).toEqual({ value: 1200, text: null });
		expect(readCell('茶叶', undefined)).toEqual({ value: null, text: '茶叶' });
	});
});

describe('helpers', () => {
	it.each([
		['1,234.5', 1234.5, false],
		['+12', 12, false],
		['1.2e3', 1200, false],
		['.5', 0.5, false],
		['50%', 0.5, true]
	])('parseNumberText(%j) is %d', (text, number, percent) => {
		expect(parseNumberText(text)).toEqual({ number, percent });
	});

	it.each(['12元', '1.2.3', 'abc', '', '--1'])('parseNumberText(%j) is null', (text) => {
		expect(parseNumberText(text)).toBeNull();
	});

	it.each([
		[0.07, 100, 7],
		[1.1, 10000, 11000],
		[3, 0.5, 1.5],
		[1e-7, 10, 1e-6]
	])('scaleValue(%d, %d) is %d', (n, scale, result) => {
		expect(scaleValue(n, scale)).toBe(result);
	});

	it.each([
		[2020, 2020],
		['2020年度', 2020],
		[new Date(Date.UTC(2021, 5, 1)), 2021],
		[20.5, null],
		['二〇二〇', null],
		[null, null]
	])('readYear(%j) is %s', (cell, year) => {
		expect(readYear(cell)).toBe(year);
	});

	it('knows the cells that mean no value', () => {
		expect(['—', '', ' ', null].map((c) => isNullCell(c))).toEqual([true, true, true, true]);
		expect(['0', 0, '无'].map((c) => isNullCell(c))).toEqual([false, false, false]);
	});
});
