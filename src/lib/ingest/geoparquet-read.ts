/**
 * GeoParquet in, boundary features out, read in JavaScript with hyparquet because the app's
 * DuckDB cannot load its Parquet extension offline. The `geo` key of the file metadata names the
 * geometry column, its encoding (only WKB is read) and its CRS (absent means OGC:CRS84, null
 * means "unknown", otherwise PROJJSON), which the caller resolves. 2-D polygons decode with our
 * own WKB reader (geo/wkb.ts); other geometries (points, lines, Z/M) go through hyparquet's WKB
 * reader and the shared GeoJSON converter, so they are skipped or flattened the same way.
 */
import { gunzipSync } from 'fflate';
import { parquetMetadata, parquetReadObjects, parquetSchema } from 'hyparquet';
import { wkbToGeojson } from 'hyparquet/src/wkb.js';
import { decodeWkb } from '../geo/wkb';
import { IngestError } from './boundary-types';
import type { BoundaryFeature, FeatureNote, RawBoundaries, Reason } from './boundary-types';
import { polygonsFromGeometry } from './geojson-read';
import { decodeText } from './text-encoding';

export interface GeoParquetRead {
	raw: RawBoundaries;
	geometryColumn: string;
	/** undefined: the metadata has no `crs` (CRS84 by the spec); null: said to be unknown. */
	crs: unknown;
}

const MAGIC = [0x50, 0x41, 0x52, 0x31]; // 'PAR1'

const corrupt = () =>
	new IngestError(
		'corrupt',
		'Parquet 文件无法读取（已损坏或不完整）',
		'the Parquet file cannot be read (corrupt or incomplete)'
	);

const isObject = (v: unknown): v is Record<string, unknown> =>
	typeof v === 'object' && v !== null && !Array.isArray(v);

/** The geometry column and its GeoParquet column metadata, or a guess when `geo` is missing. */
function geometryColumn(kv: { key: string; value?: string }[], names: string[]) {
	const geoText = kv.find((e) => e.key === 'geo')?.value;
	if (!geoText) {
		const name = names.find((n) => /^(geometry|geom|wkb_geometry|the_geom|shape)$/i.test(n));
		if (!name) {
			throw new IngestError(
				'unsupported',
				'Parquet 文件没有 GeoParquet 元数据，也没有名为 geometry 的列',
				'the Parquet file has no GeoParquet metadata and no column named geometry'
			);
		}
		return { name, column: {} as Record<string, unknown>, guessed: true };
	}
	let geo: unknown;
	try {
		geo = JSON.parse(geoText);
	} catch {
		throw corrupt();
	}
	const columns = isObject(geo) && isObject(geo.columns) ? geo.columns : {};
	const primary = isObject(geo) && typeof geo.primary_column === 'string' ? geo.primary_column : '';
	const name = primary in columns ? primary : Object.keys(columns)[0];
	const column = name ? columns[name] : undefined;
	if (!name || !isObject(column)) throw corrupt();
	const encoding = String(column.encoding ?? '');
	if (encoding.toUpperCase() !== 'WKB') {
		throw new IngestError(
			'unsupported',
			`GeoParquet 几何编码 ${encoding} 暂不支持（仅支持 WKB）`,
			`GeoParquet geometry encoding ${encoding} is not supported (WKB only)`
		);
	}
	return { name, column, guessed: false };
}

/**
 * hyparquet reads every column chunk at once and awaits only those it can place in the schema;
 * a corrupt chunk path (unknown, or twice the same) would leave a read whose failure nobody
 * awaits — an unhandled rejection in the worker. Such a footer is refused up front.
 */
function checkChunks(
	groups: { columns: { meta_data?: { path_in_schema: string[] } }[] }[],
	names: string[]
) {
	for (const group of groups) {
		const seen = new Set<string>();
		for (const chunk of group.columns) {
			const path = chunk.meta_data?.path_in_schema ?? [];
			const key = path.join('.');
			if (!names.includes(path[0] ?? '') || seen.has(key)) throw new Error('corrupt column chunk');
			seen.add(key);
		}
	}
}

/** Decode one WKB value; our decoder for 2-D polygons, hyparquet's for anything else. */
function geometryOf(bytes: Uint8Array) {
	const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
	const type = view.getUint32(1, view.getUint8(0) === 1);
	if (type === 3 || type === 6) return { polygons: decodeWkb(bytes) };
	return polygonsFromGeometry(wkbToGeojson({ view, offset: 0 }));
}

/** Parquet values as plain JSON-able properties: BigInt to number (or text), bytes to text. */
function plainValue(v: unknown): unknown {
	if (typeof v === 'bigint') return Number.isSafeInteger(Number(v)) ? Number(v) : v.toString();
	if (v instanceof Uint8Array) return decodeText(v).text;
	return v;
}

export async function readGeoParquet(bytes: Uint8Array): Promise<GeoParquetRead> {
	const n = bytes.length;
	if (n < 12 || MAGIC.some((b, i) => bytes[i] !== b || bytes[n - 4 + i] !== b)) throw corrupt();
	const file = bytes.slice().buffer;
	let metadata;
	let names: string[];
	try {
		metadata = parquetMetadata(file, { geoparquet: false });
		names = parquetSchema(metadata).children.map((c) => c.element.name);
		checkChunks(metadata.row_groups, names);
	} catch {
		throw corrupt();
	}
	const geom = geometryColumn(metadata.key_value_metadata ?? [], names);
	let rows: Record<string, unknown>[];
	try {
		rows = await parquetReadObjects({
			file,
			metadata,
			columns: names,
			utf8: false,
			geoparquet: false,
			// GDAL and geopandas write Snappy (built in) or, on request, gzip; zstd is refused.
			compressors: { GZIP: (input: Uint8Array) => gunzipSync(input) }
		});
	} catch (e) {
		if (e instanceof Error && /unsupported compression/.test(e.message)) {
			throw new IngestError(
				'unsupported',
				'Parquet 文件的压缩方式暂不支持（请用 Snappy 或 gzip 压缩另存）',
				'the Parquet compression is not supported (save it again with Snappy or gzip)'
			);
		}
		throw corrupt();
	}
	const features: BoundaryFeature[] = [];
	const skipped: FeatureNote[] = [];
	const rejected: FeatureNote[] = [];
	rows.forEach((row, featureIndex) => {
		const value = row[geom.name];
		let result: { polygons: BoundaryFeature['polygons'] } | { skip: Reason };
		try {
			result =
				value instanceof Uint8Array
					? geometryOf(value)
					: { skip: { reason_zh: '无几何', reason_en: 'no geometry' } };
		} catch {
			rejected.push({
				featureIndex,
				reason_zh: 'WKB 几何已损坏',
				reason_en: 'corrupt WKB geometry'
			});
			return;
		}
		if ('skip' in result) {
			skipped.push({ featureIndex, ...result.skip });
			return;
		}
		const properties: Record<string, unknown> = {};
		for (const [k, v] of Object.entries(row)) if (k !== geom.name) properties[k] = plainValue(v);
		features.push({ featureIndex, properties, polygons: result.polygons });
	});
	const notes: Reason[] = geom.guessed
		? [
				{
					reason_zh: `没有 GeoParquet 元数据，按 WKB 读取 ${geom.name} 列`,
					reason_en: `no GeoParquet metadata; column ${geom.name} read as WKB`
				}
			]
		: [];
	return {
		raw: { features, skipped, rejected, total: rows.length, notes },
		geometryColumn: geom.name,
		crs: 'crs' in geom.column ? geom.column.crs : undefined
	};
}
