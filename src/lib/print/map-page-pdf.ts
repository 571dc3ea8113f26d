/**
 * Printed map pages as one PDF (an atlas is many pages): each page gets its map image, title,
 * legend, scale bar, north arrow and footer where `page-layout.ts` puts them. Every text is real
 * text in the one embedded CJK font, so it prints sharp, can be selected and searched, and
 * copies out as Chinese; the font goes in once per document as a subset of the glyphs used
 * (a 10 MB Noto Sans SC becomes tens of kilobytes) through `font-subset.ts`, which mends the
 * subsetter of @pdf-lib/fontkit.
 *
 * A character the font lacks does not throw (fontkit maps it to the font's .notdef glyph, in
 * Noto an empty box), so a rare character in a village name (𠀀 is outside Noto Sans SC) prints
 * as a box instead of failing the whole atlas; `onMissingCharacters` tells the caller which
 * characters, to warn the user. Such a character is also missing from the copied-out text.
 */
import { PDFDocument, rgb, type PDFFont, type PDFImage, type PDFPage } from 'pdf-lib';
import { layoutPage, type PageContent, type PageLayout, type TextBox } from './page-layout';
import { paperOf, type PaperName } from './paper';
import { createFont, subsetSafeFontkit } from './font-subset';
import { svgPathOf } from './north-arrow';
import { hashSeed } from '$lib/geo/random';
import type { Rgb } from './legend-layout';

export interface MapPage extends PageContent {
	paper: PaperName;
	/** The map as PNG or JPEG bytes, best rendered at `mapImageSize(paper, dpi)`. */
	mapImage: Uint8Array;
	/** Ground metres per pixel of `mapImage` (not per CSS pixel of the screen map). */
	metresPerPixel: number;
	/** The map's bearing (maplibre's `getBearing()`), to turn the north arrow. Default 0. */
	bearing?: number;
	/**
	 * Place names over the map, at pixel positions of `mapImage` (y down): written as real text
	 * (selectable, searchable) on a pale box, never painted into the picture.
	 */
	mapLabels?: readonly { text: string; x: number; y: number }[];
	/** Size of the place names in points at A4 (scaled with the paper). Default 7. */
	mapLabelSize?: number;
}

export interface MapPdfOptions {
	/** The document's title; default the first page's title. */
	title?: string;
	subject?: string;
	author?: string;
	/** Creation and modification date; default now. Fixed, it makes the output reproducible. */
	date?: Date;
	/** Called once, with each character no glyph of the font draws, when there are any. */
	onMissingCharacters?: (chars: string[]) => void;
}

export const PDF_CREATOR = '村情地图 Village Atlas';

const INK = rgb(0.13, 0.13, 0.13);
const MUTED = rgb(0.35, 0.35, 0.35);
const WHITE = rgb(1, 1, 1);

/**
 * A subset font's name begins with six capital letters and "+" (PDF 32000-1, 9.6.4); viewers and
 * `pdffonts` tell subsets by it, and merged PDFs keep apart two subsets whose tags differ. The
 * tag is a hash of the pages' words (FNV-1a), so the same pages give the same file.
 */
export function subsetTag(text: string): string {
	let h = hashSeed(text);
	let tag = '';
	for (let i = 0; i < 6; i++, h = Math.floor(h / 26)) tag += String.fromCharCode(65 + (h % 26));
	return tag;
}

/** The texts a page draws, for the missing-glyph check. */
function textsOf(layout: PageLayout): TextBox[] {
	const { legend } = layout;
	return [
		layout.title,
		...(layout.subtitle ? [layout.subtitle] : []),
		...(legend.title ? [legend.title] : []),
		...legend.rows.flatMap((r) => (r.count ? [r.label, r.count] : [r.label])),
		...(legend.more ? [legend.more] : []),
		...layout.scaleBar.labels,
		layout.northArrow.label,
		...layout.footer
	];
}

const colorOf = ([r, g, b]: Rgb) => rgb(r / 255, g / 255, b / 255);

function drawTexts(page: PDFPage, boxes: readonly TextBox[], font: PDFFont, color = INK) {
	for (const { text, x, y, size } of boxes) {
		if (text) page.drawText(text, { x, y, size, font, color });
	}
}

/** Place names as text centred on their points, each on a pale box so it reads over any fill. */
function mapLabelBoxes(mapPage: MapPage, layout: PageLayout, image: PDFImage, font: PDFFont) {
	const r = layout.mapImage;
	const size = (mapPage.mapLabelSize ?? 7) * paperOf(mapPage.paper).scale;
	return (mapPage.mapLabels ?? []).map(({ text, x, y }) => {
		const width = font.widthOfTextAtSize(text, size);
		const cx = r.x + (x / image.width) * r.width;
		const cy = r.y + r.height - (y / image.height) * r.height;
		return { text, x: cx - width / 2, y: cy - size * 0.35, size, width };
	});
}

function drawMapLabels(page: PDFPage, boxes: ReturnType<typeof mapLabelBoxes>, font: PDFFont) {
	for (const b of boxes) {
		const pad = b.size * 0.2;
		page.drawRectangle({
			x: b.x - pad,
			y: b.y - pad - b.size * 0.15,
			width: b.width + 2 * pad,
			height: b.size * 1.15 + 2 * pad,
			color: WHITE,
			opacity: 0.7
		});
	}
	drawTexts(page, boxes, font);
}

function drawPage(page: PDFPage, layout: PageLayout, image: PDFImage, font: PDFFont) {
	const lw = layout.lineWidth;
	page.drawImage(image, layout.mapImage);
	page.drawRectangle({ ...layout.frames.map, borderColor: INK, borderWidth: lw });
	drawTexts(page, [layout.title], font);
	if (layout.subtitle) drawTexts(page, [layout.subtitle], font, MUTED);

	const { legend } = layout;
	if (legend.title) drawTexts(page, [legend.title], font);
	for (const row of legend.rows) {
		page.drawRectangle({
			...row.swatch,
			color: colorOf(row.color),
			borderColor: MUTED,
			borderWidth: lw / 2
		});
		drawTexts(page, row.count ? [row.label, row.count] : [row.label], font);
	}
	if (legend.more) drawTexts(page, [legend.more], font, MUTED);

	// Scale bar: alternating dark and light segments, outlined as one bar.
	const { x, y, height, bar, labels } = layout.scaleBar;
	bar.segments.slice(1).forEach((end, i) => {
		const start = bar.segments[i] ?? 0;
		const color = i % 2 === 0 ? INK : WHITE;
		page.drawRectangle({ x: x + start, y, width: end - start, height, color });
	});
	page.drawRectangle({ x, y, width: bar.length, height, borderColor: INK, borderWidth: lw / 2 });
	drawTexts(page, labels, font);

	// North arrow: vector paths in page points (see svgPathOf for the x = 0, y = 0).
	const arrow = layout.northArrow;
	for (const [points, color] of [
		[arrow.dark, INK],
		[arrow.light, WHITE]
	] as const) {
		page.drawSvgPath(svgPathOf(points), {
			x: 0,
			y: 0,
			color,
			borderColor: INK,
			borderWidth: lw / 2
		});
	}
	drawTexts(page, [arrow.label], font);
	drawTexts(page, layout.footer, font, MUTED);
}

/** The words of all pages, for the subset tag. */
function wordsOf(pages: readonly MapPage[]): string {
	return JSON.stringify(
		pages.map((p) => [
			p.paper,
			p.title,
			p.subtitle,
			p.legendTitle,
			p.legend,
			p.date,
			p.source,
			p.provenance,
			p.approvalNo,
			p.lang,
			p.metresPerPixel,
			p.mapLabels?.map((l) => l.text)
		])
	);
}

/**
 * One PDF page per `MapPage`, in order. `font` is the bytes of a TrueType (.ttf) font with CJK
 * glyphs — the app's Noto Sans SC; a CFF-flavoured .otf would not subset (see font-subset.ts).
 */
export async function createMapPdf(
	pages: readonly MapPage[],
	font: Uint8Array | ArrayBuffer,
	options: MapPdfOptions = {}
): Promise<Uint8Array> {
	const first = pages[0];
	if (!first) throw new RangeError('createMapPdf: no pages');
	const fontBytes = font instanceof Uint8Array ? font : new Uint8Array(font);

	const doc = await PDFDocument.create();
	// Not @pdf-lib/fontkit itself: its TrueType subsets lose glyphs (see font-subset.ts).
	doc.registerFontkit(subsetSafeFontkit);
	// Parsed a second time here (pdf-lib parses it too) only for its PostScript name, which the
	// subset's name must carry after the tag; fontkit reads tables lazily, so this is cheap.
	const postscriptName = createFont(fontBytes).postscriptName ?? 'Font';
	const customName = `${subsetTag(wordsOf(pages))}+${postscriptName}`;
	const pdfFont = await doc.embedFont(fontBytes, { subset: true, customName });
	const measure = (text: string, size: number) => pdfFont.widthOfTextAtSize(text, size);
	const supported = new Set(pdfFont.getCharacterSet());
	const missing = new Set<string>();

	for (const mapPage of pages) {
		const paper = paperOf(mapPage.paper);
		const page = doc.addPage([paper.width, paper.height]);
		// A JPEG goes in as it is (a DCT stream PDF viewers decode); a PNG is unpacked and
		// deflated again by pdf-lib in JavaScript, seconds for a 300 dpi A3 map.
		const isJpeg = mapPage.mapImage[0] === 0xff && mapPage.mapImage[1] === 0xd8;
		const image = await (isJpeg ? doc.embedJpg(mapPage.mapImage) : doc.embedPng(mapPage.mapImage));
		const layout = layoutPage(
			paper,
			mapPage,
			{
				width: image.width,
				height: image.height,
				metresPerPixel: mapPage.metresPerPixel,
				bearing: mapPage.bearing ?? 0
			},
			measure
		);
		const labels = mapLabelBoxes(mapPage, layout, image, pdfFont);
		for (const { text } of [...textsOf(layout), ...labels]) {
			for (const ch of text) if (!supported.has(ch.codePointAt(0) ?? 0)) missing.add(ch);
		}
		drawPage(page, layout, image, pdfFont);
		drawMapLabels(page, labels, pdfFont);
	}

	const date = options.date ?? new Date();
	doc.setTitle(options.title ?? first.title, { showInWindowTitleBar: true });
	doc.setCreator(PDF_CREATOR);
	doc.setProducer(`${PDF_CREATOR} (pdf-lib)`);
	if (options.subject) doc.setSubject(options.subject);
	if (options.author) doc.setAuthor(options.author);
	doc.setLanguage(first.lang === 'zh' ? 'zh-CN' : 'en');
	doc.setCreationDate(date);
	doc.setModificationDate(date);
	if (missing.size > 0) options.onMissingCharacters?.([...missing].sort());
	// Subsetting happens here: pdf-lib writes the font when it saves, with the glyphs drawn.
	return doc.save();
}
