import { describe, expect, it } from 'vitest';
import {
	fitImage,
	FOOTER_LABELS,
	layoutFrames,
	layoutPage,
	mapImageSize,
	type MeasureText,
	type PageContent,
	type PageLayout,
	type Rect,
	type TextBox
} from './page-layout';
import { PAPERS, pixelsAt } from './paper';

/** A stand-in font: CJK characters 1 em wide, everything else half an em. */
const measure: MeasureText = (text, size) =>
	Array.from(text).reduce((w, ch) => w + ((ch.codePointAt(0) ?? 0) >= 0x2e80 ? 1 : 0.5), 0) * size;

const CONTENT: PageContent = {
	title: '紫阳县 2020年 脱贫退出',
	subtitle: '城关镇 · 蒿坪镇',
	legendTitle: '脱贫状态',
	legend: [
		{ label: '未脱贫', color: [213, 94, 0], count: 12 },
		{ label: '当年脱贫', color: [0, 114, 178, 255], count: 1234 },
		{ label: '无数据', color: [180, 180, 180] }
	],
	date: '2026年11月',
	source: '紫阳县扶贫开发局（模拟）',
	provenance: '模拟数据，依据公开统计生成，仅供演示',
	approvalNo: 'GS(2024)0650号',
	lang: 'zh'
};
const IMAGE = { width: 2513, height: 1896, metresPerPixel: 20 };

const inside = (r: Rect, outer: Rect) =>
	r.x >= outer.x - 1e-6 &&
	r.y >= outer.y - 1e-6 &&
	r.x + r.width <= outer.x + outer.width + 1e-6 &&
	r.y + r.height <= outer.y + outer.height + 1e-6;
const boxOf = (t: TextBox): Rect => ({
	x: t.x,
	y: t.y - 0.12 * t.size,
	width: measure(t.text, t.size),
	height: t.size
});
function textsOf(l: PageLayout): TextBox[] {
	return [
		l.title,
		...(l.subtitle ? [l.subtitle] : []),
		...(l.legend.title ? [l.legend.title] : []),
		...l.legend.rows.flatMap((r) => [r.label, ...(r.count ? [r.count] : [])]),
		...(l.legend.more ? [l.legend.more] : []),
		...l.scaleBar.labels,
		l.northArrow.label,
		...l.footer
	];
}

describe('layoutFrames', () => {
	it.each(['A4', 'A3'] as const)(
		'cuts %s into header, map, panel and footer inside the margins',
		(name) => {
			const paper = PAPERS[name];
			const f = layoutFrames(paper);
			const inner = {
				x: paper.margin,
				y: paper.margin,
				width: paper.width - 2 * paper.margin,
				height: paper.height - 2 * paper.margin
			};
			for (const r of [f.header, f.map, f.panel, f.footer]) expect(inside(r, inner)).toBe(true);
			expect(f.header.y).toBeGreaterThan(f.map.y + f.map.height);
			expect(f.map.y).toBeGreaterThan(f.footer.y + f.footer.height);
			expect(f.panel.x).toBeGreaterThan(f.map.x + f.map.width);
			expect(f.panel.y).toBe(f.map.y);
			expect(f.page).toEqual({ width: paper.width, height: paper.height });
		}
	);
	it('gives the map most of the sheet, and more of A3 than of A4', () => {
		const a4 = layoutFrames(PAPERS.A4).map;
		const a3 = layoutFrames(PAPERS.A3).map;
		expect(a4.width * a4.height).toBeGreaterThan(0.5 * PAPERS.A4.width * PAPERS.A4.height);
		expect(a3.width * a3.height).toBeGreaterThan(2 * a4.width * a4.height);
	});
});

describe('mapImageSize', () => {
	it('is the map frame in pixels at 300 dpi unless asked', () => {
		const frame = layoutFrames(PAPERS.A4).map;
		expect(mapImageSize('A4')).toEqual(pixelsAt(frame, 300));
		expect(mapImageSize(PAPERS.A4, 150)).toEqual(pixelsAt(frame, 150));
		expect(mapImageSize('A4')).toEqual({ width: 2513, height: 1896 });
		expect(mapImageSize('A3')).toEqual({ width: 3717, height: 2778 });
	});
});

describe('fitImage', () => {
	it('keeps the aspect and centres the image in the frame', () => {
		const frame = { x: 10, y: 20, width: 400, height: 200 };
		expect(fitImage({ width: 300, height: 300 }, frame)).toEqual({
			x: 110,
			y: 20,
			width: 200,
			height: 200
		});
		expect(fitImage({ width: 800, height: 100 }, frame)).toEqual({
			x: 10,
			y: 95,
			width: 400,
			height: 50
		});
	});
});

describe('layoutPage', () => {
	const a4 = layoutPage(PAPERS.A4, CONTENT, IMAGE, measure);

	it('centres the title and the subtitle over the page', () => {
		const cx = PAPERS.A4.width / 2;
		expect(a4.title.text).toBe('紫阳县 2020年 脱贫退出');
		expect(a4.title.size).toBe(20);
		expect(a4.title.x + measure(a4.title.text, 20) / 2).toBeCloseTo(cx);
		expect(a4.subtitle?.text).toBe('城关镇 · 蒿坪镇');
		expect(a4.subtitle!.y).toBeLessThan(a4.title.y);
	});
	it('shrinks a long title to the width of the page, then cuts it at 10 pt', () => {
		const width = a4.frames.header.width;
		const long = layoutPage(PAPERS.A4, { ...CONTENT, title: '紫'.repeat(50) }, IMAGE, measure);
		expect(long.title.size).toBeLessThan(20);
		expect(long.title.text).toBe('紫'.repeat(50));
		expect(measure(long.title.text, long.title.size)).toBeLessThanOrEqual(width);
		const huge = layoutPage(PAPERS.A4, { ...CONTENT, title: '紫'.repeat(200) }, IMAGE, measure);
		expect(huge.title.size).toBe(10);
		expect(huge.title.text.endsWith('…')).toBe(true);
	});
	it('sets a title with a newline on one line (pdf-lib would break it over the map)', () => {
		const l = layoutPage(PAPERS.A4, { ...CONTENT, title: '紫阳县\n脱贫退出' }, IMAGE, measure);
		expect(l.title.text).toBe('紫阳县 脱贫退出');
	});
	it('leaves the subtitle out when there is none', () => {
		const { subtitle: _, ...rest } = CONTENT;
		expect(layoutPage(PAPERS.A4, rest, IMAGE, measure).subtitle).toBeUndefined();
	});
	it('fills the map frame with an image of the frame’s own pixel size', () => {
		expect(a4.mapImage.width).toBeCloseTo(a4.frames.map.width, 0);
		expect(a4.mapImage.height).toBeCloseTo(a4.frames.map.height, 0);
	});
	it('writes the footer with zh labels: source, date, approval number, then the note', () => {
		expect(a4.footer.map((t) => t.text)).toEqual([
			'数据来源：紫阳县扶贫开发局（模拟）\u3000\u3000制图日期：2026年11月\u3000\u3000审图号：GS(2024)0650号',
			'说明：模拟数据，依据公开统计生成，仅供演示'
		]);
		expect(a4.footer[1]!.y).toBeLessThan(a4.footer[0]!.y);
	});
	it('writes the footer with en labels, and no approval number when none is given', () => {
		const { approvalNo: _, ...rest } = CONTENT;
		const en = layoutPage(PAPERS.A4, { ...rest, lang: 'en', provenance: '' }, IMAGE, measure);
		expect(en.footer.map((t) => t.text)).toEqual([
			`${FOOTER_LABELS.en.source}: 紫阳县扶贫开发局（模拟）    Date: 2026年11月`
		]);
	});
	it('wraps a long note over two lines at most', () => {
		const long = layoutPage(
			PAPERS.A4,
			{ ...CONTENT, provenance: '模拟'.repeat(300) },
			IMAGE,
			measure
		);
		expect(long.footer).toHaveLength(3);
		expect(long.footer[2]!.text.endsWith('…')).toBe(true);
		for (const t of long.footer) expect(inside(boxOf(t), long.frames.footer)).toBe(true);
	});
	it('chooses the scale bar from the image’s ground resolution as drawn', () => {
		// 2513 px at 20 m/px drawn about 603 pt wide: about 83 m per point, so 10 km is 120 pt.
		const { bar } = a4.scaleBar;
		expect(bar.metres / bar.length).toBeCloseTo((20 * 2513) / a4.mapImage.width, 6);
		expect(a4.scaleBar.labels.map((t) => t.text)).toEqual(['0', '5', '10 公里']);
	});
	it('keeps the north arrow and its letter inside the panel at any bearing', () => {
		for (let bearing = -180; bearing <= 180; bearing += 15) {
			const l = layoutPage(PAPERS.A4, CONTENT, { ...IMAGE, bearing }, measure);
			const { dark, light, label } = l.northArrow;
			for (const p of [...dark, ...light]) {
				expect(inside({ ...p, width: 0, height: 0 }, l.frames.panel)).toBe(true);
			}
			expect(inside(boxOf(label), l.frames.panel)).toBe(true);
		}
	});
	it('labels the north arrow 北 in zh and N in en', () => {
		expect(a4.northArrow.label.text).toBe('北');
		expect(
			layoutPage(PAPERS.A4, { ...CONTENT, lang: 'en' }, IMAGE, measure).northArrow.label.text
		).toBe('N');
	});
	it.each(['A4', 'A3'] as const)('keeps every text of %s inside its frame', (name) => {
		const l = layoutPage(PAPERS[name], CONTENT, IMAGE, measure);
		const { header, panel, footer } = l.frames;
		for (const t of textsOf(l)) {
			const box = boxOf(t);
			expect(
				[header, panel, footer].some((f) => inside(box, f)),
				t.text
			).toBe(true);
		}
		const bar = l.scaleBar;
		expect(inside({ x: bar.x, y: bar.y, width: bar.bar.length, height: bar.height }, panel)).toBe(
			true
		);
	});
	it('keeps the legend above the north arrow, and the arrow above the scale bar', () => {
		const lowestRow = Math.min(...a4.legend.rows.map((r) => r.swatch.y));
		const arrowTop = a4.northArrow.label.y + a4.northArrow.label.size;
		const arrowBottom = Math.min(...a4.northArrow.dark.map((p) => p.y));
		expect(lowestRow).toBeGreaterThan(arrowTop);
		expect(arrowBottom).toBeGreaterThan(a4.scaleBar.labels[0]!.y + a4.scaleBar.labels[0]!.size);
	});
});
