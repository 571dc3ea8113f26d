/**
 * Named SQL: every unit of the loaded region with its names and parent — what an import matches
 * codes and names against.
 */
import type { Connector } from '../connector';
import { columnValues } from '../arrow-columns';

export interface RegionUnitRow {
	code: string;
	name: string;
	full_name: string;
	level: string;
	parent_code: string | null;
}

export const REGION_UNITS_SQL = `SELECT code, name, full_name, level, parent_code FROM region ORDER BY code`;

export async function queryRegionUnits(db: Connector): Promise<RegionUnitRow[]> {
	const t = await db.query(REGION_UNITS_SQL);
	const [code, name, full, level, parent] = [
		'code',
		'name',
		'full_name',
		'level',
		'parent_code'
	].map((c) => columnValues<string | null>(t, c)) as (string | null)[][];
	return (code ?? []).map((c, i) => ({
		code: String(c),
		name: String(name?.[i] ?? ''),
		full_name: String(full?.[i] ?? name?.[i] ?? ''),
		level: String(level?.[i] ?? ''),
		parent_code: parent?.[i] ?? null
	}));
}
