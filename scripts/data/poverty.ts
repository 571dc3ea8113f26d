/**
 * Poverty-exit and relocation series for one unit. Remaining poor people fall from the 2014
 * register to under 3% incidence by the village's exit year and to zero everywhere by 2020, as
 * the national target required; relocation follows the 2016–2020 plan cumulatively.
 */
import { randomFor } from '../../src/lib/geo/random';
import { series, type Series } from './indicator-rows';
import { YEARS, type Profile } from './profiles';

const RELOCATION_SCHEDULE: Record<number, number> = {
	2016: 0.22,
	2017: 0.48,
	2018: 0.76,
	2019: 0.95
};

/** People still registered poor at the end of each year (index aligned with YEARS). */
export function remainingPoor(p: Profile, seed: number): number[] {
	const r = randomFor(p.unit.code, 'remaining', seed);
	const clearYear = p.exitYear ?? 2016 + Math.floor(r() * 4);
	const start = Math.round(p.registeredPeople * (0.9 + 0.06 * r()));
	const atClear =
		clearYear >= 2020 ? 0 : Math.min(start, Math.round(p.population * (0.004 + 0.02 * r())));
	return YEARS.map((y) => {
		if (y >= 2020) return 0;
		if (y <= 2014) return start;
		if (y < clearYear) {
			// Smooth S-curve from the 2014 stock to the exit-year level: slow start, most exits
			// in the middle years, as the county reports describe.
			const t = (y - 2014) / (clearYear - 2014);
			return Math.round(atClear + (start - atClear) * (1 - t * t * (3 - 2 * t)));
		}
		if (y === clearYear) return atClear;
		return Math.round(atClear * ((2020 - y) / (2020 - clearYear)) * 0.6);
	});
}

export function populationSeries(p: Profile): number[] {
	// Remote villages shrink as people move out; communities grow.
	const drift = p.unit.level === 'community' ? 0.012 : -0.004 - 0.01 * p.remote;
	return YEARS.map((y) => Math.round(p.population * Math.pow(1 + drift, y - 2014)));
}

export function povertySeries(p: Profile, seed: number): Series {
	const s: Series = new Map();
	const people = remainingPoor(p, seed);
	const hh = people.map((n) => (n === 0 ? 0 : Math.max(1, Math.round(n / p.householdSize))));
	const pop = populationSeries(p);
	s.set(
		'poor_village',
		series(() => (p.poor ? 1 : 0))
	);
	if (p.poor) {
		s.set(
			'poor_level',
			series(() => p.poorLevel)
		);
		s.set(
			'exit_year',
			series(() => p.exitYear)
		);
	}
	s.set(
		'registered_households',
		series(() => p.registeredHouseholds)
	);
	s.set(
		'registered_people',
		series(() => p.registeredPeople)
	);
	s.set('poor_households', hh);
	s.set('poor_people', people);
	s.set(
		'exited_households',
		series((_, i) =>
			Math.max(0, (i === 0 ? p.registeredHouseholds : (hh[i - 1] as number)) - (hh[i] as number))
		)
	);
	s.set(
		'incidence',
		series((_, i) => Math.round(((people[i] as number) / (pop[i] as number)) * 1e5) / 1e5)
	);
	s.set('rural_population', pop);
	return s;
}

export function relocationSeries(
	p: Profile,
	households: number,
	people: number,
	factories: { jobs: number; opened: number }[]
): Series {
	const s: Series = new Map();
	if (p.unit.level === 'village') {
		const at = (total: number, y: number) =>
			y < 2016 ? 0 : y >= 2020 ? total : Math.round(total * (RELOCATION_SCHEDULE[y] as number));
		s.set(
			'relocated_households',
			series((y) => at(households, y))
		);
		s.set(
			'relocated_people',
			series((y) => at(people, y))
		);
	}
	s.set(
		'factories',
		series((y) => factories.filter((f) => f.opened <= y).length)
	);
	s.set(
		'factory_jobs',
		series((y) => factories.filter((f) => f.opened <= y).reduce((a, f) => a + f.jobs, 0))
	);
	return s;
}
