import { describe, expect, it } from 'vitest';
import type { Polygons } from './types';
import { decodeWkb, decodeWkbFlat, encodeWkb } from './wkb';

const square = [
	[0, 0],
	[1, 0],
	[1, 1],
	[0, 1],
	[0, 0]
] as [number, number][];
const hole = [
	[0.25, 0.25],
	[0.25, 0.75],
	[0.75, 0.75],
	[0.75, 0.25],
	[0.25, 0.25]
] as [number, number][];
const far = square.map(([x, y]) => [x + 108.5, y + 32.5] as [number, number]);

describe('WKB', () => {
	it.each<[string, Polygons, number]>([
		['a polygon', [[square]], 3],
		['a polygon with a hole', [[square, hole]], 3],
		['a multipolygon', [[square], [far]], 6]
	])('round-trips %s (type %i)', (_, polygons, type) => {
		const bytes = encodeWkb(polygons);
		expect(bytes[0]).toBe(1);
		expect(new DataView(bytes.buffer).getUint32(1, true)).toBe(type);
		expect(decodeWkb(bytes)).toEqual(polygons);
	});

	it('lays out a polygon as ISO WKB little-endian', () => {
		const bytes = encodeWkb([[square]]);
		// 1 byte order + 4 type + 4 ring count + 4 point count + 5 points × 16 bytes.
		expect(bytes.length).toBe(1 + 4 + 4 + 4 + 5 * 16);
		expect(Array.from(bytes.slice(0, 13))).toEqual([1, 3, 0, 0, 0, 1, 0, 0, 0, 5, 0, 0, 0]);
	});

	it('decodes big-endian input too', () => {
		const le = encodeWkb([[square]]);
		const be = new Uint8Array(le.length);
		const src = new DataView(le.buffer);
		const dst = new DataView(be.buffer);
		dst.setUint8(0, 0);
		dst.setUint32(1, 3, false);
		dst.setUint32(5, 1, false);
		dst.setUint32(9, 5, false);
		for (let o = 13; o < le.length; o += 8) dst.setFloat64(o, src.getFloat64(o, true), false);
		expect(decodeWkb(be)).toEqual([[square]]);
	});

	it('decodes to flat arrays with ring and polygon offsets', () => {
		const flat = decodeWkbFlat(encodeWkb([[square, hole], [far]]));
		expect(Array.from(flat.ringStarts)).toEqual([0, 5, 10, 15]);
		expect(Array.from(flat.polygonStarts)).toEqual([0, 2, 3]);
		expect(flat.positions.length).toBe(30);
		expect(Array.from(flat.positions.slice(20, 22))).toEqual([108.5, 32.5]);
	});

	it('rejects other geometry types and empty input', () => {
		const point = new Uint8Array(21);
		new DataView(point.buffer).setUint8(0, 1);
		new DataView(point.buffer).setUint32(1, 1, true);
		expect(() => decodeWkb(point)).toThrow(/unsupported type 1/);
		expect(() => encodeWkb([])).toThrow();
	});
});
