/**
 * Named SQL: unit geometries with names and label points, decoded from WKB. Villages and
 * communities feed the data layers; townships and the county feed the map's frame.
 */
import type { Connector } from '../connector';
import { columnValues, textValues } from '../arrow-columns';
import { decodeWkb } from '$lib/geo/wkb';
import type { Polygons } from '$lib/geo/types';

export const SHAPES_SQL = `SELECT b.code, r.name, b.geom_wkb, b.cx, b.cy
  FROM boundary b JOIN region r ON r.code = b.code
  WHERE r.level IN (SELECT unnest(string_split($1, ',')))
  ORDER BY b.code`;

export interface Shapes {
	codes: string[];
	names: string[];
	/** Each unit's geometry as WKB (views into the answer's buffer): what the map draws from. */
	wkb: Uint8Array[];
	/**
	 * The same geometries as nested arrays, decoded on first use (the frame's outlines, print):
	 * the map's layers never ask, so villages cost their WKB and flat buffers only.
	 */
	readonly polygons: Polygons[];
	/** Label points, [lon, lat] per unit. */
	labels: [number, number][];
}

/** Shapes over WKB, their nested arrays decoded once, when first asked for. */
export function makeShapes(parts: Omit<Shapes, 'polygons'>): Shapes {
	let polygons: Polygons[] | null = null;
	return {
		...parts,
		get polygons() {
			return (polygons ??= parts.wkb.map((b) => decodeWkb(b)));
		}
	};
}

/** Geometries of every unit whose level is one of `levels`, ordered by code. */
export async function queryShapes(db: Connector, levels: readonly string[]): Promise<Shapes> {
	const t = await db.query(SHAPES_SQL, [levels.join(',')]);
	const cx = columnValues<number>(t, 'cx');
	const cy = columnValues<number>(t, 'cy');
	return makeShapes({
		codes: textValues(t, 'code') as string[],
		names: textValues(t, 'name') as string[],
		wkb: columnValues<Uint8Array>(t, 'geom_wkb'),
		labels: cx.map((x, i) => [x, cy[i] as number])
	});
}
