/**
 * Named SQL: chosen indicators of every village and community for chosen years, with the unit's
 * name, township and label point — the planner's input for the composite score (this year and
 * last) and for pairing (strong villages by collective income, distances between label points).
 */
import type { Connector } from '../connector';
import { columnValues } from '../arrow-columns';

export const VILLAGE_VALUES_SQL = `SELECT v.code, v.name, v.township, v.lon, v.lat, i.year, i.key, i.value
  FROM v_village v
  LEFT JOIN indicator i ON i.code = v.code
    AND list_contains(string_split($1, ','), i.key)
    AND list_contains(string_split($2, ','), CAST(i.year AS VARCHAR))
  ORDER BY v.code`;

export interface VillageValues {
	codes: string[];
	names: string[];
	townships: string[];
	lon: number[];
	lat: number[];
	/** `values.get(year)?.get(key)` → one value per unit in `codes` order (null: no value). */
	values: Map<number, Map<string, (number | null)[]>>;
}

export async function queryVillageValues(
	db: Connector,
	keys: readonly string[],
	years: readonly number[]
): Promise<VillageValues> {
	const t = await db.query(VILLAGE_VALUES_SQL, [keys.join(','), years.join(',')]);
	const code = columnValues<string>(t, 'code');
	const name = columnValues<string>(t, 'name');
	const town = columnValues<string>(t, 'township');
	const lon = columnValues<number>(t, 'lon');
	const lat = columnValues<number>(t, 'lat');
	const year = columnValues<number | null>(t, 'year');
	const key = columnValues<string | null>(t, 'key');
	const value = columnValues<number | null>(t, 'value');
	const out: VillageValues = {
		codes: [],
		names: [],
		townships: [],
		lon: [],
		lat: [],
		values: new Map()
	};
	const row = new Map<string, number>();
	for (const y of years) out.values.set(y, new Map(keys.map((k) => [k, []])));
	code.forEach((c, i) => {
		if (!row.has(c)) {
			row.set(c, out.codes.length);
			out.codes.push(c);
			out.names.push(name[i] as string);
			out.townships.push(town[i] as string);
			out.lon.push(Number(lon[i]));
			out.lat.push(Number(lat[i]));
			for (const byKey of out.values.values()) for (const list of byKey.values()) list.push(null);
		}
		const y = year[i];
		const k = key[i];
		const v = value[i];
		if (y === null || y === undefined || k === null || k === undefined) return;
		const list = out.values.get(Number(y))?.get(k);
		if (list) list[row.get(c) as number] = v === null || v === undefined ? null : Number(v);
	});
	return out;
}
