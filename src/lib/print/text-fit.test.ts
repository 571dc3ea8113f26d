import { describe, expect, it } from 'vitest';
import {
	ELLIPSIS,
	fitText,
	normaliseText,
	truncateText,
	wrapText,
	type MeasureText
} from './text-fit';

/** A stand-in font: CJK characters 1 em wide, everything else half an em. */
const measure: MeasureText = (text, size) =>
	Array.from(text).reduce((w, ch) => w + ((ch.codePointAt(0) ?? 0) >= 0x2e80 ? 1 : 0.5), 0) * size;

describe('normaliseText', () => {
	it('makes one line: newlines and tabs become single spaces, ends trimmed', () => {
		expect(normaliseText('  紫阳县\n2020年\t\t脱贫退出 ')).toBe('紫阳县 2020年 脱贫退出');
	});
});

describe('fitText', () => {
	it('keeps a text that fits at its size', () => {
		expect(fitText('城关镇', 100, 20, 10, measure)).toEqual({ text: '城关镇', size: 20 });
	});
	it('shrinks a text that does not fit, just enough, to 0.1 pt', () => {
		// 10 characters at 20 pt = 200 pt; 150 pt of room → 15 pt.
		expect(fitText('紫阳县脱贫退出专题地图', 150, 20, 10, measure)).toEqual({
			text: '紫阳县脱贫退出专题地图',
			size: 13.6
		});
		expect(fitText('紫阳县脱贫退出专题地', 150, 20, 10, measure)).toEqual({
			text: '紫阳县脱贫退出专题地',
			size: 15
		});
	});
	it('cuts with "…" at the smallest size when shrinking is not enough', () => {
		const fit = fitText('一二三四五六七八九十', 50, 20, 10, measure);
		expect(fit).toEqual({ text: `一二三四${ELLIPSIS}`, size: 10 });
		expect(measure(fit.text, fit.size)).toBeLessThanOrEqual(50);
	});
});

describe('truncateText', () => {
	it('keeps whole code points (a character beyond the BMP is never split)', () => {
		expect(truncateText('𠀀𠀀𠀀𠀀', 30, 10, measure)).toBe(`𠀀𠀀${ELLIPSIS}`);
	});
	it('drops a space left before the "…"', () => {
		expect(truncateText('ab cdefgh', 20, 10, measure)).toBe(`ab${ELLIPSIS}`);
	});
	it('gives only "…" when nothing else fits', () => {
		expect(truncateText('紫阳县', 10, 10, measure)).toBe(ELLIPSIS);
	});
});

describe('wrapText', () => {
	it('breaks Chinese between any two characters', () => {
		expect(wrapText('模拟数据依据公开统计生成', 50, 10, measure, 3)).toEqual([
			'模拟数据依',
			'据公开统计',
			'生成'
		]);
	});
	it('keeps closing punctuation on the line it closes', () => {
		expect(wrapText('模拟数据依，据公开', 50, 10, measure, 3)).toEqual(['模拟数据', '依，据公开']);
	});
	it('breaks English at spaces, and drops the space at the break', () => {
		expect(wrapText('simulated data from open statistics', 60, 10, measure, 4)).toEqual([
			'simulated',
			'data from',
			'open',
			'statistics'
		]);
		expect(wrapText('simulated data from open statistics', 60, 10, measure, 3)).toEqual([
			'simulated',
			'data from',
			`open statis${ELLIPSIS}`
		]);
	});
	it('ends the last allowed line in "…" when the text goes on', () => {
		const lines = wrapText('一二三四五六七八九十一二三四五', 50, 10, measure, 2);
		expect(lines).toEqual(['一二三四五', `六七八九${ELLIPSIS}`]);
	});
	it('gives no lines for an empty text or no lines allowed', () => {
		expect(wrapText('  ', 50, 10, measure, 2)).toEqual([]);
		expect(wrapText('一二', 50, 10, measure, 0)).toEqual([]);
	});
	it('cuts a piece wider than a whole line by itself', () => {
		expect(wrapText('https://example.org/a/very/long/path x', 50, 10, measure, 2)).toEqual([
			`https://e${ELLIPSIS}`,
			'x'
		]);
	});
});
