/**
 * Uniform-ish random points strictly inside an outline, by scanlines: the outline is cut by a few
 * hundred horizontal lines once (cost rows × edges), then each sample picks a line weighted by
 * its inside length and an x inside one of its intervals. That is far cheaper than rejection
 * sampling with point-in-polygon against a county border of thousands of vertices.
 */
import { bboxOfPolygons } from './bbox';
import type { Point, Polygons } from './types';
import type { Random } from './random';

export interface Samples {
	xs: Float64Array;
	ys: Float64Array;
}

/** Sorted x where the line y crosses the outline's edges (even–odd: pairs are inside spans). */
export function scanline(outline: Polygons, y: number): number[] {
	const xs: number[] = [];
	for (const polygon of outline) {
		for (const ring of polygon) {
			for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
				const [xi, yi] = ring[i] as Point;
				const [xj, yj] = ring[j] as Point;
				if (yi > y !== yj > y) xs.push(xi + ((y - yi) * (xj - xi)) / (yj - yi));
			}
		}
	}
	return xs.sort((a, b) => a - b);
}

export function sampleInside(
	outline: Polygons,
	count: number,
	random: Random,
	rows = 384
): Samples {
	const [, minY, , maxY] = bboxOfPolygons(outline);
	const lines: { y: number; spans: number[]; length: number }[] = [];
	let total = 0;
	for (let r = 0; r < rows; r++) {
		// The odd offset keeps lines off the 1/1024° grid the source outlines are quantised to.
		const y = minY + ((r + 0.5 + 1e-3 * Math.SQRT2) / rows) * (maxY - minY);
		const spans = scanline(outline, y);
		let length = 0;
		for (let k = 0; k + 1 < spans.length; k += 2)
			length += (spans[k + 1] as number) - (spans[k] as number);
		if (length > 0) {
			lines.push({ y, spans, length });
			total += length;
		}
	}
	const cumulative = new Float64Array(lines.length);
	let acc = 0;
	lines.forEach((line, i) => (cumulative[i] = acc += line.length));
	const xs = new Float64Array(count);
	const ys = new Float64Array(count);
	for (let s = 0; s < count; s++) {
		const target = random() * total;
		let lo = 0;
		let hi = lines.length - 1;
		while (lo < hi) {
			const mid = (lo + hi) >> 1;
			if ((cumulative[mid] as number) < target) lo = mid + 1;
			else hi = mid;
		}
		const line = lines[lo] as (typeof lines)[number];
		let along = random() * line.length;
		for (let k = 0; k + 1 < line.spans.length; k += 2) {
			const a = line.spans[k] as number;
			const b = line.spans[k + 1] as number;
			if (along <= b - a || k + 3 >= line.spans.length) {
				// Stay a hair inside the span so the point is never exactly on the border.
				const w = b - a;
				xs[s] = a + Math.min(Math.max(along, w * 1e-4), w * (1 - 1e-4));
				break;
			}
			along -= b - a;
		}
		ys[s] = line.y;
	}
	return { xs, ys };
}
