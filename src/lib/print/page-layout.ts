/**
 * Where everything goes on a printed map page, as plain numbers (PDF points, origin at the
 * bottom left, y up); `map-page-pdf.ts` only paints what this decides. The sheet is cut into
 * fixed frames — the title across the top, the map on the left, a panel on the right (legend at
 * the top; north arrow and scale bar at the bottom), the footer across the bottom — that depend
 * on the paper alone, so the caller can render the map image at the frame's exact pixel size
 * (`mapImageSize`) before it has the font. Text is then fitted into those frames with the font's
 * own measure: titles and labels shrink, then end in "…"; the provenance note wraps to two lines.
 */
import type { Lang } from '$lib/analysis/format';
import { layoutLegend, type LegendEntry, type LegendLayout } from './legend-layout';
import { northArrow, type NorthArrow } from './north-arrow';
import {
	DEFAULT_DPI,
	paperOf,
	pixelsAt,
	type Paper,
	type PaperName,
	type Rect,
	type Size
} from './paper';
import { chooseScaleBar, metresPerPointOf, type ScaleBar } from './scale-bar';
import { fitText, normaliseText, wrapText, type MeasureText, type TextBox } from './text-fit';

export type { LegendEntry, MeasureText, Rect, TextBox };

/** What a page says besides its map. Empty strings are left out. */
export interface PageContent {
	title: string;
	subtitle?: string;
	legendTitle?: string;
	legend: readonly LegendEntry[];
	/** The map's date as the caller writes it ("2026年11月", "2026-11-30"). */
	date: string;
	source: string;
	provenance: string;
	/** 审图号, e.g. "GS(2024)0650号"; printed only when given. */
	approvalNo?: string;
	lang: Lang;
}

/** The map image: its pixel size, its ground resolution, and the map's bearing (degrees). */
export interface MapImageInfo extends Size {
	metresPerPixel: number;
	bearing?: number;
}

export interface PageFrames {
	page: Size;
	header: Rect;
	map: Rect;
	panel: Rect;
	footer: Rect;
}

export interface PageLayout {
	frames: PageFrames;
	/** The image inside the map frame, its aspect kept, centred. */
	mapImage: Rect;
	title: TextBox;
	subtitle?: TextBox;
	legend: LegendLayout;
	scaleBar: { x: number; y: number; height: number; bar: ScaleBar; labels: TextBox[] };
	northArrow: NorthArrow & { label: TextBox };
	footer: TextBox[];
	/** The stroke of frames and outlines. */
	lineWidth: number;
}

export const FOOTER_LABELS: Readonly<
	Record<Lang, { source: string; date: string; approvalNo: string; note: string }>
> = {
	zh: { source: '数据来源', date: '制图日期', approvalNo: '审图号', note: '说明' },
	en: { source: 'Source', date: 'Date', approvalNo: 'Map approval No.', note: 'Note' }
};
const COLON: Readonly<Record<Lang, string>> = { zh: '：', en: ': ' };
const GAP: Readonly<Record<Lang, string>> = { zh: '\u3000\u3000', en: '    ' };
export const NORTH_LETTER: Readonly<Record<Lang, string>> = { zh: '北', en: 'N' };

/** Furniture sizes on A4, in points; `paper.scale` grows them on larger sheets. */
const SIZES = {
	header: 40,
	title: 20,
	subtitle: 11,
	/** The smallest a title, and any other text, shrink to before they are cut with "…". */
	minTitle: 10,
	minText: 5.5,
	panel: 170,
	gap: 6,
	panelGap: 12,
	footerLine: 10.5,
	footerLines: 3,
	footerText: 7.5,
	scaleBarHeight: 5,
	scaleText: 7.5,
	arrow: 32,
	arrowText: 11,
	line: 0.6
};

/** Ascent and middle of the font's glyphs, in ems: where a baseline goes for a top or a centre. */
const ASCENT = 0.88;
const MIDDLE = 0.37;

/** The fixed frames of a sheet: they depend on the paper alone. */
export function layoutFrames(paper: Paper): PageFrames {
	const s = paper.scale;
	const { width, height, margin } = paper;
	const inner = { x: margin, y: margin, width: width - 2 * margin, height: height - 2 * margin };
	const top = inner.y + inner.height;
	const header = {
		x: inner.x,
		y: top - SIZES.header * s,
		width: inner.width,
		height: SIZES.header * s
	};
	const footerHeight = SIZES.footerLine * SIZES.footerLines * s;
	const footer = { x: inner.x, y: inner.y, width: inner.width, height: footerHeight };
	const bodyY = footer.y + footerHeight + SIZES.gap * s;
	const bodyHeight = header.y - SIZES.gap * s - bodyY;
	const panelWidth = SIZES.panel * s;
	const mapWidth = inner.width - panelWidth - SIZES.panelGap * s;
	return {
		page: { width, height },
		header,
		map: { x: inner.x, y: bodyY, width: mapWidth, height: bodyHeight },
		panel: {
			x: inner.x + inner.width - panelWidth,
			y: bodyY,
			width: panelWidth,
			height: bodyHeight
		},
		footer
	};
}

/** The pixel size to render the map image at for `paper`, at `dpi`. */
export function mapImageSize(paper: PaperName | Paper, dpi: number = DEFAULT_DPI): Size {
	const sheet = typeof paper === 'string' ? paperOf(paper) : paper;
	return pixelsAt(layoutFrames(sheet).map, dpi);
}

/** `image` fitted inside `frame`, its aspect kept, centred. */
export function fitImage(image: Size, frame: Rect): Rect {
	const k = Math.min(frame.width / image.width, frame.height / image.height);
	const width = image.width * k;
	const height = image.height * k;
	return {
		x: frame.x + (frame.width - width) / 2,
		y: frame.y + (frame.height - height) / 2,
		width,
		height
	};
}

/** A line centred on `cx` at `baseline`. */
function centred(text: string, size: number, cx: number, baseline: number, m: MeasureText) {
	return { text, size, x: cx - m(text, size) / 2, y: baseline };
}

/** The footer's first line: source, date, approval number; the note wraps below it. */
function layoutFooter(frame: Rect, content: PageContent, s: number, m: MeasureText): TextBox[] {
	const { lang } = content;
	const labels = FOOTER_LABELS[lang];
	const item = (label: string, value: string | undefined) =>
		value && normaliseText(value) ? `${label}${COLON[lang]}${normaliseText(value)}` : '';
	const first = [
		item(labels.source, content.source),
		item(labels.date, content.date),
		item(labels.approvalNo, content.approvalNo)
	]
		.filter(Boolean)
		.join(GAP[lang]);
	const size = SIZES.footerText * s;
	const line = SIZES.footerLine * s;
	const fitted = fitText(first, frame.width, size, SIZES.minText * s, m);
	const note = item(labels.note, content.provenance);
	const noteLines = note ? wrapText(note, frame.width, size, m, SIZES.footerLines - 1) : [];
	const top = frame.y + frame.height - ASCENT * size;
	return [fitted, ...noteLines.map((text) => ({ text, size }))]
		.filter((t) => t.text !== '')
		.map((t, i) => ({ ...t, x: frame.x, y: top - i * line }));
}

/** The scale bar at the foot of the panel, its labels above it. */
function layoutScaleBar(
	panel: Rect,
	image: MapImageInfo,
	drawnWidth: number,
	lang: Lang,
	s: number,
	measure: MeasureText
): PageLayout['scaleBar'] {
	const height = SIZES.scaleBarHeight * s;
	const size = SIZES.scaleText * s;
	// Room on the right for the last number's half and the longer unit, on the left for "0".
	const units = lang === 'zh' ? [' 公里', ' 米'] : [' km', ' m'];
	const unitRoom = Math.max(...units.map((u) => measure(u, size)));
	const x = panel.x + measure('0', size) / 2;
	const maxLength = panel.x + panel.width - x - unitRoom - measure('0000', size) / 2;
	const metresPerPoint = metresPerPointOf(image.metresPerPixel, image.width, drawnWidth);
	const bar = chooseScaleBar({ metresPerPoint, maxLength, lang });
	const labelY = panel.y + height + 3 * s;
	const labels = bar.ticks.map((t) => ({
		text: t.label,
		size,
		x: x + t.offset - measure(t.value, size) / 2,
		y: labelY
	}));
	return { x, y: panel.y, height, bar, labels };
}

/**
 * The north arrow above the scale bar, far enough in from the panel's left edge that its letter
 * stays inside the panel whichever way the arrow turns.
 */
function layoutNorthArrow(
	panel: Rect,
	bottom: number,
	bearing: number,
	lang: Lang,
	s: number,
	measure: MeasureText
): PageLayout['northArrow'] {
	const height = SIZES.arrow * s;
	const letterSize = SIZES.arrowText * s;
	const letterGap = 3 * s + letterSize * 0.5;
	const reach = height / 2 + letterGap + letterSize / 2;
	const arrow = northArrow(panel.x + reach, bottom + reach, height, letterGap, bearing);
	const { x, y } = arrow.letter;
	const label = centred(NORTH_LETTER[lang], letterSize, x, y - MIDDLE * letterSize, measure);
	return { ...arrow, label };
}

/** Everything on one page; `measure` is the embedded font's width of a text at a size. */
export function layoutPage(
	paper: Paper,
	content: PageContent,
	image: MapImageInfo,
	measure: MeasureText
): PageLayout {
	const s = paper.scale;
	const { lang } = content;
	const frames = layoutFrames(paper);
	const { header, panel } = frames;
	const cx = header.x + header.width / 2;
	const minText = SIZES.minText * s;

	const titleSize = SIZES.title * s;
	const title = fitText(
		normaliseText(content.title),
		header.width,
		titleSize,
		SIZES.minTitle * s,
		measure
	);
	const titleY = header.y + header.height - ASCENT * titleSize;
	const sub = content.subtitle ? normaliseText(content.subtitle) : '';
	const subSize = SIZES.subtitle * s;
	const subFit = sub ? fitText(sub, header.width, subSize, minText, measure) : null;
	const subY = titleY - (1 - ASCENT) * titleSize - 4 * s - ASCENT * subSize;

	// The panel from the bottom up: scale bar, north arrow, and the legend in the rest.
	const mapImage = fitImage(image, frames.map);
	const scaleBar = layoutScaleBar(panel, image, mapImage.width, lang, s, measure);
	const scaleTop = scaleBar.labels[0]!.y + scaleBar.labels[0]!.size;
	const arrowBottom = scaleTop + 10 * s;
	const arrow = layoutNorthArrow(panel, arrowBottom, image.bearing ?? 0, lang, s, measure);
	const arrowTop = Math.max(arrow.label.y + arrow.label.size, ...arrow.dark.map((p) => p.y));
	const legendBottom = arrowTop + 12 * s;
	const legendBox = { ...panel, y: legendBottom, height: panel.y + panel.height - legendBottom };

	return {
		frames,
		mapImage,
		title: centred(title.text, title.size, cx, titleY, measure),
		...(subFit ? { subtitle: centred(subFit.text, subFit.size, cx, subY, measure) } : {}),
		legend: layoutLegend(legendBox, content, s, measure),
		scaleBar,
		northArrow: arrow,
		footer: layoutFooter(frames.footer, content, s, measure),
		lineWidth: SIZES.line * s
	};
}
