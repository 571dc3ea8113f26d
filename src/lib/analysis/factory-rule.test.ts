import { describe, expect, it } from 'vitest';
import { destinationPoint } from '../geo/distance';
import {
	factoryGap,
	factoryIsNear,
	factoryIsViable,
	factoryQualifies,
	MIN_FACTORY_JOBS,
	MIN_MONTHS_OPERATING,
	needsFactory,
	QUALIFYING_AREA_KM2,
	QUALIFYING_RADIUS_KM
} from './factory-rule';

const community = { lon: 108.53, lat: 32.52, households: 800 };
/** A factory `km` north-east of the community. */
function factory(km: number, jobs: number | null = 150, months: number | null = 10) {
	const [lon, lat] = destinationPoint(community.lon, community.lat, km, Math.PI / 4);
	return { lon, lat, jobs, months_operating: months };
}

describe('seed 003 factory rule', () => {
	it('takes the radius of a 1 km² circle', () => {
		expect(Math.PI * QUALIFYING_RADIUS_KM ** 2).toBeCloseTo(QUALIFYING_AREA_KM2, 2);
	});

	it.each([
		[0.1, 150, 10, true],
		[0.563, MIN_FACTORY_JOBS, MIN_MONTHS_OPERATING, true],
		[0.566, 150, 10, false],
		[0.2, MIN_FACTORY_JOBS - 1, 10, false],
		[0.2, 150, MIN_MONTHS_OPERATING - 1, false],
		[0.2, null, 10, false]
	])('a factory %f km away with %s workers, %s months: counts = %s', (km, jobs, months, ok) => {
		expect(factoryQualifies(factory(km, jobs, months), community)).toBe(ok);
	});

	it('splits the rule into where and how big', () => {
		expect(factoryIsNear(factory(0.5), community)).toBe(true);
		expect(factoryIsNear(factory(0.6), community)).toBe(false);
		expect(factoryIsViable({ jobs: 20, months_operating: 6 })).toBe(true);
		expect(factoryIsViable({ jobs: 19, months_operating: 12 })).toBe(false);
	});

	it.each([
		[499, 'resettlement', false],
		[500, 'resettlement', true],
		[99, 'rural', false],
		[100, 'rural', true],
		[null, 'rural', false]
	] as const)('%s households in a %s settlement needs a factory: %s', (households, kind, needs) => {
		expect(needsFactory({ households }, kind)).toBe(needs);
	});

	it('names the gap: none, only far, only small; null when one qualifies', () => {
		expect(factoryGap(community, [])).toBe('none');
		expect(factoryGap(community, [factory(1.2)])).toBe('far');
		expect(factoryGap(community, [factory(12)])).toBe('none');
		expect(factoryGap(community, [factory(0.3, 15, 4), factory(1.2)])).toBe('small');
		expect(factoryGap(community, [factory(0.3, 15, 4), factory(0.4)])).toBeNull();
	});
});
