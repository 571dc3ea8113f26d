/**
 * A zipped shapefile in, boundary features out. Real archives are untidy: the parts sit in a
 * folder, extensions are upper case (.SHP), macOS adds `__MACOSX/._*` copies, Chinese Windows
 * zips file names in GBK without saying so, and one zip may hold several layers (then the
 * caller picks one by name, or gets the list back in the error). The .shp and .dbf are read by
 * the `shapefile` package; the .dbf's encoding is resolved first (dbf-encoding.ts) and reported.
 * The .prj's text is handed on for the caller to resolve.
 */
import { unzipSync } from 'fflate';
import { open as openShapefile } from 'shapefile';
import { IngestError, MAX_UNZIPPED_BYTES } from './boundary-types';
import type { BoundaryFeature, FeatureNote, RawBoundaries, Reason } from './boundary-types';
import { resolveDbfEncoding, type DbfEncoding } from './dbf-encoding';
import { polygonsFromGeometry } from './geojson-read';
import { decodeText } from './text-encoding';

export interface ShapefileRead {
	raw: RawBoundaries;
	/** The layer read (its path in the zip without extension) and all layers found. */
	layer: string;
	layers: string[];
	encoding: DbfEncoding;
	/** The .prj's WKT, or null when the zip has none. */
	prj: string | null;
}

const PARTS = /\.(shp|shx|dbf|prj|cpg)$/i;

/**
 * fflate reads a name without the zip's UTF-8 flag as Latin-1; such a name from Chinese Windows
 * is GBK, so turn the characters back into bytes and decode them properly.
 */
export function decodeZipName(name: string): string {
	const chars = [...name].map((c) => c.charCodeAt(0));
	if (!chars.some((c) => c >= 0x80) || chars.some((c) => c > 0xff)) return name;
	return decodeText(Uint8Array.from(chars)).text;
}

function unzipParts(bytes: Uint8Array): Map<string, Uint8Array> {
	let total = 0;
	let files: Record<string, Uint8Array>;
	try {
		files = unzipSync(bytes, {
			filter: (f) => {
				const base = f.name.split('/').pop() ?? '';
				if (!PARTS.test(f.name) || f.name.startsWith('__MACOSX/') || base.startsWith('._'))
					return false;
				total += f.originalSize;
				if (total > MAX_UNZIPPED_BYTES) throw tooLarge();
				return true;
			}
		});
	} catch (e) {
		if (e instanceof IngestError) throw e;
		throw new IngestError(
			'corrupt',
			'压缩包无法解压（已损坏、不完整或不是 zip 文件）',
			'the archive cannot be unzipped (corrupt, incomplete or not a zip file)'
		);
	}
	return new Map(Object.entries(files).map(([name, data]) => [decodeZipName(name), data]));
}

const tooLarge = () =>
	new IngestError(
		'too-large',
		'压缩包解压后超过 1 GB，浏览器无法处理',
		'the archive unpacks to more than 1 GB, too large for the browser'
	);

const stem = (name: string) => name.replace(PARTS, '');
const ext = (name: string) => (PARTS.exec(name)?.[1] ?? '').toLowerCase();

/**
 * The file with this stem and extension; in a one-layer zip, else its only file with that
 * extension (a renamed .prj or .cpg), which with several layers could belong to another one.
 */
function partFor(
	files: Map<string, Uint8Array>,
	layer: string,
	extension: string,
	single: boolean
) {
	const all = [...files.entries()].filter(([n]) => ext(n) === extension);
	const own = all.find(([n]) => stem(n).toLowerCase() === layer.toLowerCase());
	return (own ?? (single && all.length === 1 ? all[0] : undefined))?.[1];
}

function pickLayer(layers: string[], wanted: string | undefined): string {
	if (layers.length === 0) {
		throw new IngestError(
			'missing-part',
			'压缩包中没有 .shp 文件',
			'the archive holds no .shp file'
		);
	}
	if (wanted) {
		const w = stem(wanted).toLowerCase();
		const hit = layers.find(
			(l) => l.toLowerCase() === w || l.split('/').pop()?.toLowerCase() === w
		);
		if (hit) return hit;
		throw new IngestError(
			'no-such-layer',
			`压缩包中没有图层「${wanted}」；有：${layers.join('、')}`,
			`the archive has no layer "${wanted}"; it has: ${layers.join(', ')}`,
			layers
		);
	}
	if (layers.length > 1) {
		throw new IngestError(
			'several-layers',
			`压缩包中有 ${layers.length} 个图层，请选择一个：${layers.join('、')}`,
			`the archive holds ${layers.length} layers; choose one: ${layers.join(', ')}`,
			layers
		);
	}
	return layers[0] as string;
}

/** Read one layer of a zipped shapefile. */
export async function readShapefileZip(
	bytes: Uint8Array,
	layerName?: string
): Promise<ShapefileRead> {
	const files = unzipParts(bytes);
	const layers = [...files.keys()]
		.filter((n) => ext(n) === 'shp')
		.map(stem)
		.sort();
	const layer = pickLayer(layers, layerName);
	const single = layers.length === 1;
	const shp = partFor(files, layer, 'shp', single) as Uint8Array;
	const dbf = partFor(files, layer, 'dbf', single);
	if (!dbf) {
		throw new IngestError(
			'missing-part',
			`图层「${layer}」缺少 .dbf 属性表文件`,
			`layer "${layer}" has no .dbf attribute file`
		);
	}
	const cpgBytes = partFor(files, layer, 'cpg', single);
	const prjBytes = partFor(files, layer, 'prj', single);
	const encoding = resolveDbfEncoding(dbf, cpgBytes ? decodeText(cpgBytes).text : null);
	let raw: RawBoundaries;
	try {
		raw = await readRecords(shp, dbf, encoding.encoding);
	} catch {
		throw new IngestError(
			'corrupt',
			`图层「${layer}」的 .shp 或 .dbf 已损坏，无法读取`,
			`the .shp or .dbf of layer "${layer}" is corrupt and cannot be read`
		);
	}
	if (encoding.note) raw.notes.push(encoding.note);
	const prj = prjBytes ? decodeText(prjBytes).text.trim() || null : null;
	return { raw, layer, layers, encoding, prj };
}

async function readRecords(
	shp: Uint8Array,
	dbf: Uint8Array,
	encoding: string
): Promise<RawBoundaries> {
	const source = await openShapefile(shp.slice(), dbf.slice(), { encoding });
	const features: BoundaryFeature[] = [];
	const skipped: FeatureNote[] = [];
	const notes: Reason[] = [];
	// Every record is at least 12 bytes; a corrupt header must not make this loop run forever.
	const limit = Math.floor(shp.length / 12) + 1;
	let featureIndex = 0;
	for (; featureIndex < limit; featureIndex++) {
		const { done, value } = await source.read();
		if (done) break;
		const r = polygonsFromGeometry(value.geometry);
		if ('skip' in r) skipped.push({ featureIndex, ...r.skip });
		else
			features.push({
				featureIndex,
				properties: { ...(value.properties ?? {}) },
				polygons: r.polygons
			});
	}
	const dbfRecords =
		dbf.length >= 8 ? new DataView(dbf.buffer, dbf.byteOffset, 8).getUint32(4, true) : 0;
	if (dbfRecords !== featureIndex) {
		notes.push({
			reason_zh: `.shp 有 ${featureIndex} 条记录，.dbf 有 ${dbfRecords} 条；属性按顺序对应`,
			reason_en: `the .shp has ${featureIndex} records and the .dbf ${dbfRecords}; attributes matched in order`
		});
	}
	return { features, skipped, rejected: [], total: featureIndex, notes };
}
