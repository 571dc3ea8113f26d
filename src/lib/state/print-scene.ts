/**
 * What a printed page shows, from what the map screen has: the units of the view's level in
 * the colours the map gives them, the township and county lines, township names, the legend
 * with its counts — for the whole region, or (the atlas) for one township, its villages in
 * colour and the rest of the county pale around it, its legend counted over its own villages.
 */
import { bboxOfPolygons, unionBBox, type BBox } from '$lib/geo/bbox';
import type { Polygons } from '$lib/geo/types';
import type { Lang } from '$lib/analysis/format';
import type { LegendEntry } from '$lib/print/page-layout';
import type { RasterScene } from '$lib/print/map-raster';
import type { LoadedDataset } from './session.svelte';
import type { ChoroplethResult } from './choropleth-client';
import type { Shapes } from '$lib/data/queries/shapes';

export interface PrintScene {
	raster: RasterScene;
	bbox: BBox;
	labels: { text: string; lon: number; lat: number }[];
	legend: LegendEntry[];
}

/** Pale grey for units outside the page's township. */
const CONTEXT: readonly number[] = [232, 232, 228, 255];

function bboxOf(polygons: readonly Polygons[]): BBox {
	return polygons.map((p) => bboxOfPolygons(p)).reduce(unionBBox);
}

/** One RGBA per unit of `shapes`, from the answer's colours (matched by code). */
function unitColors(shapes: Shapes, result: ChoroplethResult, keep?: (code: string) => boolean) {
	const rowOf = new Map(result.values.codes.map((c, i) => [c, i]));
	const out = new Uint8Array(shapes.codes.length * 4);
	shapes.codes.forEach((code, i) => {
		const row = rowOf.get(code);
		const inPage = keep ? keep(code) : true;
		const rgba =
			inPage && row !== undefined ? result.colors.subarray(row * 4, row * 4 + 4) : CONTEXT;
		out.set(rgba, i * 4);
		if (inPage && row !== undefined) out[i * 4 + 3] = 255; // faded on screen, solid on paper
	});
	return out;
}

/** Legend rows (label, colour, count) counted over the answer's rows that `keep` keeps. */
function legendEntries(
	result: ChoroplethResult,
	lang: Lang,
	keep?: (code: string) => boolean
): LegendEntry[] {
	const { legend, classOf, values } = result;
	const counts = new Array<number>(legend.classes.length + 1).fill(0);
	values.codes.forEach((code, i) => {
		if (keep && !keep(code)) return;
		const k = classOf[i] ?? -1;
		if (k >= 0 && k < counts.length) counts[k] = (counts[k] ?? 0) + 1;
	});
	const rows: LegendEntry[] = legend.classes.map((c, k) => ({
		label: c.label[lang],
		color: c.color,
		count: keep ? (counts[k] ?? 0) : c.count
	}));
	const noData = keep ? (counts[legend.classes.length] ?? 0) : legend.noData.count;
	if (noData > 0)
		rows.push({ label: legend.noData.label[lang], color: legend.noData.color, count: noData });
	return rows;
}

function shapesOfLevel(ds: LoadedDataset, level: string): Shapes {
	return level === 'township' ? ds.townships : level === 'county' ? ds.counties : ds.villages;
}

/** The whole region's page in the view's level and colours. */
export function regionScene(ds: LoadedDataset, result: ChoroplethResult, lang: Lang): PrintScene {
	const shapes = shapesOfLevel(ds, result.view.level);
	return {
		raster: {
			units: shapes.polygons,
			colors: unitColors(shapes, result),
			unitLine: { color: 'rgba(255,255,255,0.85)', width: 1.2 },
			outlines: [
				{ polygons: ds.townships.polygons, color: '#5b5b66', width: 2.4 },
				{ polygons: ds.counties.polygons, color: '#1f1f26', width: 5 }
			],
			ground: '#ffffff'
		},
		bbox: bboxOf(ds.counties.polygons.length ? ds.counties.polygons : shapes.polygons),
		labels: ds.townships.names.map((text, i) => {
			const [lon, lat] = ds.townships.labels[i] ?? [0, 0];
			return { text, lon, lat };
		}),
		legend: legendEntries(result, lang)
	};
}

/** The code of the township a village belongs to: its first nine digits, as `region` has it. */
export function townshipOf(villageCode: string): string {
	return villageCode.slice(0, 9);
}

/** One township's atlas page: its villages in colour, the others pale; village names. */
export function townshipScene(
	ds: LoadedDataset,
	result: ChoroplethResult,
	townshipCode: string,
	lang: Lang
): PrintScene | null {
	const t = ds.townships.codes.indexOf(townshipCode);
	const outline = ds.townships.polygons[t];
	if (t < 0 || !outline) return null;
	const keep = (code: string) => townshipOf(code) === townshipCode;
	const v = ds.villages;
	return {
		raster: {
			units: v.polygons,
			colors: unitColors(v, result, keep),
			unitLine: { color: 'rgba(255,255,255,0.9)', width: 1.6 },
			outlines: [
				{ polygons: ds.townships.polygons, color: '#8a8a94', width: 2 },
				{ polygons: [outline], color: '#1f1f26', width: 6 }
			],
			ground: '#ffffff'
		},
		bbox: bboxOfPolygons(outline),
		labels: v.codes.flatMap((code, i) => {
			const [lon, lat] = v.labels[i] ?? [0, 0];
			return keep(code) ? [{ text: v.names[i] ?? code, lon, lat }] : [];
		}),
		legend: legendEntries(result, lang, keep)
	};
}
