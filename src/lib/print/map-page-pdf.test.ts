// A real two-page atlas with the Noto Sans SC the app ships, read back with poppler-utils
// (pdftotext, pdfinfo, pdffonts): the text must come out as Chinese, the sheets must be A3 and
// A4, and the font must be an embedded subset. The tools are required — a missing one fails.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fontkit from '@pdf-lib/fontkit';
import { decodePDFRawStream, PDFDict, PDFDocument, PDFName, PDFRawStream } from 'pdf-lib';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMapPdf, PDF_CREATOR, subsetTag, type MapPage } from './map-page-pdf';

const FONT_PATH =
	'node_modules/@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf';

/** A 300 × 200 PNG in two solid colours, like a tiny choropleth. */
function makePng(): Uint8Array {
	const png = new PNG({ width: 300, height: 200 });
	for (let i = 0; i < 300 * 200; i++) {
		const left = i % 300 < 150;
		png.data.set(left ? [213, 94, 0, 255] : [0, 114, 178, 255], i * 4);
	}
	return new Uint8Array(PNG.sync.write(png));
}

/** Runs a poppler tool; a missing tool is a failure that says how to get it. */
function poppler(tool: string, args: string[]): string {
	try {
		return execFileSync(tool, args, { encoding: 'utf8' });
	} catch (e) {
		if ((e as NodeJS.ErrnoException).code === 'ENOENT') {
			throw new Error(
				`${tool} is missing: install Debian's poppler-utils (apt-get install poppler-utils)`,
				{ cause: e }
			);
		}
		throw e;
	}
}

/**
 * The embedded subset font and its ToUnicode map: for each character drawn, the outline the PDF
 * holds for it and the outline the font has. (pdftotext reads the ToUnicode map only, so it
 * finds the text even when the glyphs are blank.)
 */
async function embeddedOutlines(pdfBytes: Uint8Array, fontBytes: Uint8Array) {
	const doc = await PDFDocument.load(pdfBytes, { updateMetadata: false });
	const streams: PDFRawStream[] = [];
	let cmap: PDFRawStream | undefined;
	for (const [, obj] of doc.context.enumerateIndirectObjects()) {
		if (!(obj instanceof PDFDict)) continue;
		const fontFile = doc.context.lookup(obj.get(PDFName.of('FontFile2')));
		if (fontFile instanceof PDFRawStream) streams.push(fontFile);
		const toUnicode = doc.context.lookup(obj.get(PDFName.of('ToUnicode')));
		if (toUnicode instanceof PDFRawStream) cmap = toUnicode;
	}
	const [stream] = streams;
	if (!stream || !cmap || streams.length !== 1) throw new Error('expected one embedded font');
	const subset = fontkit.create(decodePDFRawStream(stream).decode());
	const original = fontkit.create(fontBytes);
	const text = new TextDecoder().decode(decodePDFRawStream(cmap).decode());
	return [...text.matchAll(/<([0-9A-F]{4})> <([0-9A-F]+)>/g)].map(([, gid, utf16]) => {
		const units = (utf16 ?? '').match(/.{4}/g)!.map((h) => parseInt(h, 16));
		const char = String.fromCharCode(...units);
		// The font's GSUB draws digits after Latin letters with other glyphs ("GS(2024)"): a
		// character may rightly have either outline.
		const alone = original.layout(char).glyphs[0]!;
		const afterLatin = original.layout(`GS${char}`).glyphs[2] ?? alone;
		return {
			char,
			embedded: subset.getGlyph(parseInt(gid ?? '0', 16)).path.toSVG(),
			font: [alone.path.toSVG(), afterLatin.path.toSVG()]
		};
	});
}

const LEGEND = [
	{ label: '未脱贫', color: [213, 94, 0] as const, count: 12 },
	{ label: '当年脱贫', color: [0, 114, 178, 255] as const, count: 1234 },
	{ label: '城关镇', color: [0, 158, 115] as const, count: 3 },
	{ label: '无数据', color: [180, 180, 180] as const }
];

function pages(png: Uint8Array): MapPage[] {
	const common = {
		mapImage: png,
		metresPerPixel: 150,
		legendTitle: '脱贫状态',
		legend: LEGEND,
		date: '2026年11月',
		source: '紫阳县扶贫开发局（模拟）',
		provenance: '模拟数据，依据公开统计生成，仅供演示'
	};
	return [
		{
			...common,
			paper: 'A3',
			title: '紫阳县 2020年 脱贫退出',
			subtitle: '城关镇 · 蒿坪镇',
			approvalNo: 'GS(2024)0650号',
			lang: 'zh',
			mapLabels: [
				{ text: '洞河镇', x: 100, y: 60 },
				{ text: '双安镇', x: 220, y: 150 }
			]
		},
		{
			...common,
			paper: 'A4',
			title: 'Ziyang 2020: exit from poverty',
			subtitle: '蒿坪镇',
			lang: 'en',
			bearing: 30
		}
	];
}

describe('createMapPdf', () => {
	let dir = '';
	let file = '';
	let pdf: Uint8Array = new Uint8Array();
	let font: Uint8Array = new Uint8Array();
	let png: Uint8Array = new Uint8Array();
	let missing: string[] | undefined;
	let ms = 0;

	beforeAll(async () => {
		font = new Uint8Array(readFileSync(FONT_PATH));
		png = makePng();
		const t0 = performance.now();
		pdf = await createMapPdf(pages(png), font, {
			date: new Date('2026-11-30T08:00:00Z'),
			onMissingCharacters: (chars) => (missing = chars)
		});
		ms = performance.now() - t0;
		// Measured for the report: embedding and subsetting the 10.5 MB font, two pages.
		console.info(
			`createMapPdf: 2 pages, ${(pdf.length / 1024).toFixed(0)} KB in ${ms.toFixed(0)} ms`
		);
		dir = mkdtempSync(join(tmpdir(), 'map-page-pdf-'));
		file = join(dir, 'atlas.pdf');
		writeFileSync(file, pdf);
	});
	afterAll(() => {
		if (dir) rmSync(dir, { recursive: true, force: true });
	});

	it('writes the Chinese title, legend labels and township names as real text', () => {
		const text = poppler('pdftotext', ['-enc', 'UTF-8', file, '-']);
		for (const s of [
			'紫阳县 2020年 脱贫退出',
			'未脱贫',
			'当年脱贫',
			'城关镇',
			'蒿坪镇',
			'脱贫状态'
		]) {
			expect(text).toContain(s);
		}
		expect(text).toContain('数据来源：紫阳县扶贫开发局（模拟）');
		// Place names over the map are text too.
		expect(text).toContain('洞河镇');
		expect(text).toContain('双安镇');
		expect(text).toContain('审图号：GS(2024)0650号');
		expect(text).toContain('1,234');
		expect(text).toContain('Ziyang 2020: exit from poverty');
		expect(text).toMatch(/\d+ 公里/);
		expect(text).toMatch(/\d+ km/);
	});

	it('has two pages, A3 then A4 landscape, and the document metadata', () => {
		const info = poppler('pdfinfo', ['-f', '1', '-l', '2', file]);
		expect(info).toMatch(/^Pages:\s+2$/m);
		expect(info).toMatch(/^Page\s+1 size:\s+1190\.55 x 841\.89 pts/m);
		expect(info).toMatch(/^Page\s+2 size:\s+841\.89 x 595\.28 pts/m);
		expect(info).toMatch(/^Title:\s+紫阳县 2020年 脱贫退出$/m);
		expect(info).toMatch(new RegExp(`^Creator:\\s+${PDF_CREATOR}$`, 'm'));
	});

	it('embeds the font once, as a subset', () => {
		const lines = poppler('pdffonts', [file]).trim().split('\n').slice(2);
		expect(lines).toHaveLength(1);
		const [name, , , , emb, sub, uni] = lines[0]!.trim().split(/\s+/);
		expect(name).toMatch(/^[A-Z]{6}\+NotoSansSC-Regular$/);
		expect([emb, sub, uni]).toEqual(['yes', 'yes', 'yes']);
	});

	it('embeds each drawn glyph with the font’s own outline (not blank, not garbled)', async () => {
		const outlines = await embeddedOutlines(pdf, font);
		const chars = outlines.map((o) => o.char).join('');
		for (const c of '紫阳县脱贫退出城关镇蒿坪北N') expect(chars).toContain(c);
		const wrong = outlines.filter((o) => !o.font.includes(o.embedded)).map((o) => o.char);
		expect(wrong).toEqual([]);
		expect(outlines.find((o) => o.char === '紫')!.embedded.length).toBeGreaterThan(100);
	});

	it('is far smaller than the 10.5 MB font: the subset really happened', () => {
		expect(font.length).toBeGreaterThan(10_000_000);
		expect(pdf.length).toBeLessThan(1.5 * 1024 * 1024);
	});

	it('reports no missing characters when the font has them all', () => {
		expect(missing).toBeUndefined();
	});

	it('gives the same bytes for the same pages and date', async () => {
		const again = await createMapPdf(pages(png), font, { date: new Date('2026-11-30T08:00:00Z') });
		expect(Buffer.from(again).equals(Buffer.from(pdf))).toBe(true);
	});

	it('draws a character the font lacks as .notdef instead of throwing, and reports it', async () => {
		let reported: string[] = [];
		const [page] = pages(png);
		const rare = { ...page!, title: '𠀀村 한 ☃ 紫阳县' };
		const bytes = await createMapPdf([rare], font, { onMissingCharacters: (c) => (reported = c) });
		expect(bytes.length).toBeGreaterThan(0);
		expect(reported).toEqual(['한', '𠀀']);
	});

	it('refuses an empty atlas and an image that is not a PNG', async () => {
		await expect(createMapPdf([], font)).rejects.toThrow(/no pages/);
		const [page] = pages(png);
		await expect(
			createMapPdf([{ ...page!, mapImage: new Uint8Array([1, 2, 3]) }], font)
		).rejects.toThrow();
	});
});

describe('subsetTag', () => {
	it('is six capital letters, the same for the same words and different for others', () => {
		expect(subsetTag('紫阳县')).toMatch(/^[A-Z]{6}$/);
		expect(subsetTag('紫阳县')).toBe(subsetTag('紫阳县'));
		expect(subsetTag('紫阳县')).not.toBe(subsetTag('安康市'));
	});
});
