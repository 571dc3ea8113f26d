/**
 * Import one boundary file: pick the reader by type (zipped shapefile, GeoJSON, KML/KMZ,
 * GeoParquet), decide the CRS, reproject to lon/lat, check every geometry, and report what
 * happened to every record — imported, fixed, repaired, skipped (not a polygon) or rejected, each
 * with its reason — along with the encoding and the CRS and how they were found. Nothing thrown
 * inside escapes: every failure becomes an error result with a plain zh/en message, so the
 * import worker can always answer the page.
 */
import { detectFormat, type BoundaryFormat } from './boundary-format';
import { IngestError } from './boundary-types';
import type { BoundaryFeature, FeatureNote, RawBoundaries, Reason } from './boundary-types';
import { resolveCrs, type DeclaredCrs } from './crs-resolve';
import { readGeoJson } from './geojson-read';
import { readGeoParquet } from './geoparquet-read';
import { checkFeatures } from './geometry-check';
import { readKml, readKmz } from './kml-read';
import type { CrsHow, Datum } from './prj';
import { reprojectFeatures, samplePoints, type ReprojectOptions } from './reproject';
import { readShapefileZip } from './shapefile-zip';

export { detectFormat, type BoundaryFormat };

export interface BoundaryImportOptions extends ReprojectOptions {
	/** Which layer of a zip with several shapefiles (its name, with or without folder). */
	layer?: string;
	/** Override the file's CRS: 'EPSG:4524', a WKT or a proj4 string. */
	crs?: string;
}

export interface BoundaryReport {
	fileName: string;
	format: BoundaryFormat;
	layer?: string;
	layers?: string[];
	/** Records in the file; = imported + skipped + rejected. */
	featuresRead: number;
	imported: number;
	skipped: FeatureNote[];
	fixed: FeatureNote[];
	repaired: FeatureNote[];
	rejected: FeatureNote[];
	windingFixed: number;
	encoding: { name: string; source: 'cpg' | 'language-driver' | 'detected' | 'format' } | null;
	crs: {
		kind: 'geographic' | 'projected';
		datum: Datum;
		how: CrsHow;
		name_zh: string;
		name_en: string;
	};
	notes: Reason[];
}

export interface BoundaryImportError extends Reason {
	kind: string;
	fileName: string;
	/** The layers of a zip, when the error asks the user to choose one. */
	layers?: string[];
	/** The underlying message, for a developer; not for the user. */
	detail?: string;
}

export type BoundaryImport =
	| { ok: true; features: BoundaryFeature[]; report: BoundaryReport }
	| { ok: false; error: BoundaryImportError };

interface Read {
	raw: RawBoundaries;
	declared: DeclaredCrs;
	encoding: BoundaryReport['encoding'];
	layer?: string;
	layers?: string[];
}

async function readByFormat(
	format: BoundaryFormat,
	bytes: Uint8Array,
	layer?: string
): Promise<Read> {
	if (format === 'shapefile') {
		const r = await readShapefileZip(bytes, layer);
		const encoding = { name: r.encoding.encoding, source: r.encoding.source };
		const declared: DeclaredCrs = { from: 'prj', wkt: r.prj };
		return { raw: r.raw, declared, encoding, layer: r.layer, layers: r.layers };
	}
	if (format === 'geojson') {
		const r = readGeoJson(bytes);
		const encoding = { name: r.encoding, source: 'detected' as const };
		return { raw: r.raw, declared: { from: 'geojson', name: r.crsName }, encoding };
	}
	if (format === 'kml' || format === 'kmz') {
		const r = format === 'kml' ? readKml(bytes) : readKmz(bytes);
		return {
			raw: r.raw,
			declared: { from: 'kml' },
			encoding: { name: r.encoding, source: 'detected' }
		};
	}
	const r = await readGeoParquet(bytes);
	const encoding = { name: 'utf-8', source: 'format' as const };
	return { raw: r.raw, declared: { from: 'geoparquet', crs: r.crs }, encoding };
}

async function importBoundaries(
	fileName: string,
	bytes: Uint8Array,
	options: BoundaryImportOptions
): Promise<BoundaryImport> {
	if (bytes.length === 0) throw new IngestError('empty', '文件是空的', 'the file is empty');
	const format = detectFormat(fileName, bytes);
	const read = await readByFormat(format, bytes, options.layer);
	const { raw } = read;
	if (raw.total === 0) {
		throw new IngestError('empty', '文件中没有任何要素', 'the file holds no features');
	}
	const { crs, notes: crsNotes } = resolveCrs(
		read.declared,
		samplePoints(raw.features),
		options.crs
	);
	const projected = reprojectFeatures(raw.features, crs, options);
	const checked = checkFeatures(projected.features);
	const byIndex = (a: FeatureNote, b: FeatureNote) => a.featureIndex - b.featureIndex;
	const report: BoundaryReport = {
		fileName,
		format,
		...(read.layer !== undefined ? { layer: read.layer, layers: read.layers } : {}),
		featuresRead: raw.total,
		imported: checked.features.length,
		skipped: raw.skipped,
		fixed: checked.fixed,
		repaired: checked.repaired,
		rejected: [...raw.rejected, ...checked.rejected].sort(byIndex),
		windingFixed: checked.windingFixed,
		encoding: read.encoding,
		crs: {
			kind: crs.kind,
			datum: crs.datum,
			how: crs.how,
			name_zh: crs.name_zh,
			name_en: crs.name_en
		},
		notes: [...raw.notes, ...crsNotes, ...projected.notes]
	};
	return { ok: true, features: checked.features, report };
}

/** Read, reproject and check one boundary file; never throws. */
export async function readBoundaryFile(
	fileName: string,
	bytes: Uint8Array,
	options: BoundaryImportOptions = {}
): Promise<BoundaryImport> {
	try {
		return await importBoundaries(fileName, bytes, options);
	} catch (e) {
		if (e instanceof IngestError) {
			const error: BoundaryImportError = {
				kind: e.kind,
				fileName,
				reason_zh: e.reason_zh,
				reason_en: e.reason_en
			};
			if (e.layers) error.layers = e.layers;
			return { ok: false, error };
		}
		return {
			ok: false,
			error: {
				kind: 'corrupt',
				fileName,
				reason_zh: '文件无法读取：可能已损坏、不完整或格式不对',
				reason_en:
					'the file cannot be read: it may be corrupt, incomplete or not in the expected format',
				detail: e instanceof Error ? e.message : String(e)
			}
		};
	}
}
