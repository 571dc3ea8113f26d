/**
 * Flat binary buffers for drawing many polygons at once (deck.gl's binary attribute mode):
 * every polygon part's outer ring and holes as one run of 2-D positions, triangle indices from
 * earcut, and for each part the feature it belongs to. A MultiPolygon feature becomes several
 * parts with the same feature index, so a colour per feature expands to a colour per vertex.
 *
 * Contract: input features are lists of polygons of closed rings in lon/lat (see `types.ts`);
 * output positions are Float64Array (deck.gl keeps 64-bit precision), indices reference
 * positions globally, rings are also listed for outline paths.
 */
import earcut from 'earcut';
import type { Polygons } from './types';

export interface PolygonBuffers {
	/** Number of features (units). */
	featureCount: number;
	/** Number of polygon parts (deck.gl "polygons"). */
	partCount: number;
	/** x0, y0, x1, y1, … for every vertex of every ring. */
	positions: Float64Array;
	/** Vertex offset where each part starts; length partCount + 1. */
	partStarts: Uint32Array;
	/** Feature index of each part. */
	partFeature: Uint32Array;
	/** Feature index of each vertex (for per-vertex colours). */
	vertexFeature: Uint32Array;
	/** Vertex offset where each ring starts (outer rings and holes); length ringCount + 1. */
	ringStarts: Uint32Array;
	/** Triangles: three global vertex indices each. */
	triangles: Uint32Array;
}

/** Lay out the features' polygons as flat buffers, triangulated. */
export function buildPolygonBuffers(features: readonly Polygons[]): PolygonBuffers {
	let vertexCount = 0;
	let partCount = 0;
	let ringCount = 0;
	for (const f of features) {
		for (const poly of f) {
			partCount++;
			for (const ring of poly) {
				ringCount++;
				vertexCount += ring.length;
			}
		}
	}
	const positions = new Float64Array(vertexCount * 2);
	const partStarts = new Uint32Array(partCount + 1);
	const partFeature = new Uint32Array(partCount);
	const vertexFeature = new Uint32Array(vertexCount);
	const ringStarts = new Uint32Array(ringCount + 1);
	const triangles: number[] = [];
	let v = 0;
	let p = 0;
	let r = 0;
	features.forEach((f, fi) => {
		for (const poly of f) {
			const start = v;
			partStarts[p] = start;
			partFeature[p++] = fi;
			const holes: number[] = [];
			for (const [k, ring] of poly.entries()) {
				if (k > 0) holes.push(v - start);
				ringStarts[r++] = v;
				for (const [x, y] of ring) {
					positions[v * 2] = x;
					positions[v * 2 + 1] = y;
					vertexFeature[v++] = fi;
				}
			}
			const local = earcut(positions.subarray(start * 2, v * 2), holes, 2);
			for (const i of local) triangles.push(start + i);
		}
	});
	partStarts[partCount] = v;
	ringStarts[ringCount] = v;
	return {
		featureCount: features.length,
		partCount,
		positions,
		partStarts,
		partFeature,
		vertexFeature,
		ringStarts,
		triangles: Uint32Array.from(triangles)
	};
}

/** Expand one RGBA colour per feature (4 bytes each) to one per vertex. */
export function expandFeatureColors(buffers: PolygonBuffers, featureRgba: Uint8Array): Uint8Array {
	const n = buffers.vertexFeature.length;
	const out = new Uint8Array(n * 4);
	// Four bytes at a time: one 32-bit word per colour, read and written as such.
	const rgba = featureRgba.byteOffset % 4 === 0 ? featureRgba : featureRgba.slice();
	const feature = new Uint32Array(rgba.buffer, rgba.byteOffset, rgba.length >> 2);
	const vertex = new Uint32Array(out.buffer);
	const of = buffers.vertexFeature;
	for (let i = 0; i < n; i++) vertex[i] = feature[of[i] as number] as number;
	return out;
}
