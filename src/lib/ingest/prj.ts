/**
 * What a boundary file's coordinate reference system is, in the terms a county office uses:
 * geographic CGCS2000 / WGS84 lon/lat (kept as they are), or a Gauss-Krüger projection of
 * CGCS2000, Xi'an 1980 or Beijing 1954, in a 3° or 6° zone, with or without the zone number in
 * front of the easting (36500000 vs 500000). proj4 parses the `.prj` WKT (ESRI's and OGC's
 * flavours, PROJJSON too); this module reads back what proj4 understood and names it, and builds
 * the proj4 definition for a Gauss-Krüger zone known by number (an EPSG code or a guess).
 */
import proj4 from 'proj4';
import { IngestError } from './boundary-types';

export type Datum = 'CGCS2000' | 'WGS84' | 'Xian1980' | 'Beijing1954' | 'other';
/** Where the CRS came from: a .prj, an EPSG code, PROJJSON, the format's rule, a guess, the user. */
export type CrsHow = 'prj' | 'epsg' | 'projjson' | 'format' | 'assumed' | 'guessed' | 'user';

export interface GaussKruger {
	centralMeridian: number;
	falseEasting: number;
	/** 3 or 6 when the name or the zone number tells; null when it cannot be told. */
	zoneWidth: 3 | 6 | null;
	/** The zone number carried in the false easting (36500000 → 36); null without a prefix. */
	zone: number | null;
}

export interface CrsInfo {
	kind: 'geographic' | 'projected';
	datum: Datum;
	name_zh: string;
	name_en: string;
	/** What proj4 is given: the file's WKT, a PROJJSON object, or a proj string built here. */
	definition: string | object;
	gaussKruger: GaussKruger | null;
	how: CrsHow;
	/** Northing stored first (x = northing), as some survey exports do. */
	swapAxes?: boolean;
}

const DATUM_ZH: Record<Datum, string> = {
	CGCS2000: 'CGCS2000',
	WGS84: 'WGS84',
	Xian1980: '西安80',
	Beijing1954: '北京54',
	other: '其他基准'
};
const DATUM_EN: Record<Datum, string> = {
	CGCS2000: 'CGCS2000',
	WGS84: 'WGS84',
	Xian1980: "Xi'an 1980",
	Beijing1954: 'Beijing 1954',
	other: 'other datum'
};

/** proj4 strings for each datum's ellipsoid (no datum shift is known for Xi'an 80 / Beijing 54). */
export const ELLIPSOID: Record<Datum, string> = {
	CGCS2000: '+ellps=GRS80',
	WGS84: '+datum=WGS84',
	Xian1980: '+a=6378140 +rf=298.257',
	Beijing1954: '+ellps=krass',
	other: '+ellps=GRS80'
};

/** The zone width a zone number implies: 6° zones in China are 13–23, 3° zones 24–45. */
export function zoneWidthOf(zone: number): 3 | 6 | null {
	if (zone >= 13 && zone <= 23) return 6;
	if (zone >= 24 && zone <= 45) return 3;
	return null;
}

/** Central meridian of a zone: 6° zone n → 6n − 3, 3° zone n → 3n. */
export const centralMeridianOf = (zone: number, width: 3 | 6) =>
	width === 6 ? zone * 6 - 3 : zone * 3;

function datumOf(a: number, rf: number, name: string): Datum {
	if (Math.abs(a - 6378245) < 1) return 'Beijing1954';
	if (Math.abs(a - 6378140) < 1) return 'Xian1980';
	if (Math.abs(a - 6378137) < 1) {
		if (Math.abs(rf - 298.257223563) < 1e-6) return 'WGS84';
		if (Math.abs(rf - 298.257222101) < 1e-6)
			return /2000|china|cgcs/i.test(name) ? 'CGCS2000' : 'other';
	}
	return /wgs.?84/i.test(name) ? 'WGS84' : 'other';
}

/** The zh/en names of a CRS, as the import report shows them. */
export function nameCrs(datum: Datum, gk: GaussKruger | null, other?: string) {
	if (!gk) {
		if (other) return { name_zh: `${DATUM_ZH[datum]} 投影坐标（${other}）`, name_en: other };
		return {
			name_zh: `${DATUM_ZH[datum]} 地理坐标（经纬度）`,
			name_en: `${DATUM_EN[datum]} geographic (lon/lat)`
		};
	}
	const width = gk.zoneWidth ? `${gk.zoneWidth}度带` : '';
	const zone = gk.zone !== null ? ` 第${gk.zone}带` : '';
	const prefix = gk.zone !== null ? '，东坐标含带号' : '';
	const widthEn = gk.zoneWidth ? `${gk.zoneWidth}-degree ` : '';
	const zoneEn = gk.zone !== null ? ` zone ${gk.zone}` : '';
	const prefixEn = gk.zone !== null ? ', zone prefix in the easting' : '';
	return {
		name_zh: `${DATUM_ZH[datum]} ${width}高斯-克吕格投影${zone}（中央经线 ${gk.centralMeridian}°E${prefix}）`,
		name_en: `${DATUM_EN[datum]} ${widthEn}Gauss-Krüger${zoneEn} (central meridian ${gk.centralMeridian}°E${prefixEn})`
	};
}

type ProjFields = Record<string, unknown>;
const num = (v: unknown, fallback = NaN) => (typeof v === 'number' ? v : fallback);

/** Parse a WKT (.prj), PROJJSON or proj string with proj4 and say what it is. */
export function crsFromDefinition(definition: string | object, how: CrsHow): CrsInfo {
	let proj: ProjFields;
	try {
		proj = new proj4.Proj(definition as string) as unknown as ProjFields;
	} catch {
		throw new IngestError(
			'unknown-crs',
			'无法识别坐标系定义（.prj 文件内容无法解析）',
			'the coordinate system definition (.prj) cannot be understood'
		);
	}
	const projName = String(proj.projName ?? '');
	const text = typeof definition === 'string' ? definition : JSON.stringify(definition);
	const label = String(proj.srsCode ?? proj.name ?? proj.title ?? '');
	const datum = datumOf(
		num(proj.a),
		num(proj.rf),
		`${label} ${String(proj.datumCode ?? '')} ${text}`
	);
	if (projName === 'longlat' || projName === 'lnglat') {
		return {
			kind: 'geographic',
			datum,
			...nameCrs(datum, null),
			definition,
			gaussKruger: null,
			how
		};
	}
	let gaussKruger: GaussKruger | null = null;
	const tmerc = /tmerc|transverse|gauss/i.test(projName);
	if (tmerc && Math.abs(num(proj.k0, 1) - 1) < 1e-9 && num(proj.lat0, 0) === 0) {
		const falseEasting = num(proj.x0, 0);
		const centralMeridian = Math.round(((num(proj.long0, 0) * 180) / Math.PI) * 1e6) / 1e6;
		const prefix = falseEasting >= 1e6 ? Math.floor(falseEasting / 1e6) : null;
		let zoneWidth: 3 | 6 | null = /(^|[^0-9])3[_ -]?deg|3度/i.test(text)
			? 3
			: /(^|[^0-9])6[_ -]?deg|6度/i.test(text)
				? 6
				: prefix !== null
					? zoneWidthOf(prefix)
					: null;
		if (zoneWidth === null && centralMeridian % 6 !== 3) zoneWidth = 3;
		gaussKruger = { centralMeridian, falseEasting, zoneWidth, zone: prefix };
	}
	const names = nameCrs(datum, gaussKruger, gaussKruger ? undefined : label || projName);
	return { kind: 'projected', datum, ...names, definition, gaussKruger, how };
}

/** A Gauss-Krüger zone as proj4 wants it; `zone` set means the easting carries the prefix. */
export function gaussKrugerCrs(
	centralMeridian: number,
	zoneWidth: 3 | 6 | null,
	zone: number | null,
	datum: Datum,
	how: CrsHow
): CrsInfo {
	const falseEasting = (zone ?? 0) * 1e6 + 500000;
	const gk: GaussKruger = { centralMeridian, falseEasting, zoneWidth, zone };
	const definition =
		`+proj=tmerc +lat_0=0 +lon_0=${centralMeridian} +k=1 +x_0=${falseEasting} +y_0=0 ` +
		`${ELLIPSOID[datum]} +units=m +no_defs`;
	return { kind: 'projected', datum, ...nameCrs(datum, gk), definition, gaussKruger: gk, how };
}

/** Geographic lon/lat on a datum, as proj4 wants it. */
export function geographicCrs(datum: Datum, how: CrsHow): CrsInfo {
	const definition = `+proj=longlat ${ELLIPSOID[datum]} +no_defs`;
	return { kind: 'geographic', datum, ...nameCrs(datum, null), definition, gaussKruger: null, how };
}
