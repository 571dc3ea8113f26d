import { readFileSync } from 'node:fs';
/** Flat buffers straight from WKB equal the nested-array path, for both byte orders and real data. */
import { describe, expect, it } from 'vitest';
import { tableFromIPC } from 'apache-arrow';
import { buildPolygonBuffers } from '$lib/geo/polygon-buffers';
import { buildWkbBuffers } from '$lib/geo/wkb-buffers';
import { decodeWkb, encodeWkb } from '$lib/geo/wkb';
import type { Polygons } from '$lib/geo/types';

const square = (x: number, y: number, s: number) => [
	[x, y],
	[x + s, y],
	[x + s, y + s],
	[x, y + s],
	[x, y]
];
const withHole: Polygons = [[square(0, 0, 4), square(1, 1, 1).reverse()]] as Polygons;
const multi: Polygons = [[square(10, 0, 1)], [square(12, 0, 2)]] as Polygons;

/** The same geometry written big-endian (byte order 0), as some writers do. */
function bigEndian(polygons: Polygons): Uint8Array {
	const parts: number[] = [];
	const u8 = (n: number) => parts.push(n);
	const u32 = (n: number) =>
		parts.push((n >>> 24) & 255, (n >>> 16) & 255, (n >>> 8) & 255, n & 255);
	const f64 = (x: number) => {
		const b = new DataView(new ArrayBuffer(8));
		b.setFloat64(0, x, false);
		for (let i = 0; i < 8; i++) parts.push(b.getUint8(i));
	};
	const polygon = (p: Polygons[number]) => {
		u8(0);
		u32(3);
		u32(p.length);
		for (const ring of p) {
			u32(ring.length);
			for (const [x, y] of ring) {
				f64(x);
				f64(y);
			}
		}
	};
	if (polygons.length === 1) polygon(polygons[0]!);
	else {
		u8(0);
		u32(6);
		u32(polygons.length);
		polygons.forEach(polygon);
	}
	return Uint8Array.from(parts);
}

describe('buildWkbBuffers', () => {
	it('lays out polygons, holes and multipolygons as buildPolygonBuffers does from arrays', () => {
		const features = [withHole, multi];
		expect(buildWkbBuffers(features.map(encodeWkb))).toEqual(buildPolygonBuffers(features));
	});

	it('reads big-endian WKB the same as little-endian', () => {
		const features = [withHole, multi];
		expect(buildWkbBuffers(features.map(bigEndian))).toEqual(buildPolygonBuffers(features));
	});

	it('reads WKB that is a view into a larger buffer (an Arrow column)', () => {
		const bytes = encodeWkb(multi);
		const big = new Uint8Array(bytes.length + 7);
		big.set(bytes, 3);
		expect(buildWkbBuffers([big.subarray(3, 3 + bytes.length)])).toEqual(
			buildPolygonBuffers([multi])
		);
	});

	it.each(['610924', '610925'])('equals the nested-array path on every unit of %s', (code) => {
		const t = tableFromIPC(readFileSync(`static/data/${code}/boundary.arrow`));
		const wkb = Array.from(t.getChild('geom_wkb')!) as Uint8Array[];
		expect(buildWkbBuffers(wkb)).toEqual(buildPolygonBuffers(wkb.map(decodeWkb)));
	});

	it('refuses a point and a 3-D polygon, naming the type', () => {
		const point = Uint8Array.from([1, 1, 0, 0, 0, ...new Array(16).fill(0)]);
		expect(() => buildWkbBuffers([point])).toThrow(/type 1 is not a Polygon/);
		const z = encodeWkb(withHole);
		new DataView(z.buffer).setUint32(1, 1003, true);
		expect(() => buildWkbBuffers([z])).toThrow(/more than two dimensions/);
	});
});
