/**
 * Great-circle distance on a sphere of the mean Earth radius (haversine), the one distance of
 * the project: the data build measures factory–community distances with it, and the SQL macro
 * `dist_km` (data/queries/schema.ts) is the same formula with the same radius, so a distance
 * stored by the build and one computed in the console agree.
 */

/** Mean Earth radius (IUGG R1) in km; the radius turf 7 uses too. */
export const EARTH_RADIUS_KM = 6371.0088;

const RAD = Math.PI / 180;

/** Distance in km between (lon1, lat1) and (lon2, lat2), degrees. */
export function distanceKm(lon1: number, lat1: number, lon2: number, lat2: number): number {
	const dLat = (lat2 - lat1) * RAD;
	const dLon = (lon2 - lon1) * RAD;
	const h =
		Math.sin(dLat / 2) ** 2 + Math.cos(lat1 * RAD) * Math.cos(lat2 * RAD) * Math.sin(dLon / 2) ** 2;
	// min() guards against h creeping past 1 by rounding for antipodal points.
	return 2 * EARTH_RADIUS_KM * Math.asin(Math.sqrt(Math.min(1, h)));
}

/**
 * The point `km` away from (lon, lat) in direction `bearing` (radians clockwise from north), on
 * the same sphere: the inverse of `distanceKm`, so a point placed this way measures back to `km`.
 */
export function destinationPoint(
	lon: number,
	lat: number,
	km: number,
	bearing: number
): [number, number] {
	const d = km / EARTH_RADIUS_KM;
	const phi1 = lat * RAD;
	const lambda1 = lon * RAD;
	const sinPhi2 = Math.sin(phi1) * Math.cos(d) + Math.cos(phi1) * Math.sin(d) * Math.cos(bearing);
	const phi2 = Math.asin(sinPhi2);
	const lambda2 =
		lambda1 +
		Math.atan2(
			Math.sin(bearing) * Math.sin(d) * Math.cos(phi1),
			Math.cos(d) - Math.sin(phi1) * sinPhi2
		);
	return [lambda2 / RAD, phi2 / RAD];
}
