/**
 * One decision per file: which CRS its coordinates are in. A user's choice wins; then what the
 * file says (.prj, GeoJSON `crs`, GeoParquet PROJJSON); then the format's own rule (GeoJSON,
 * KML and GeoParquet without a CRS are lon/lat). What a file says is checked against its
 * coordinates, because it is often wrong: lon/lat declared over 8-digit eastings (an ArcGIS
 * export that kept the projection), or a projection declared over lon/lat. When nothing fits,
 * the import stops with a message asking for a .prj rather than putting villages in the sea.
 */
import type { Point } from '../geo/types';
import { IngestError, type Reason } from './boundary-types';
import { crsFromEpsg, crsFromName, guessCrsFromCoordinates, mostlyLonLat } from './crs-guess';
import { crsFromDefinition, geographicCrs, type CrsInfo } from './prj';

/** What the file itself said about its CRS, per format. */
export type DeclaredCrs =
	| { from: 'prj'; wkt: string | null }
	| { from: 'geojson'; name: string | null }
	| { from: 'kml' }
	| { from: 'geoparquet'; crs: unknown };

export interface ResolvedCrs {
	crs: CrsInfo;
	notes: Reason[];
}

const isObject = (v: unknown): v is Record<string, unknown> =>
	typeof v === 'object' && v !== null && !Array.isArray(v);

function fromUser(text: string): CrsInfo {
	const named = crsFromName(text);
	return named ? { ...named, how: 'user' } : crsFromDefinition(text.trim(), 'user');
}

/** PROJJSON (GeoParquet): its EPSG id if it has one we know, else proj4 reads it. */
function fromProjJson(crs: unknown): CrsInfo {
	const id = isObject(crs) ? crs.id : undefined;
	if (isObject(id) && String(id.authority).toUpperCase() === 'EPSG') {
		const known = crsFromEpsg(Number(id.code));
		if (known) return known;
	}
	if (
		isObject(id) &&
		String(id.authority).toUpperCase() === 'OGC' &&
		/CRS84/i.test(String(id.code))
	)
		return geographicCrs('WGS84', 'projjson');
	return crsFromDefinition(crs as object, 'projjson');
}

/** What the file declares, or null when it declares nothing. */
function declared(d: DeclaredCrs, notes: Reason[]): CrsInfo | null {
	if (d.from === 'kml') return geographicCrs('WGS84', 'format');
	if (d.from === 'geojson') {
		if (!d.name) return geographicCrs('WGS84', 'format');
		const crs = crsFromName(d.name);
		if (!crs) {
			notes.push({
				reason_zh: `GeoJSON 的 crs「${d.name}」无法识别，按坐标值判断`,
				reason_en: `the GeoJSON crs "${d.name}" is not known; judged from the coordinates`
			});
		}
		return crs;
	}
	if (d.from === 'geoparquet') {
		if (d.crs === undefined) return geographicCrs('WGS84', 'format');
		if (d.crs === null) return null;
		return fromProjJson(d.crs);
	}
	if (!d.wkt) return null;
	try {
		return crsFromDefinition(d.wkt, 'prj');
	} catch {
		notes.push({
			reason_zh: '.prj 文件无法解析，按坐标值判断坐标系',
			reason_en: 'the .prj cannot be parsed; the CRS was judged from the coordinates'
		});
		return null;
	}
}

/** Decide the CRS for a file's coordinates (a sample of them suffices). */
export function resolveCrs(d: DeclaredCrs, sample: Point[], userCrs?: string): ResolvedCrs {
	const notes: Reason[] = [];
	if (userCrs) return { crs: fromUser(userCrs), notes };
	const said = declared(d, notes);
	// No usable coordinate at all: nothing to judge by, and the geometry check rejects them anyway.
	if (sample.length === 0) return { crs: said ?? geographicCrs('CGCS2000', 'assumed'), notes };
	const geographicData = mostlyLonLat(sample);
	if (said && (said.kind === 'geographic') === geographicData) return { crs: said, notes };
	if (said && said.kind === 'projected' && geographicData) {
		notes.push({
			reason_zh: `文件声明为投影坐标（${said.name_zh}），但坐标值是经纬度；按经纬度读取`,
			reason_en: `the file declares a projection (${said.name_en}) but the coordinates are lon/lat; read as lon/lat`
		});
		return {
			crs: geographicCrs(said.datum === 'other' ? 'CGCS2000' : said.datum, 'guessed'),
			notes
		};
	}
	const guessed = guessCrsFromCoordinates(sample);
	if (guessed) {
		if (said) {
			notes.push({
				reason_zh: `文件声明为经纬度，但坐标值是投影坐标；推测为 ${guessed.name_zh}`,
				reason_en: `the file declares lon/lat but the coordinates are projected; guessed ${guessed.name_en}`
			});
		} else if (guessed.how === 'guessed') {
			notes.push({
				reason_zh: `没有坐标系定义，根据东坐标的带号推测为 ${guessed.name_zh}，请核对`,
				reason_en: `no CRS given; guessed ${guessed.name_en} from the easting's zone prefix; please check`
			});
		}
		return { crs: guessed, notes };
	}
	throw new IngestError(
		'unknown-crs',
		'无法确定坐标系：坐标是投影坐标，但没有可用的 .prj，东坐标也没有带号。请提供 .prj 文件或指定坐标系',
		'cannot tell the coordinate system: the coordinates are projected, there is no usable .prj and the eastings carry no zone prefix; add the .prj or choose the CRS'
	);
}
