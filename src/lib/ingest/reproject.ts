/**
 * Every coordinate to lon/lat (CGCS2000 ≈ WGS84, which the app's maps use). Geographic data
 * passes through; projected data goes through proj4 from the CRS the file named or the guess.
 * One real-world slip is repaired here rather than failing the import: a `.prj` without the zone
 * prefix (false easting 500000) on coordinates that carry it (36xxxxxx), or the reverse; the
 * prefix is read off the data and the report says so. Web maps' GCJ-02 (and Baidu's BD-09)
 * offsets are undone with gcoord on request only, since nothing in a file says it was shifted.
 */
import gcoord from 'gcoord';
import proj4 from 'proj4';
import type { Point, Polygons } from '../geo/types';
import type { BoundaryFeature, Reason } from './boundary-types';
import type { CrsInfo } from './prj';

export interface ReprojectOptions {
	/** Undo the offset of Chinese web maps: GCJ-02 (AMap, Tencent) or BD-09 (Baidu). */
	correctFrom?: 'gcj02' | 'bd09';
}

export interface Reprojected {
	features: BoundaryFeature[];
	notes: Reason[];
}

const median = (values: number[]) => {
	const sorted = [...values].sort((a, b) => a - b);
	return sorted[Math.floor(sorted.length / 2)] ?? NaN;
};

/** Up to ~2,000 coordinates spread over all features, for deciding things about the data. */
export function samplePoints(features: readonly BoundaryFeature[], limit = 2000): Point[] {
	const all = features.flatMap((f) => f.polygons.flat(2));
	const step = Math.max(1, Math.floor(all.length / limit));
	return all.filter((p, i) => i % step === 0 && Number.isFinite(p[0]) && Number.isFinite(p[1]));
}

/** Easting shift that reconciles the zone prefix of the data with the CRS's false easting. */
function prefixShift(crs: CrsInfo, sample: Point[]): { shift: number; note?: Reason } {
	const gk = crs.gaussKruger;
	if (!gk || sample.length === 0) return { shift: 0 };
	const easting = median(sample.map((p) => (crs.swapAxes ? p[1] : p[0])));
	if (gk.zone === null && easting >= 1e7 && easting < 1e8) {
		const zone = Math.floor(easting / 1e6);
		return {
			shift: -zone * 1e6,
			note: {
				reason_zh: `坐标东值带有带号 ${zone}，坐标系定义中没有；已按中央经线 ${gk.centralMeridian}°E 去掉带号换算`,
				reason_en: `the eastings carry zone prefix ${zone} but the CRS has none; the prefix was removed (central meridian ${gk.centralMeridian}°E)`
			}
		};
	}
	if (gk.zone !== null && easting > 0 && easting < 1e6) {
		return {
			shift: gk.zone * 1e6,
			note: {
				reason_zh: `坐标系定义含带号 ${gk.zone}，坐标东值没有；已补上带号换算`,
				reason_en: `the CRS has zone prefix ${gk.zone} but the eastings do not; the prefix was added`
			}
		};
	}
	const dataZone = Math.floor(easting / 1e6);
	if (gk.zone !== null && easting >= 1e7 && dataZone !== gk.zone) {
		// Both carry a prefix and they differ: one of them is wrong, and nothing says which.
		return {
			shift: 0,
			note: {
				reason_zh: `坐标东值的带号 ${dataZone} 与坐标系定义的第 ${gk.zone} 带不一致；已按坐标系定义换算，请核对位置`,
				reason_en: `the eastings' zone prefix ${dataZone} differs from the CRS's zone ${gk.zone}; converted as the CRS says, please check the result`
			}
		};
	}
	return { shift: 0 };
}

function converterFor(crs: CrsInfo, shift: number): (p: Point) => Point {
	if (crs.kind === 'geographic' && !crs.swapAxes) return (p) => p;
	const converter = crs.kind === 'geographic' ? null : proj4(crs.definition as string, 'WGS84');
	const forward = (q: number[]): number[] => (converter ? converter.forward(q) : q);
	return ([x, y]) => {
		const [e, n] = crs.swapAxes ? [y, x] : [x, y];
		try {
			const out = forward([e + shift, n]);
			return [out[0] ?? NaN, out[1] ?? NaN];
		} catch {
			return [NaN, NaN];
		}
	};
}

function corrector(from: ReprojectOptions['correctFrom']): ((p: Point) => Point) | null {
	if (!from) return null;
	const source = from === 'bd09' ? gcoord.BD09 : gcoord.GCJ02;
	return (p) => {
		if (!Number.isFinite(p[0]) || !Number.isFinite(p[1])) return p;
		const out = gcoord.transform(p, source, gcoord.WGS84) as number[];
		return [out[0] ?? NaN, out[1] ?? NaN];
	};
}

/** Reproject every feature's coordinates to lon/lat; the input is not changed. */
export function reprojectFeatures(
	features: readonly BoundaryFeature[],
	crs: CrsInfo,
	options: ReprojectOptions = {}
): Reprojected {
	const notes: Reason[] = [];
	const { shift, note } = prefixShift(crs, samplePoints(features));
	if (note) notes.push(note);
	if (crs.datum === 'Xian1980' || crs.datum === 'Beijing1954') {
		notes.push({
			reason_zh: `${crs.datum === 'Xian1980' ? '西安80' : '北京54'}坐标未做基准转换，位置可能偏差数十至百余米`,
			reason_en: `no datum shift applied to ${crs.datum === 'Xian1980' ? "Xi'an 1980" : 'Beijing 1954'}; positions may be off by tens of metres to over 100 m`
		});
	}
	const convert = converterFor(crs, shift);
	const correct = corrector(options.correctFrom);
	if (correct) {
		notes.push({
			reason_zh: `已将${options.correctFrom === 'bd09' ? '百度 BD-09' : 'GCJ-02（火星坐标）'}纠正为 WGS84`,
			reason_en: `${options.correctFrom === 'bd09' ? 'BD-09' : 'GCJ-02'} offsets corrected to WGS84`
		});
	}
	const point = correct ? (p: Point) => correct(convert(p)) : convert;
	const out = features.map((f) => ({
		...f,
		polygons: f.polygons.map((polygon) => polygon.map((ring) => ring.map(point))) as Polygons
	}));
	return { features: out, notes };
}
