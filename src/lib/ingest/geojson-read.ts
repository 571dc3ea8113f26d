/**
 * GeoJSON in, boundary features out. Also the converter from a GeoJSON geometry to our nested
 * polygons, which the KML and GeoParquet readers share, so every format treats points, lines
 * and mixed collections the same way: a record without a polygon is skipped with a reason, and
 * malformed coordinates become NaN for the geometry check to reject, rather than vanishing.
 * Chinese GeoJSON files are not always UTF-8 (ArcGIS exports in the system code page), so the
 * bytes go through decodeText (strict UTF-8, else GB18030).
 */
import type { Point, Polygon, Polygons, Ring } from '../geo/types';
import {
	IngestError,
	type BoundaryFeature,
	type FeatureNote,
	type RawBoundaries,
	type Reason
} from './boundary-types';
import { decodeText } from './text-encoding';

const KIND_ZH: Record<string, string> = {
	Point: '点',
	MultiPoint: '多点',
	LineString: '线',
	MultiLineString: '多线'
};

const isObject = (v: unknown): v is Record<string, unknown> =>
	typeof v === 'object' && v !== null && !Array.isArray(v);

function toPoint(p: unknown): Point {
	if (Array.isArray(p) && typeof p[0] === 'number' && typeof p[1] === 'number') return [p[0], p[1]];
	return [NaN, NaN];
}

const toRing = (r: unknown): Ring => (Array.isArray(r) ? r.map(toPoint) : []);
const toPolygon = (p: unknown): Polygon => (Array.isArray(p) ? p.map(toRing) : []);

export type GeometryResult = { polygons: Polygons } | { skip: Reason };

/** Polygon and MultiPolygon (and the polygons of a GeometryCollection); anything else skipped. */
export function polygonsFromGeometry(geometry: unknown): GeometryResult {
	if (!isObject(geometry)) return { skip: { reason_zh: '无几何', reason_en: 'no geometry' } };
	const type = String(geometry.type);
	if (type === 'Polygon') return { polygons: [toPolygon(geometry.coordinates)] };
	if (type === 'MultiPolygon') {
		const c = geometry.coordinates;
		return { polygons: Array.isArray(c) ? c.map(toPolygon) : [] };
	}
	if (type === 'GeometryCollection' && Array.isArray(geometry.geometries)) {
		const polygons: Polygons = [];
		const others: string[] = [];
		for (const member of geometry.geometries) {
			const r = polygonsFromGeometry(member);
			if ('polygons' in r) polygons.push(...r.polygons);
			else others.push(isObject(member) ? String(member.type) : 'null');
		}
		if (polygons.length) return { polygons };
		return {
			skip: {
				reason_zh: `几何集合中没有面（${others.join('、')}）`,
				reason_en: `geometry collection without polygons (${others.join(', ')})`
			}
		};
	}
	const zh = KIND_ZH[type] ?? type;
	return {
		skip: {
			reason_zh: `${zh}要素，不是面，未导入`,
			reason_en: `a ${type}, not a polygon; not imported`
		}
	};
}

/** GeoJSON-like features (from any reader) → raw boundaries, every record accounted for. */
export function rawFromFeatures(features: readonly unknown[]): RawBoundaries {
	const out: BoundaryFeature[] = [];
	const skipped: FeatureNote[] = [];
	features.forEach((f, featureIndex) => {
		const feature = isObject(f) ? f : {};
		const r = polygonsFromGeometry(feature.geometry);
		if ('skip' in r) {
			skipped.push({ featureIndex, ...r.skip });
			return;
		}
		const properties = isObject(feature.properties) ? { ...feature.properties } : {};
		out.push({ featureIndex, properties, polygons: r.polygons });
	});
	return { features: out, skipped, rejected: [], total: features.length, notes: [] };
}

export interface GeoJsonRead {
	raw: RawBoundaries;
	/** The legacy `crs` member's name (e.g. 'urn:ogc:def:crs:EPSG::4524'), if the file has one. */
	crsName: string | null;
	encoding: string;
}

/** Parse a GeoJSON file: a FeatureCollection, one Feature, or a bare geometry. */
export function readGeoJson(bytes: Uint8Array): GeoJsonRead {
	const { text, encoding } = decodeText(bytes);
	let doc: unknown;
	try {
		doc = JSON.parse(text);
	} catch {
		throw new IngestError(
			'corrupt',
			'GeoJSON 文件无法解析（不是有效的 JSON，可能已损坏或不完整）',
			'the GeoJSON file cannot be parsed (not valid JSON; corrupt or incomplete?)'
		);
	}
	if (!isObject(doc)) throw notGeoJson();
	let features: unknown[];
	if (doc.type === 'FeatureCollection' && Array.isArray(doc.features)) features = doc.features;
	else if (doc.type === 'Feature') features = [doc];
	else if (typeof doc.type === 'string' && ('coordinates' in doc || 'geometries' in doc))
		features = [{ type: 'Feature', properties: {}, geometry: doc }];
	else throw notGeoJson();
	const crs = doc.crs;
	const crsName =
		isObject(crs) && isObject(crs.properties) && typeof crs.properties.name === 'string'
			? crs.properties.name
			: null;
	return { raw: rawFromFeatures(features), crsName, encoding };
}

function notGeoJson(): IngestError {
	return new IngestError(
		'unsupported',
		'JSON 文件不是 GeoJSON（缺少 FeatureCollection、Feature 或几何）',
		'the JSON file is not GeoJSON (no FeatureCollection, Feature or geometry)'
	);
}
