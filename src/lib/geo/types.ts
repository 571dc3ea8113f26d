/**
 * The geometry shapes shared by the geo modules: plain nested arrays of [lon, lat] in degrees,
 * as GeoJSON has them, so fixtures and turf interoperate without conversion. A Polygon is a list
 * of rings, the first the outer ring (counter-clockwise) and the rest holes (clockwise); rings
 * are closed (first point repeated last).
 */
export type Point = [number, number];
export type Ring = Point[];
export type Polygon = Ring[];
/** One unit's geometry: one polygon, or several for a MultiPolygon. */
export type Polygons = Polygon[];
