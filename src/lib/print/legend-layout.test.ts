import { describe, expect, it } from 'vitest';
import { layoutLegend, type LegendEntry } from './legend-layout';
import type { MeasureText } from './text-fit';

const measure: MeasureText = (text, size) =>
	Array.from(text).reduce((w, ch) => w + ((ch.codePointAt(0) ?? 0) >= 0x2e80 ? 1 : 0.5), 0) * size;
const BOX = { x: 600, y: 200, width: 170, height: 250 };
const ENTRIES: LegendEntry[] = [
	{ label: '未脱贫', color: [213, 94, 0], count: 12 },
	{ label: '当年脱贫', color: [0, 114, 178, 255], count: 1234 },
	{ label: '无数据', color: [180, 180, 180] }
];
const layout = (legend: readonly LegendEntry[], legendTitle?: string, box = BOX) =>
	layoutLegend(box, { legend, legendTitle, lang: 'zh' }, 1, measure);

describe('layoutLegend', () => {
	it('puts the title at the top, then one row per class, top down', () => {
		const l = layout(ENTRIES, '脱贫状态');
		expect(l.title?.text).toBe('脱贫状态');
		expect(l.rows.map((r) => r.label.text)).toEqual(['未脱贫', '当年脱贫', '无数据']);
		const ys = l.rows.map((r) => r.swatch.y);
		expect(ys[0]).toBeLessThan(l.title!.y);
		expect(ys).toEqual([...ys].sort((a, b) => b - a));
	});
	it('writes counts with separators, right-aligned to the box, none where there is no count', () => {
		const l = layout(ENTRIES);
		expect(l.rows.map((r) => r.count?.text)).toEqual(['12', '1,234', undefined]);
		for (const r of l.rows.filter((r) => r.count)) {
			expect(r.count!.x + measure(r.count!.text, r.count!.size)).toBeCloseTo(BOX.x + BOX.width);
		}
	});
	it('keeps the colours of the entries', () => {
		expect(layout(ENTRIES).rows.map((r) => r.color)).toEqual(ENTRIES.map((e) => e.color));
	});
	it('shrinks every label alike for one long label, and cuts it when even 5.5 pt is too big', () => {
		const long = [...ENTRIES, { label: '长'.repeat(16), color: [0, 0, 0] as const }];
		const sizes = new Set(layout(long).rows.map((r) => r.label.size));
		expect(sizes.size).toBe(1);
		expect([...sizes][0]).toBeLessThan(8.5);
		const huge = layout([{ label: '长'.repeat(100), color: [0, 0, 0] }]);
		expect(huge.rows[0]!.label.size).toBe(5.5);
		expect(huge.rows[0]!.label.text.endsWith('…')).toBe(true);
	});
	it('tightens the rows for many classes, and says how many are left out when they still do not fit', () => {
		const many = Array.from({ length: 40 }, (_, i) => ({
			label: `类${i}`,
			color: [i, i, i] as const
		}));
		const l = layout(many, '类别');
		expect(l.rows.length).toBeLessThan(40);
		expect(l.more?.text).toBe(`…另有 ${40 - l.rows.length} 类`);
		for (const r of l.rows) expect(r.swatch.y).toBeGreaterThanOrEqual(BOX.y);
		expect(l.more!.y).toBeGreaterThanOrEqual(BOX.y);
		const en = layoutLegend(BOX, { legend: many, lang: 'en' }, 1, measure);
		expect(en.more?.text).toMatch(/^… and \d+ more$/);
	});
	it('has no rows for an empty legend', () => {
		expect(layout([]).rows).toEqual([]);
	});
});
