/**
 * A query result (column names and rows of the plain values the console gets from DuckDB) as
 * files people take away: CSV for Excel and every other tool, GeoJSON for QGIS and web maps.
 * The rules every format shares live here, once: how a cell is written as text, which cells a
 * spreadsheet would run as a formula (state/xlsx-export.ts applies the same rule), which columns
 * hold division codes (text, digit for digit) and where a row's geometry comes from.
 */
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import { decodeWkb } from '../geo/wkb';

/** One value of a result row, as the console hands it over. */
export type Cell = string | number | bigint | boolean | null | Uint8Array;
export type Row = readonly Cell[];

/** The geometry of a region code (boundary or centroid), or null when the code is unknown. */
export type GeometryLookup = (code: string) => Geometry | null;

/** Where a result's rows get a geometry from, if anywhere (see locateColumns). */
export type GeometrySource =
	| { kind: 'wkb'; column: string }
	| { kind: 'lonlat'; lon: string; lat: string }
	| { kind: 'code'; column: string }
	| { kind: 'none' };

/** Rows looked at to recognise columns: enough to see through a few nulls, cheap on 100k rows. */
export const SAMPLE_ROWS = 100;

// Excel, LibreOffice and Google Sheets run a cell that starts with one of these (OWASP, CSV
// injection). Strictly by first character, with no carve-out for text that "looks numeric":
// "+1" and "-1+1" are formulas too, and a text "-5" is text in the database, so it stays text.
const FORMULA_START = /^[=+\-@\t\r]/;

/** A text a spreadsheet would run as a formula gets a leading apostrophe; others are unchanged. */
export function neutraliseFormula(text: string): string {
	return FORMULA_START.test(text) ? `'${text}` : text;
}

/** Bytes as upper-case hex, the form DuckDB's `unhex()` and PostGIS (`'0103…'::geometry`) read. */
export function toHex(bytes: Uint8Array): string {
	let out = '';
	for (const b of bytes) out += b.toString(16).padStart(2, '0');
	return out.toUpperCase();
}

/**
 * The text a cell is written as in CSV and in spreadsheet text cells. Only strings are
 * neutralised: a number, bigint or boolean is written by JS itself and is never a formula, so
 * `-3` as a number stays `-3`. Bytes become hex rather than vanish, so a `SELECT *` over
 * `boundary` keeps its geometry in a form PostGIS and DuckDB read back.
 */
export function cellText(value: Cell | undefined): string {
	if (value === null || value === undefined) return '';
	if (typeof value === 'string') return neutraliseFormula(value);
	if (value instanceof Uint8Array) return toHex(value);
	return String(value);
}

const BOM = '\uFEFF';
const NEEDS_QUOTES = /[",\r\n]/;
const quoteField = (s: string) => (NEEDS_QUOTES.test(s) ? `"${s.replaceAll('"', '""')}"` : s);

/**
 * RFC 4180 CSV: CRLF after every record, fields quoted only when they hold a comma, quote, CR or
 * LF. It opens with a UTF-8 BOM because Excel on Chinese Windows otherwise reads the file as GBK
 * and garbles every name. Codes stay exactly their digits in the file; Excel still shows a
 * 12-digit code as 6.10924E+11 when it opens a CSV, which is what the XLSX export is for.
 */
export function toCsv(columns: readonly string[], rows: readonly Row[]): string {
	const record = (fields: string[]) => `${fields.map(quoteField).join(',')}\r\n`;
	const out = [BOM + record(columns.map(neutraliseFormula))];
	for (const row of rows) out.push(record(columns.map((_, i) => cellText(row[i]))));
	return out.join('');
}

/* Division codes: 6 (county), 9 (township) or 12 (village) digits, GB/T 2260 province first. */
const DIVISION_CODE = /^\d{6}(?:\d{3}){0,2}$/;
const PROVINCE = /^(?:1[1-5]|2[1-3]|3[1-7]|4[1-6]|5[0-4]|6[1-5]|71|8[12])/;
/** Code column names, most specific to the row first: a row's own `code` before its parents'. */
const CODE_NAMES = ['code', 'village_code', 'community_code', 'township_code', 'county_code'];
const CODE_NAME = /(?:^|_)code$|代码$|编码$/i;

function codeNameRank(name: string): number {
	const i = CODE_NAMES.indexOf(name.toLowerCase());
	if (i >= 0) return i;
	return CODE_NAME.test(name) ? CODE_NAMES.length : Infinity;
}

function sampleOf(rows: readonly Row[], i: number): Cell[] {
	const out: Cell[] = [];
	for (const row of rows.slice(0, SAMPLE_ROWS)) {
		const v = row[i];
		if (v !== null && v !== undefined) out.push(v);
	}
	return out;
}

const isWholeNumber = (v: Cell) =>
	typeof v === 'bigint' || (typeof v === 'number' && Number.isInteger(v));

/**
 * Indices of the columns holding division codes, best first. A column named like a code
 * (`code`, `village_code`, `*_code`, `…代码`) qualifies when no sampled value contradicts it, and
 * may hold integers (a code someone cast to BIGINT). Any other column qualifies only on its
 * values, and only as text whose province prefix is real: a number column of 6-digit counts is
 * not a code, and neither are most 6-digit postcodes.
 */
export function findCodeColumns(columns: readonly string[], sampleRows: readonly Row[]): number[] {
	const found: { index: number; rank: number }[] = [];
	columns.forEach((name, index) => {
		const rank = codeNameRank(name);
		const sample = sampleOf(sampleRows, index);
		const ok =
			rank < Infinity
				? sample.every(
						(v) => (typeof v === 'string' || isWholeNumber(v)) && DIVISION_CODE.test(String(v))
					)
				: sample.length > 0 &&
					sample.every((v) => typeof v === 'string' && DIVISION_CODE.test(v) && PROVINCE.test(v));
		if (ok) found.push({ index, rank });
	});
	return found.sort((a, b) => a.rank - b.rank || a.index - b.index).map((f) => f.index);
}

const WKB_NAME = /^(?:geom|geometry|wkb|.*_wkb)$/i;

/** A WKB Polygon or MultiPolygon, the types geo/wkb.ts decodes (points there would fail). */
function isPolygonWkb(v: Cell): boolean {
	if (!(v instanceof Uint8Array) || v.length < 9 || v[0]! > 1) return false;
	const type = new DataView(v.buffer, v.byteOffset, v.byteLength).getUint32(1, v[0] === 1) % 1000;
	return type === 3 || type === 6;
}

const LONLAT_NAMES: readonly [string, string][] = [
	['lon', 'lat'],
	['lng', 'lat'],
	['longitude', 'latitude'],
	['经度', '纬度'],
	['x', 'y'],
	['cx', 'cy']
];
const inRange =
	(max: number) =>
	(v: Cell): v is number =>
		typeof v === 'number' && Math.abs(v) <= max;
/** For recognising a column: NaN is a broken value, not evidence against degrees; 500000 is. */
const maybeDegrees = (max: number) => (v: Cell) => typeof v === 'number' && !(Math.abs(v) > max);

/**
 * Which geometry a result carries, in order of preference: WKB polygons (a column named like
 * `geom_wkb`, or any column of polygon WKB), a longitude/latitude pair (by name, values in
 * degrees, so projected x/y metres do not pass), then a division-code column whose geometry the
 * caller looks up. Names propose and sampled values veto; with no rows, names alone decide.
 */
export function locateColumns(
	columns: readonly string[],
	sampleRows: readonly Row[]
): GeometrySource {
	const sample = (i: number) => sampleOf(sampleRows, i);
	const wkb = columns
		.map((name, i) => ({ name, named: WKB_NAME.test(name), values: sample(i) }))
		.filter((c) => (c.named || c.values.length > 0) && c.values.every(isPolygonWkb))
		.sort((a, b) => Number(b.named) - Number(a.named))[0];
	if (wkb) return { kind: 'wkb', column: wkb.name };

	const lower = columns.map((c) => c.toLowerCase());
	for (const [lonName, latName] of LONLAT_NAMES) {
		const lon = lower.indexOf(lonName);
		const lat = lower.indexOf(latName);
		if (lon < 0 || lat < 0) continue;
		if (sample(lon).every(maybeDegrees(180)) && sample(lat).every(maybeDegrees(90)))
			return { kind: 'lonlat', lon: columns[lon]!, lat: columns[lat]! };
	}

	const code = findCodeColumns(columns, sampleRows)[0];
	return code === undefined ? { kind: 'none' } : { kind: 'code', column: columns[code]! };
}

function geometryFromWkb(v: Cell): Geometry | null {
	if (!(v instanceof Uint8Array)) return null;
	try {
		const polygons = decodeWkb(v);
		const [only] = polygons;
		if (polygons.length === 1 && only) return { type: 'Polygon', coordinates: only };
		return { type: 'MultiPolygon', coordinates: polygons };
	} catch {
		return null; // a point or a broken blob: the row still exports, without a geometry
	}
}

/** A cell as a JSON property: bigints as numbers while exact, bytes as hex, NaN as null. */
function jsonValue(v: Cell | undefined): string | number | boolean | null {
	if (v === null || v === undefined) return null;
	if (typeof v === 'bigint') return Number.isSafeInteger(Number(v)) ? Number(v) : String(v);
	if (v instanceof Uint8Array) return toHex(v);
	if (typeof v === 'number' && !Number.isFinite(v)) return null;
	return v;
}

/**
 * A FeatureCollection, one Feature per row in row order. The WKB or lon/lat columns become the
 * geometry and leave the properties; a code column stays a property (it is the row's identity).
 * A row without a geometry still exports, with `geometry: null`, so no row silently disappears.
 * Texts are not neutralised: no JSON reader runs formulas.
 */
export function toGeoJson(
	columns: readonly string[],
	rows: readonly Row[],
	geometryOf: GeometryLookup = () => null,
	source: GeometrySource = locateColumns(columns, rows)
): FeatureCollection<Geometry | null> {
	const at = (name: string) => columns.indexOf(name);
	let geometry: (row: Row) => Geometry | null = () => null;
	let dropped: number[] = [];
	if (source.kind === 'wkb') {
		const i = at(source.column);
		geometry = (row) => geometryFromWkb(row[i] ?? null);
		dropped = [i];
	} else if (source.kind === 'lonlat') {
		const [lon, lat] = [at(source.lon), at(source.lat)];
		geometry = (row) => {
			const [x, y] = [row[lon] ?? null, row[lat] ?? null];
			return inRange(180)(x) && inRange(90)(y) ? { type: 'Point', coordinates: [x, y] } : null;
		};
		dropped = [lon, lat];
	} else if (source.kind === 'code') {
		const i = at(source.column);
		geometry = (row) => {
			const v = row[i];
			return v === null || v === undefined ? null : geometryOf(String(v));
		};
	}
	const keys = propertyKeys(columns);
	const features = rows.map((row): Feature<Geometry | null> => {
		const properties: Record<string, unknown> = {};
		keys.forEach((key, i) => {
			if (!dropped.includes(i)) properties[key] = jsonValue(row[i]);
		});
		return { type: 'Feature', geometry: geometry(row), properties };
	});
	return { type: 'FeatureCollection', features };
}

/** Property names, with repeats (`SELECT a.code, b.code`) made unique: `code`, `code_2`. */
function propertyKeys(columns: readonly string[]): string[] {
	const seen = new Set<string>();
	return columns.map((name) => {
		let key = name;
		for (let n = 2; seen.has(key); n++) key = `${name}_${n}`;
		seen.add(key);
		return key;
	});
}

const WINDOWS_DEVICE = /^(?:con|prn|aux|nul|com\d|lpt\d)(?:\.|$)/i;
const UNSAFE_CHARS = /[\\/:*?"<>|]/g;
/** Most file systems allow 255 bytes; a Chinese character takes 3 in UTF-8. */
const MAX_NAME = 80;

/**
 * A file name any OS accepts, keeping Chinese: path separators, the characters Windows forbids
 * and control characters become `_`, leading and trailing dots and spaces go (a hidden file, a
 * name Windows trims), device names (`CON`, `NUL`…) get a `_` prefix, and a long stem is cut
 * before its extension.
 */
export function safeFileName(name: string, fallback = 'export'): string {
	let out = Array.from(name, (ch) => (ch.charCodeAt(0) < 32 || ch === '\u007f' ? '_' : ch))
		.join('')
		.replace(UNSAFE_CHARS, '_')
		.replace(/^[.\s]+|[.\s]+$/g, '');
	if (out === '' || /^_*$/.test(out)) out = fallback;
	if (WINDOWS_DEVICE.test(out)) out = `_${out}`;
	const chars = Array.from(out);
	if (chars.length <= MAX_NAME) return out;
	const dot = out.lastIndexOf('.');
	const ext = dot > 0 && out.length - dot <= 10 ? out.slice(dot) : '';
	return chars.slice(0, MAX_NAME - ext.length).join('') + ext;
}
