/**
 * A minimal shapefile writer for test fixtures: polygons (shape type 5) into .shp and .shx, and
 * character fields into a dBase III .dbf with a chosen language-driver byte, in UTF-8 or GBK.
 * Rings are written in the shapefile's own winding (outer clockwise, holes counter-clockwise),
 * the opposite of the app's, as every real writer does. Node's TextEncoder only speaks UTF-8,
 * so GBK bytes come from a reverse map of Node's GBK TextDecoder over the double-byte range.
 */
import type { Polygons, Ring } from '../../src/lib/geo/types';
import { signedArea } from '../../src/lib/geo/ring';

let gbkTable: Map<string, number[]> | null = null;

/** Encode text as GBK: ASCII as is, everything else through the decoder's reverse map. */
export function encodeGbk(text: string): Uint8Array {
	if (!gbkTable) {
		gbkTable = new Map();
		const decoder = new TextDecoder('gbk');
		for (let b1 = 0x81; b1 <= 0xfe; b1++) {
			for (let b2 = 0x40; b2 <= 0xfe; b2++) {
				if (b2 === 0x7f) continue;
				const c = decoder.decode(new Uint8Array([b1, b2]));
				if (c.length === 1 && c !== '\ufffd' && !gbkTable.has(c)) gbkTable.set(c, [b1, b2]);
			}
		}
	}
	const out: number[] = [];
	for (const c of text) {
		const code = c.codePointAt(0) as number;
		if (code < 0x80) out.push(code);
		else {
			const bytes = gbkTable.get(c);
			if (!bytes) throw new Error(`encodeGbk: ${c} has no GBK code`);
			out.push(...bytes);
		}
	}
	return Uint8Array.from(out);
}

export type TextEncoding = 'utf-8' | 'gbk';
const encode = (text: string, encoding: TextEncoding) =>
	encoding === 'gbk' ? encodeGbk(text) : new TextEncoder().encode(text);

export interface DbfField {
	name: string;
	length: number;
}

/** A dBase III table of character fields; values are cut or space-padded to the field length. */
export function writeDbf(
	fields: DbfField[],
	records: string[][],
	encoding: TextEncoding,
	languageDriver: number
): Uint8Array {
	const headerLength = 32 + 32 * fields.length + 1;
	const recordLength = 1 + fields.reduce((s, f) => s + f.length, 0);
	const out = new Uint8Array(headerLength + records.length * recordLength + 1);
	const view = new DataView(out.buffer);
	out.set([0x03, 124, 1, 1]); // dBase III, last update 2024-01-01
	view.setUint32(4, records.length, true);
	view.setUint16(8, headerLength, true);
	view.setUint16(10, recordLength, true);
	out[29] = languageDriver;
	fields.forEach((f, i) => {
		const at = 32 + 32 * i;
		const name = encode(f.name, encoding);
		if (name.length > 10) throw new Error(`writeDbf: field name ${f.name} longer than 10 bytes`);
		out.set(name, at);
		out[at + 11] = 0x43; // 'C'
		out[at + 16] = f.length;
	});
	out[headerLength - 1] = 0x0d;
	records.forEach((values, r) => {
		let at = headerLength + r * recordLength;
		out[at++] = 0x20; // not deleted
		fields.forEach((f, i) => {
			const bytes = encode(values[i] ?? '', encoding).subarray(0, f.length);
			out.fill(0x20, at, at + f.length);
			out.set(bytes, at);
			at += f.length;
		});
	});
	out[out.length - 1] = 0x1a;
	return out;
}

/** The shapefile's winding: outer rings clockwise, holes counter-clockwise. */
function shapefileRings(polygons: Polygons): Ring[] {
	return polygons.flatMap((polygon) =>
		polygon.map((ring, i) => (signedArea(ring) < 0 === (i === 0) ? ring : [...ring].reverse()))
	);
}

function writeHeader(view: DataView, fileBytes: number, box: number[]) {
	view.setInt32(0, 9994, false);
	view.setInt32(24, fileBytes / 2, false);
	view.setInt32(28, 1000, true);
	view.setInt32(32, 5, true);
	box.forEach((v, i) => view.setFloat64(36 + 8 * i, v, true));
}

const bboxOf = (rings: Ring[]) => {
	const xs = rings.flat().map((p) => p[0]);
	const ys = rings.flat().map((p) => p[1]);
	return [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)];
};

/** .shp and .shx for polygon features (each feature one record of all its rings). */
export function writeShp(features: Polygons[]): { shp: Uint8Array; shx: Uint8Array } {
	const records = features.map(shapefileRings);
	const sizes = records.map((rings) => 44 + 4 * rings.length + 16 * rings.flat().length);
	const shpBytes = 100 + sizes.reduce((s, n) => s + n + 8, 0);
	const shp = new Uint8Array(shpBytes);
	const shx = new Uint8Array(100 + 8 * records.length);
	const sv = new DataView(shp.buffer);
	const xv = new DataView(shx.buffer);
	const box = bboxOf(records.flat());
	writeHeader(sv, shpBytes, box);
	writeHeader(xv, shx.length, box);
	let at = 100;
	records.forEach((rings, r) => {
		const size = sizes[r] as number;
		xv.setInt32(100 + 8 * r, at / 2, false);
		xv.setInt32(104 + 8 * r, size / 2, false);
		sv.setInt32(at, r + 1, false);
		sv.setInt32(at + 4, size / 2, false);
		let o = at + 8;
		sv.setInt32(o, 5, true);
		bboxOf(rings).forEach((v, i) => sv.setFloat64(o + 4 + 8 * i, v, true));
		sv.setInt32(o + 36, rings.length, true);
		sv.setInt32(o + 40, rings.flat().length, true);
		o += 44;
		let start = 0;
		for (const ring of rings) {
			sv.setInt32(o, start, true);
			o += 4;
			start += ring.length;
		}
		for (const [x, y] of rings.flat()) {
			sv.setFloat64(o, x, true);
			sv.setFloat64(o + 8, y, true);
			o += 16;
		}
		at += 8 + size;
	});
	return { shp, shx };
}
