/**
 * ISO WKB for 2-D Polygon and MultiPolygon, little-endian: how boundaries are stored in
 * `boundary.geom_wkb`. The build encodes; the app decodes, either to nested rings (for turf and
 * GeoJSON export) or to flat typed arrays that map straight onto deck.gl binary attributes.
 */
import type { Polygon, Polygons, Ring } from './types';

const WKB_POLYGON = 3;
const WKB_MULTIPOLYGON = 6;

function polygonSize(polygon: Polygon): number {
	return 9 + polygon.reduce((s, ring) => s + 4 + ring.length * 16, 0);
}

/** One polygon → WKB Polygon; several → WKB MultiPolygon. */
export function encodeWkb(polygons: Polygons): Uint8Array {
	if (polygons.length === 0) throw new Error('encodeWkb: no polygons');
	const multi = polygons.length > 1;
	const size = (multi ? 9 : 0) + polygons.reduce((s, p) => s + polygonSize(p), 0);
	const bytes = new Uint8Array(size);
	const view = new DataView(bytes.buffer);
	let o = 0;
	const header = (type: number, count: number) => {
		view.setUint8(o, 1);
		view.setUint32(o + 1, type, true);
		view.setUint32(o + 5, count, true);
		o += 9;
	};
	if (multi) header(WKB_MULTIPOLYGON, polygons.length);
	for (const polygon of polygons) {
		header(WKB_POLYGON, polygon.length);
		for (const ring of polygon) {
			view.setUint32(o, ring.length, true);
			o += 4;
			for (const [x, y] of ring) {
				view.setFloat64(o, x, true);
				view.setFloat64(o + 8, y, true);
				o += 16;
			}
		}
	}
	return bytes;
}

/** Flat form: all coordinates interleaved, with ring and polygon start offsets (in points). */
export interface FlatPolygons {
	positions: Float64Array;
	/** ringStarts[i] = first point of ring i; one extra entry = total points. */
	ringStarts: Uint32Array;
	/** polygonStarts[j] = first ring of polygon j; one extra entry = total rings. */
	polygonStarts: Uint32Array;
}

function reader(bytes: Uint8Array) {
	const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
	let o = 0;
	return {
		header(): { type: number; count: number; little: boolean } {
			const little = view.getUint8(o) === 1;
			const type = view.getUint32(o + 1, little) % 1000;
			const count = view.getUint32(o + 5, little);
			o += 9;
			return { type, count, little };
		},
		uint32(little: boolean): number {
			const v = view.getUint32(o, little);
			o += 4;
			return v;
		},
		float64(little: boolean): number {
			const v = view.getFloat64(o, little);
			o += 8;
			return v;
		}
	};
}

/** Decode WKB (Polygon or MultiPolygon, either byte order) into polygons of [lon, lat] rings. */
export function decodeWkb(bytes: Uint8Array): Polygons {
	const r = reader(bytes);
	const readPolygon = (count: number, little: boolean): Polygon => {
		const rings: Polygon = [];
		for (let i = 0; i < count; i++) {
			const n = r.uint32(little);
			const ring: Ring = new Array(n);
			for (let k = 0; k < n; k++) ring[k] = [r.float64(little), r.float64(little)];
			rings.push(ring);
		}
		return rings;
	};
	const top = r.header();
	if (top.type === WKB_POLYGON) return [readPolygon(top.count, top.little)];
	if (top.type !== WKB_MULTIPOLYGON) throw new Error(`decodeWkb: unsupported type ${top.type}`);
	const out: Polygons = [];
	for (let i = 0; i < top.count; i++) {
		const h = r.header();
		if (h.type !== WKB_POLYGON) throw new Error(`decodeWkb: part type ${h.type}`);
		out.push(readPolygon(h.count, h.little));
	}
	return out;
}

/** Decode straight to flat arrays (no per-point objects), for deck.gl binary attributes. */
export function decodeWkbFlat(bytes: Uint8Array): FlatPolygons {
	const polygons = decodeWkb(bytes);
	let points = 0;
	let rings = 0;
	for (const p of polygons) {
		for (const ring of p) {
			points += ring.length;
			rings++;
		}
	}
	const positions = new Float64Array(points * 2);
	const ringStarts = new Uint32Array(rings + 1);
	const polygonStarts = new Uint32Array(polygons.length + 1);
	let pi = 0;
	let ri = 0;
	polygons.forEach((polygon, j) => {
		polygonStarts[j] = ri;
		for (const ring of polygon) {
			ringStarts[ri++] = pi;
			for (const [x, y] of ring) {
				positions[pi * 2] = x;
				positions[pi * 2 + 1] = y;
				pi++;
			}
		}
	});
	ringStarts[rings] = pi;
	polygonStarts[polygons.length] = rings;
	return { positions, ringStarts, polygonStarts };
}
