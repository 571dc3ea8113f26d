/**
 * Named SQL: unit geometries with names and label points, decoded from WKB. Villages and
 * communities feed the data layers; townships and the county feed the map's frame.
 */
import type { Connector } from '../connector';
import { columnValues } from '../arrow-columns';
import { decodeWkb } from '$lib/geo/wkb';
import type { Polygons } from '$lib/geo/types';

export const SHAPES_SQL = `SELECT b.code, r.name, b.geom_wkb, b.cx, b.cy
  FROM boundary b JOIN region r ON r.code = b.code
  WHERE r.level IN (SELECT unnest(string_split($1, ',')))
  ORDER BY b.code`;

export interface Shapes {
	codes: string[];
	names: string[];
	polygons: Polygons[];
	/** Label points, [lon, lat] per unit. */
	labels: [number, number][];
}

/** Geometries of every unit whose level is one of `levels`, ordered by code. */
export async function queryShapes(db: Connector, levels: readonly string[]): Promise<Shapes> {
	const t = await db.query(SHAPES_SQL, [levels.join(',')]);
	const cx = columnValues<number>(t, 'cx');
	const cy = columnValues<number>(t, 'cy');
	return {
		codes: columnValues<string>(t, 'code'),
		names: columnValues<string>(t, 'name'),
		polygons: columnValues<Uint8Array>(t, 'geom_wkb').map((b) => decodeWkb(b)),
		labels: cx.map((x, i) => [x, cy[i] as number])
	};
}
