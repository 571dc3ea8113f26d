import { describe, expect, it } from 'vitest';
import { destinationPoint, distanceKm, EARTH_RADIUS_KM } from './distance';

// Golden values. Rosetta Code's haversine task gives 2887.2599506071106 km for Nashville–LAX
// on a 6372.8 km sphere (scaled here to our radius); the turf row is @turf/turf 7.4's distance()
// in km for the points of its documentation example (it uses the same formula and radius); the
// city pairs are their usual great-circle figures, to half a kilometre.
describe('distanceKm', () => {
	it.each<[string, [number, number, number, number], number, number]>([
		[
			'Nashville–Los Angeles (Rosetta Code)',
			[-86.67, 36.12, -118.4, 33.94],
			(2887.2599506071106 * EARTH_RADIUS_KM) / 6372.8,
			1e-6
		],
		['turf.distance example', [-75.343, 39.984, -75.534, 39.123], 97.12922118967835, 1e-9],
		['Beijing–Shanghai', [116.4074, 39.9042, 121.4737, 31.2304], 1067.3, 0.5],
		['London–Paris', [-0.1278, 51.5074, 2.3522, 48.8566], 343.6, 0.5],
		['紫阳–安康', [108.534, 32.52, 109.029, 32.685], 49.87, 0.01]
	])('%s', (_, [lon1, lat1, lon2, lat2], km, tolerance) => {
		expect(Math.abs(distanceKm(lon1, lat1, lon2, lat2) - km)).toBeLessThan(tolerance);
		expect(distanceKm(lon2, lat2, lon1, lat1)).toBeCloseTo(distanceKm(lon1, lat1, lon2, lat2), 9);
	});

	it('is 0 for one point, half the circumference for antipodes, and 1° of latitude ≈ 111.2 km', () => {
		expect(distanceKm(108.5, 32.5, 108.5, 32.5)).toBe(0);
		expect(distanceKm(0, 0, 180, 0)).toBeCloseTo(Math.PI * EARTH_RADIUS_KM, 6);
		expect(distanceKm(10, 0, -170, 0)).toBeCloseTo(Math.PI * EARTH_RADIUS_KM, 6);
		expect(distanceKm(108, 32, 108, 33)).toBeCloseTo(111.195, 3);
	});
});

describe('destinationPoint', () => {
	it('places a point that measures back to the distance asked, in the direction asked', () => {
		for (const [km, bearing] of [
			[0.5, 0],
			[0.564, 1.2],
			[1.3, Math.PI],
			[25, 4]
		] as const) {
			const [lon, lat] = destinationPoint(108.5, 32.5, km, bearing);
			expect(distanceKm(108.5, 32.5, lon, lat)).toBeCloseTo(km, 9);
		}
		const [lonN, latN] = destinationPoint(108.5, 32.5, 1, 0);
		expect(lonN).toBeCloseTo(108.5, 12);
		expect(latN).toBeGreaterThan(32.5);
		const [lonE] = destinationPoint(108.5, 32.5, 1, Math.PI / 2);
		expect(lonE).toBeGreaterThan(108.5);
	});
});
