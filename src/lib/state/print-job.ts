/**
 * Making the files of a print: each page's map drawn on an OffscreenCanvas at the paper's size
 * (300 dpi for PDF), then the PDF (print/map-page-pdf.ts, with the app's own Noto Sans SC, fetched
 * from the app's origin the first time and kept for the tab) or a PNG of the whole page.
 * Browser only. Pages are made one at a time, so an atlas of many townships never holds more
 * than one big canvas.
 */
import fontUrl from '@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf?url';
import { fitMercator } from '$lib/print/map-projection';
import { drawLabels, drawMapRaster, placeLabels } from '$lib/print/map-raster';
import { createMapPdf, type MapPage } from '$lib/print/map-page-pdf';
import { layoutPage, mapImageSize, type PageContent } from '$lib/print/page-layout';
import { paperOf, type PaperName } from '$lib/print/paper';
import { canvasMeasure, paintPage } from '$lib/print/page-png';
import type { PrintScene } from './print-scene';

export interface PageSpec {
	scene: PrintScene;
	content: PageContent;
	paper: PaperName;
}

let font: Promise<Uint8Array> | null = null;

/** The CJK font for PDFs (10 MB, so only when a PDF is first made). */
function printFont(): Promise<Uint8Array> {
	font ??= fetch(fontUrl).then(async (r) => {
		if (!r.ok) throw new Error(`font ${r.status}`);
		return new Uint8Array(await r.arrayBuffer());
	});
	font.catch(() => (font = null)); // a failed fetch is tried again next time
	return font;
}

function canvas2d(width: number, height: number) {
	const canvas = new OffscreenCanvas(Math.round(width), Math.round(height));
	const ctx = canvas.getContext('2d');
	if (!ctx) throw new Error('Canvas 2D is not available');
	return { canvas, ctx };
}

/** The map of a page drawn at `width` × `height` pixels; labels placed, not painted. */
function drawMap(scene: PrintScene, width: number, height: number) {
	const { canvas, ctx } = canvas2d(width, height);
	const proj = fitMercator(scene.bbox, canvas.width, canvas.height, Math.min(width, height) * 0.03);
	drawMapRaster(ctx, scene.raster, proj);
	return { canvas, ctx, proj, labels: placeLabels(scene.labels, proj) };
}

/** One PDF page per spec, A4/A3 landscape at 300 dpi. */
export async function pdfOfPages(
	specs: readonly PageSpec[],
	onPage: (done: number, total: number) => void = () => {}
): Promise<Uint8Array> {
	const fontBytes = printFont();
	const pages: MapPage[] = [];
	for (const [i, spec] of specs.entries()) {
		const size = mapImageSize(spec.paper);
		const { canvas, proj, labels } = drawMap(spec.scene, size.width, size.height);
		// JPEG: embedded as it is (see map-page-pdf.ts); at 300 dpi its edges do not show.
		const blob = await canvas.convertToBlob({ type: 'image/jpeg', quality: 0.92 });
		pages.push({
			...spec.content,
			paper: spec.paper,
			mapImage: new Uint8Array(await blob.arrayBuffer()),
			metresPerPixel: proj.metresPerPixel,
			mapLabels: labels
		});
		onPage(i + 1, specs.length);
		await new Promise((r) => setTimeout(r)); // let the progress line paint
	}
	return createMapPdf(pages, await fontBytes, { title: specs[0]?.content.title });
}

/** The page as a PNG at `dpi` (default 150: A4 is 1754 × 1240 pixels). */
export async function pngOfPage(spec: PageSpec, dpi = 150): Promise<Blob> {
	const paper = paperOf(spec.paper);
	const scale = dpi / 72;
	const page = canvas2d(paper.width * scale, paper.height * scale);
	const size = mapImageSize(spec.paper, dpi);
	const map = drawMap(spec.scene, size.width, size.height);
	drawLabels(map.ctx, map.labels, Math.round(9 * paper.scale * scale));
	const layout = layoutPage(
		paper,
		spec.content,
		{ width: size.width, height: size.height, metresPerPixel: map.proj.metresPerPixel },
		canvasMeasure(page.ctx)
	);
	paintPage(page.ctx, layout, map.canvas, scale);
	return page.canvas.convertToBlob({ type: 'image/png' });
}
