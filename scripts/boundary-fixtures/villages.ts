/**
 * The villages the boundary fixtures are made of: real codes and names of the default county
 * 紫阳县 (610924) with their committed outlines, read from static/data/610924 (region.arrow and
 * boundary.arrow, WKB decoded by the app's own decoder). Ten villages spread over the county,
 * one of them a multipolygon, so the fixtures stay small but cover more than one shape kind.
 */
import { readFileSync } from 'node:fs';
import { tableFromIPC } from 'apache-arrow';
import type { Polygons } from '../../src/lib/geo/types';
import { decodeWkb } from '../../src/lib/geo/wkb';

export interface FixtureVillage {
	code: string;
	name: string;
	township: string;
	polygons: Polygons;
}

interface RegionRow {
	code: string;
	name: string;
	level: string;
	parent_code: string;
}

export function loadFixtureVillages(dir = 'static/data/610924', count = 10): FixtureVillage[] {
	const region = tableFromIPC(readFileSync(`${dir}/region.arrow`));
	const rows = new Map<string, RegionRow>();
	for (const row of region) {
		const r = row.toJSON() as unknown as RegionRow;
		rows.set(r.code, r);
	}
	const boundary = tableFromIPC(readFileSync(`${dir}/boundary.arrow`));
	const all: FixtureVillage[] = [];
	for (const row of boundary) {
		const b = row.toJSON() as { code: string; geom_wkb: Uint8Array };
		const r = rows.get(b.code);
		if (!r || r.level !== 'village') continue;
		const township = rows.get(r.parent_code)?.name ?? '';
		all.push({ code: r.code, name: r.name, township, polygons: decodeWkb(b.geom_wkb) });
	}
	all.sort((a, b) => a.code.localeCompare(b.code));
	const multi = all.find((v) => v.polygons.length > 1);
	const step = Math.floor(all.length / count);
	const picked = all
		.filter((v, i) => i % step === 0 && v !== multi)
		.slice(0, multi ? count - 1 : count);
	return multi ? [multi, ...picked] : picked;
}
