/**
 * Seed 003's community-factory rule (紫阳县), written once for the data build and the app:
 * a factory counts for a relocation community if it lies within 1 km² of it — a circle of
 * radius √(1/π) ≈ 0.564 km —, employs 20 or more workers and operates 6 or more months a year;
 * every resettlement community of 500+ households, and every rural concentration of 100+
 * households, should have at least one that counts.
 *
 * Pure functions over plain site records (the `site` table's columns), distances on the
 * project's one sphere (`geo/distance`).
 */
import { distanceKm } from '../geo/distance';

/** The area a factory must lie within, around its community. */
export const QUALIFYING_AREA_KM2 = 1;
/** Radius of that area as a circle, √(1/π) km rounded as the seed's readers use it. */
export const QUALIFYING_RADIUS_KM = 0.564;
/** Workers a factory needs to count. */
export const MIN_FACTORY_JOBS = 20;
/** Months a year a factory must operate to count. */
export const MIN_MONTHS_OPERATING = 6;
/** A resettlement community this large must have a qualifying factory. */
export const RESETTLEMENT_HOUSEHOLDS_NEEDING_FACTORY = 500;
/** A rural concentration (农村集中安置点) this large must have one too. */
export const RURAL_HOUSEHOLDS_NEEDING_FACTORY = 100;

export type Settlement = 'resettlement' | 'rural';

export interface FactoryLike {
	lon: number;
	lat: number;
	jobs: number | null;
	months_operating: number | null;
}

export interface CommunityLike {
	lon: number;
	lat: number;
	households: number | null;
}

/** Why a community has no qualifying factory: none near, only far ones, only small or seasonal ones. */
export type FactoryGap = 'none' | 'far' | 'small';

/** Big enough and operating long enough, wherever it is. */
export function factoryIsViable(f: Pick<FactoryLike, 'jobs' | 'months_operating'>): boolean {
	return (f.jobs ?? 0) >= MIN_FACTORY_JOBS && (f.months_operating ?? 0) >= MIN_MONTHS_OPERATING;
}

/** Within the qualifying radius of the community. */
export function factoryIsNear(f: FactoryLike, c: CommunityLike): boolean {
	return distanceKm(f.lon, f.lat, c.lon, c.lat) <= QUALIFYING_RADIUS_KM;
}

/** The whole rule: near, big enough and operating long enough. */
export function factoryQualifies(f: FactoryLike, c: CommunityLike): boolean {
	return factoryIsViable(f) && factoryIsNear(f, c);
}

/** Whether a community must have a qualifying factory, by its size and kind of settlement. */
export function needsFactory(c: Pick<CommunityLike, 'households'>, kind: Settlement): boolean {
	const min =
		kind === 'resettlement'
			? RESETTLEMENT_HOUSEHOLDS_NEEDING_FACTORY
			: RURAL_HOUSEHOLDS_NEEDING_FACTORY;
	return (c.households ?? 0) >= min;
}

/**
 * The gap of a community among `factories`, or null if one qualifies: `small` if a factory is
 * near but too small or seasonal, `far` if a viable one exists only beyond the radius (within
 * `farKm`), `none` otherwise. Whether the community needed one is `needsFactory`'s question.
 */
export function factoryGap(
	c: CommunityLike,
	factories: readonly FactoryLike[],
	farKm = 5
): FactoryGap | null {
	let small = false;
	let far = false;
	for (const f of factories) {
		const d = distanceKm(f.lon, f.lat, c.lon, c.lat);
		const viable = factoryIsViable(f);
		if (d <= QUALIFYING_RADIUS_KM) {
			if (viable) return null;
			small = true;
		} else if (viable && d <= farKm) far = true;
	}
	return small ? 'small' : far ? 'far' : 'none';
}
