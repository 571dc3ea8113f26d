/**
 * Unit shapes read straight from a region's `region.arrow` and `boundary.arrow`, without the
 * engine: the same rows, in the same order, as `queries/shapes.ts` asks of DuckDB (units of the
 * given levels joined to their names, ordered by code). The session uses it to draw the map
 * while the engine starts; a test holds it equal to the query on every committed region.
 */
import { tableFromIPC, type Table } from 'apache-arrow';
import { columnValues, textValues } from './arrow-columns';
import { makeShapes, type Shapes } from './queries/shapes';

export interface FileShapes {
	villages: Shapes;
	townships: Shapes;
	counties: Shapes;
}

function shapesOf(boundary: Table, nameOf: Map<string, string>, levels: readonly string[]): Shapes {
	const codes = textValues(boundary, 'code') as string[];
	const level = textValues(boundary, 'level') as string[];
	const wkb = columnValues<Uint8Array>(boundary, 'geom_wkb');
	const cx = columnValues<number>(boundary, 'cx');
	const cy = columnValues<number>(boundary, 'cy');
	const rows: number[] = [];
	let sorted = true;
	for (let i = 0; i < codes.length; i++) {
		if (!levels.includes(level[i] as string) || !nameOf.has(codes[i] as string)) continue;
		const last = rows[rows.length - 1];
		if (last !== undefined && (codes[last] as string) > (codes[i] as string)) sorted = false;
		rows.push(i);
	}
	// The build writes rows in code order; sort only a file that is not.
	if (!sorted) rows.sort((a, b) => ((codes[a] as string) < (codes[b] as string) ? -1 : 1));
	return makeShapes({
		codes: rows.map((i) => codes[i] as string),
		names: rows.map((i) => nameOf.get(codes[i] as string) as string),
		wkb: rows.map((i) => wkb[i] as Uint8Array),
		labels: rows.map((i) => [cx[i] as number, cy[i] as number])
	});
}

/** Villages (with communities), townships and counties of a region's files. */
export function shapesFromFiles(regionIpc: Uint8Array, boundaryIpc: Uint8Array): FileShapes {
	const region = tableFromIPC(regionIpc);
	const boundary = tableFromIPC(boundaryIpc);
	const codes = textValues(region, 'code') as string[];
	const names = textValues(region, 'name') as string[];
	const nameOf = new Map(codes.map((c, i) => [c, names[i] as string]));
	return {
		villages: shapesOf(boundary, nameOf, ['village', 'community']),
		townships: shapesOf(boundary, nameOf, ['township']),
		counties: shapesOf(boundary, nameOf, ['county'])
	};
}
