/**
 * Imported boundaries into the engine, all or nothing: each unit's polygons (lon/lat, as the
 * boundary readers return them) replace the geometry of the region unit with that code, with
 * every derived column computed the way the data build computes it (`scripts/data/build-region.ts`
 * `boundaryRow`): the bbox, a label point inside the polygon (`geo/label.ts`), the spherical area
 * in km², coordinates of the label and area rounded to 1e-6. A code the region does not have is
 * refused, not dropped, so the report the user saw is the change that happens.
 */
import { bboxOfPolygons } from '../geo/bbox';
import { labelPoint } from '../geo/label';
import { polygonsAreaKm2 } from '../geo/ring';
import type { Polygons } from '../geo/types';
import { encodeWkb } from '../geo/wkb';
import type { Connector, SqlParam } from './connector';
import { BOUNDARY_LEVELS } from './contract';
import { ImportRefusal, inTransaction, insertBatches, toHex } from './import-transaction';
import type { ApplyResult } from './import-transaction';
import { quoteLiteral } from './sql-quote';

export interface BoundaryUnit {
	code: string;
	polygons: Polygons;
}

export interface BoundaryImport {
	units: readonly BoundaryUnit[];
}

const round6 = (x: number) => Math.round(x * 1e6) / 1e6;

function validPolygons(polygons: Polygons): boolean {
	if (!Array.isArray(polygons) || polygons.length === 0) return false;
	return polygons.every(
		(polygon) =>
			Array.isArray(polygon) &&
			polygon.length > 0 &&
			polygon.every(
				(ring) =>
					Array.isArray(ring) &&
					ring.length >= 4 &&
					ring.every(
						(p) =>
							Array.isArray(p) &&
							Number.isFinite(p[0]) &&
							Number.isFinite(p[1]) &&
							Math.abs(p[0]) <= 180 &&
							Math.abs(p[1]) <= 90
					)
			)
	);
}

/** One unit's row values after `code`: WKB (hex), minx, miny, maxx, maxy, cx, cy, area_km2. */
function shapeRow(unit: BoundaryUnit, i: number): SqlParam[] {
	if (typeof unit.code !== 'string' || !validPolygons(unit.polygons))
		throw new ImportRefusal(
			`第 ${i + 1} 个边界（${String(unit.code)}）没有有效的经纬度多边形`,
			`boundary ${i + 1} (${String(unit.code)}) has no valid lon/lat polygon`
		);
	const [minx, miny, maxx, maxy] = bboxOfPolygons(unit.polygons);
	const [cx, cy] = labelPoint(unit.polygons);
	const area = round6(polygonsAreaKm2(unit.polygons));
	return [
		unit.code,
		toHex(encodeWkb(unit.polygons)),
		minx,
		miny,
		maxx,
		maxy,
		round6(cx),
		round6(cy),
		area
	];
}

const SHAPES = '_va_import_shapes';
const LEVELS = BOUNDARY_LEVELS.map(quoteLiteral).join(', ');

/** Replace (or add) the boundaries of the given units; every code must be a unit of the region. */
export async function applyBoundaryImport(
	db: Connector,
	imp: BoundaryImport
): Promise<ApplyResult> {
	return inTransaction(db, async () => {
		const codes = new Set<string>();
		const rows = imp.units.map((unit, i) => {
			if (codes.has(unit.code))
				throw new ImportRefusal(
					`边界代码 ${unit.code} 出现两次`,
					`boundary code ${unit.code} appears twice`
				);
			codes.add(unit.code);
			return shapeRow(unit, i);
		});
		await db.query(
			`CREATE OR REPLACE TEMP TABLE ${SHAPES} (code VARCHAR, geom_wkb BLOB, minx DOUBLE, miny DOUBLE,
			 maxx DOUBLE, maxy DOUBLE, cx DOUBLE, cy DOUBLE, area_km2 DOUBLE)`
		);
		// Outlines carry hundreds of points each: smaller batches keep one message modest.
		await insertBatches(db, SHAPES, '(?, from_hex(?), ?, ?, ?, ?, ?, ?, ?)', rows, 100);
		const unknown = await db.query(
			`SELECT any_value(code) AS code, count(*) AS n FROM ${SHAPES}
			 WHERE code NOT IN (SELECT code FROM region WHERE level IN (${LEVELS}))`
		);
		const n = Number(unknown.getChild('n')?.get(0) ?? 0);
		if (n > 0) {
			const code = String(unknown.getChild('code')?.get(0));
			throw new ImportRefusal(
				`${n} 个边界的代码不是本地区的单位（如 ${code}）`,
				`${n} boundaries have codes that are not units of this region (e.g. ${code})`
			);
		}
		const existing = await db.query(
			`SELECT count(*) AS n FROM boundary WHERE code IN (SELECT code FROM ${SHAPES})`
		);
		const replaced = Number(existing.getChild('n')?.get(0) ?? 0);
		await db.query(`DELETE FROM boundary WHERE code IN (SELECT code FROM ${SHAPES})`);
		await db.query(
			`INSERT INTO boundary (code, level, geom_wkb, minx, miny, maxx, maxy, cx, cy, area_km2)
			 SELECT s.code, r.level, s.geom_wkb, s.minx, s.miny, s.maxx, s.maxy, s.cx, s.cy, s.area_km2
			 FROM ${SHAPES} s JOIN region r ON r.code = s.code`
		);
		await db.query(`DROP TABLE ${SHAPES}`);
		return { ok: true as const, inserted: rows.length - replaced, replaced, added: [] };
	});
}
