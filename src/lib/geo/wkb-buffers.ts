/**
 * `PolygonBuffers` straight from WKB: the same layout `buildPolygonBuffers` makes from nested
 * arrays, read from the bytes in two passes (count, then fill) without one JS object per vertex,
 * so a province's or the nation's shapes cost their flat buffers and nothing more.
 *
 * Contract: each input is WKB of a 2-D Polygon (type 3) or MultiPolygon (6), either
 * byte order, rings closed; the output equals `buildPolygonBuffers(inputs.map(decodeWkb))`
 * (a test holds them equal). Throws on another geometry type or truncated bytes.
 */
import earcut from 'earcut';
import type { PolygonBuffers } from './polygon-buffers';

interface Cursor {
	view: DataView;
	at: number;
}

function header(c: Cursor): { little: boolean; type: number } {
	const little = c.view.getUint8(c.at) === 1;
	const type = c.view.getUint32(c.at + 1, little);
	if (type >= 1000) throw new Error(`WKB type ${type} has more than two dimensions`);
	c.at += 5;
	return { little, type };
}

/** Calls `polygon(cursor, little)` for each polygon of the geometry at the cursor. */
function eachPolygon(c: Cursor, polygon: (c: Cursor, little: boolean) => void): void {
	const { little, type } = header(c);
	if (type === 3) return polygon(c, little);
	if (type !== 6) throw new Error(`WKB type ${type} is not a Polygon or MultiPolygon`);
	const n = c.view.getUint32(c.at, little);
	c.at += 4;
	for (let i = 0; i < n; i++) {
		const h = header(c);
		if (h.type !== 3) throw new Error(`WKB MultiPolygon holds type ${h.type}`);
		polygon(c, h.little);
	}
}

const cursorOf = (b: Uint8Array): Cursor => ({
	view: new DataView(b.buffer, b.byteOffset, b.byteLength),
	at: 0
});

/** Lay out the features' WKB polygons as flat buffers, triangulated. */
export function buildWkbBuffers(features: readonly Uint8Array[]): PolygonBuffers {
	let vertexCount = 0;
	let partCount = 0;
	let ringCount = 0;
	for (const bytes of features) {
		eachPolygon(cursorOf(bytes), (c, little) => {
			partCount++;
			const rings = c.view.getUint32(c.at, little);
			c.at += 4;
			for (let r = 0; r < rings; r++) {
				const n = c.view.getUint32(c.at, little);
				c.at += 4 + n * 16;
				ringCount++;
				vertexCount += n;
			}
		});
	}
	const positions = new Float64Array(vertexCount * 2);
	const partStarts = new Uint32Array(partCount + 1);
	const partFeature = new Uint32Array(partCount);
	const vertexFeature = new Uint32Array(vertexCount);
	const ringStarts = new Uint32Array(ringCount + 1);
	let triangles = new Uint32Array(Math.max(16, vertexCount * 3));
	let t = 0;
	let v = 0;
	let p = 0;
	let r = 0;
	features.forEach((bytes, fi) => {
		eachPolygon(cursorOf(bytes), (c, little) => {
			const start = v;
			partStarts[p] = start;
			partFeature[p++] = fi;
			const holes: number[] = [];
			const rings = c.view.getUint32(c.at, little);
			c.at += 4;
			for (let k = 0; k < rings; k++) {
				if (k > 0) holes.push(v - start);
				ringStarts[r++] = v;
				const n = c.view.getUint32(c.at, little);
				c.at += 4;
				for (let i = 0; i < n; i++) {
					positions[v * 2] = c.view.getFloat64(c.at, little);
					positions[v * 2 + 1] = c.view.getFloat64(c.at + 8, little);
					c.at += 16;
					vertexFeature[v++] = fi;
				}
			}
			const local = earcut(positions.subarray(start * 2, v * 2), holes, 2);
			if (t + local.length > triangles.length) {
				const grown = new Uint32Array(Math.max(triangles.length * 2, t + local.length));
				grown.set(triangles.subarray(0, t));
				triangles = grown;
			}
			for (const i of local) triangles[t++] = start + i;
		});
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
		triangles: triangles.slice(0, t)
	};
}
