/**
 * Party-organisation series. Weak-and-lax branches (软弱涣散) are chosen for the whole county
 * in weak-branches.ts and come in as each unit's years; first secretaries and work teams serve
 * poor villages from 2015 and weak branches the year they are found and the next; poor villages
 * keep 2–3 reserve cadres from 2018. A few poor villages are deliberately left without a first
 * secretary or with fewer than two reserve cadres so the planner's rules find something.
 */
import { normal, randomFor } from '../../src/lib/geo/random';
import { series, type Series } from './indicator-rows';
import type { Profile } from './profiles';

/** Shares of 一肩挑 by year: rising to 92% after the 2021 two-committee elections (seed 001). */
const ONE_SHOULDER: Record<number, number> = {
	2014: 0.3,
	2015: 0.33,
	2016: 0.36,
	2017: 0.45,
	2018: 0.55,
	2019: 0.62,
	2020: 0.7,
	2021: 0.92,
	2022: 0.92,
	2023: 0.93
};

export interface PartyFlags {
	/** Poor villages deliberately without a first secretary from this year. */
	noSecretaryFrom?: number;
	/** Poor villages deliberately short of reserve cadres from this year. */
	fewCadresFrom?: number;
	demo?: boolean;
}

export function partySeries(
	p: Profile,
	weak: ReadonlySet<number>,
	flags: PartyFlags,
	seed: number
): Series {
	const r = randomFor(p.unit.code, 'party', seed);
	const s: Series = new Map();
	const community = p.unit.level === 'community';
	s.set(
		'branch_status',
		series((y) => (weak.has(y) ? '软弱涣散' : '标准'))
	);
	let lastFix: number | null = null;
	s.set(
		'rectified_year',
		series((y) => {
			if (!weak.has(y) && weak.has(y - 1)) lastFix = y;
			return lastFix;
		})
	);
	const fsStart = p.poor ? (r() < 0.3 ? 2014 : 2015) : 9999;
	const hasFs = (y: number) =>
		(y >= fsStart && !(flags.noSecretaryFrom !== undefined && y >= flags.noSecretaryFrom)) ||
		weak.has(y) ||
		weak.has(y - 1);
	s.set(
		'first_secretary',
		series((y) => (community ? 0 : hasFs(y) ? 1 : 0))
	);
	const fs = (y: number) => !community && hasFs(y);
	const skill = normal(r);
	s.set(
		'fs_score',
		series((y) =>
			fs(y) ? Math.round(Math.min(99, Math.max(55, 84 + 6 * skill + 3 * normal(r)))) : null
		)
	);
	const scores = s.get('fs_score') as (number | null)[];
	s.set(
		'fs_grade',
		series((_, i) => {
			const v = scores[i];
			return v === null || v === undefined
				? null
				: v >= 90
					? '优秀'
					: v >= 75
						? '称职'
						: v >= 60
							? '基本称职'
							: '不称职';
		})
	);
	s.set(
		'fs_days',
		series((y) =>
			fs(y) ? Math.round(Math.min(330, 250 + 45 * r() - (skill < -1.2 ? 40 : 0))) : null
		)
	);
	s.set(
		'work_team_size',
		series((y) => (fs(y) ? 3 + Math.floor(r() * 3) : community ? 0 : r() < 0.1 ? 2 : 0))
	);
	s.set(
		'temp_party_orgs',
		series((y) => (fs(y) && p.poor && y >= 2017 ? 1 : 0))
	);
	const jointFrom = r() < 0.14 ? 2018 + Math.floor(r() * 4) : 9999;
	s.set(
		'joint_party_orgs',
		series((y) => (y >= jointFrom ? 1 : 0))
	);
	const members0 = Math.max(
		8,
		Math.round((p.population / (community ? 60 : 45)) * (0.8 + 0.4 * r()))
	);
	const members = series((y, i) => members0 + Math.floor((i * (0.6 + r() * 0.02)) / 1));
	s.set('party_members', members);
	const young0 = 0.08 + 0.06 * r();
	s.set(
		'members_under_35',
		series((_, i) => Math.round((members[i] as number) * (young0 + 0.006 * i)))
	);
	s.set(
		'activists',
		series((y) => Math.max(p.poor && y >= 2017 ? 1 : 0, Math.floor(r() * 4)))
	);
	s.set(
		'young_activist_trained',
		series((y) => (p.poor && y >= 2018 ? (r() < 0.93 ? 1 : 0) : r() < 0.45 ? 1 : 0))
	);
	const cadres0 = Math.floor(r() * 3);
	s.set(
		'reserve_cadres',
		series((y) => {
			if (flags.fewCadresFrom !== undefined && y >= flags.fewCadresFrom) return y % 2 === 0 ? 1 : 0;
			if (p.poor && y >= 2018) return 2 + (r() < 0.35 ? 1 : 0);
			return Math.max(cadres0, Math.floor(r() * 4));
		})
	);
	s.set(
		'committee_under_35',
		series((y) =>
			p.poor && y >= 2018 ? (r() < 0.94 ? 1 + Math.floor(r() * 2) : 0) : Math.floor(r() * 3)
		)
	);
	const u = r();
	s.set(
		'one_shoulder',
		series((y) => (u < (ONE_SHOULDER[y] as number) ? 1 : 0))
	);
	const size = 5 + Math.floor(r() * 3);
	const college0 = 0.12 + 0.18 * r();
	s.set(
		'college_cadre_share',
		series((y) => {
			const share = college0 + 0.3 * Math.min(1, (y - 2014) / 7) + (community ? 0.15 : 0);
			return Math.round((Math.min(size, Math.round(share * size)) / size) * 1000) / 1000;
		})
	);
	s.set(
		'secretary_trained',
		series((y) => (r() < (y >= 2017 ? 0.96 : 0.6) ? 1 : 0))
	);
	const venueFrom = 2014 + Math.floor(p.remote * 4 + r() * 2);
	s.set(
		'venue_standard',
		series((y) => (y >= venueFrom ? 1 : 0))
	);
	s.set(
		'demo_village',
		series((y) => (flags.demo && y >= 2018 ? 1 : 0))
	);
	const talentFrom = 2016 + Math.floor(r() * 4);
	s.set(
		'returned_talents',
		series((y) => (y < talentFrom ? 0 : Math.min(4, 1 + Math.floor((y - talentFrom) * r()))))
	);
	s.set(
		'supervised',
		series((y) => (p.poorLevel === '深度贫困' && p.exitYear === 2020 && y === 2020 ? 1 : 0))
	);
	const moralFrom = 2017 + (r() < 0.85 ? 0 : 1 + Math.floor(r() * 2));
	s.set(
		'moral_council',
		series((y) => (y >= moralFrom ? 1 : 0))
	);
	return s;
}
