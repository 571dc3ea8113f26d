/**
 * What each indicator means, for the definitions panel: an English definition beside the
 * catalogue's Chinese one, and the source documents (the seeds in ../shared/seeds, reports of
 * county and city Party organisations) that define it or give the figures the sample data is
 * calibrated to. An indicator not listed here (an imported one) shows its catalogue text only.
 */
import type { Label } from './format';

export interface SourceDoc {
	id: string;
	title: Label;
	/** Who issued it, and when. */
	issuer: Label;
}

export const SOURCES: Readonly<Record<string, SourceDoc>> = {
	'000': {
		id: '000',
		title: {
			zh: '提供五大组织保证 全力打赢打胜扶贫攻坚战',
			en: 'Five organisational guarantees to win the fight against poverty'
		},
		issuer: { zh: '达州市，2015 年 8 月', en: 'Dazhou, August 2015' }
	},
	'001': {
		id: '001',
		title: {
			zh: '下足绣花功夫 决战脱贫攻坚',
			en: 'Fine-grained work to win the fight against poverty'
		},
		issuer: {
			zh: '资中县委组织部，2020 年 6 月',
			en: 'Zizhong County organisation department, June 2020'
		}
	},
	'002': {
		id: '002',
		title: {
			zh: '著力推动第一书记在扶贫攻坚中建功立业',
			en: 'First secretaries in the fight against poverty'
		},
		issuer: { zh: '眉山市委组织部', en: 'Meishan City organisation department' }
	},
	'003': {
		id: '003',
		title: {
			zh: '紫阳县持续系统推进脱贫攻坚五大工程实施方案（紫发〔2017〕8号）',
			en: 'Ziyang County plan for five poverty-alleviation programmes (Zifa [2017] No. 8)'
		},
		issuer: { zh: '中共紫阳县委，2017 年', en: 'Ziyang County Party committee, 2017' }
	},
	'004': {
		id: '004',
		title: {
			zh: '以党建促脱贫攻坚（贵州）',
			en: 'Party building for poverty alleviation (Guizhou)'
		},
		issuer: { zh: '贵州省', en: 'Guizhou Province' }
	}
};

export interface Definition {
	en: string;
	sources: readonly string[];
}

const d = (en: string, ...sources: string[]): Definition => ({ en, sources });

export const DEFINITIONS: Readonly<Record<string, Definition>> = {
	poverty_status: d(
		'Status in the year: poor (not yet exited), exited that year, exited earlier, or never a poor village.',
		'001'
	),
	poor_village: d(
		'Registered poor village (建档立卡贫困村); the same in every year.',
		'001',
		'002'
	),
	poor_level: d('Provincial or municipal poor village, or deep-poverty village.', '002', '004'),
	exit_year: d('Year the poor village exited poverty; empty while not exited.', '001'),
	registered_households: d(
		'All households ever registered as poor (建档立卡) in the village.',
		'001'
	),
	registered_people: d('All people ever registered as poor in the village.', '001'),
	poor_households: d(
		'Registered poor households not yet out of poverty at the end of the year.',
		'001'
	),
	poor_people: d('Registered poor people not yet out of poverty at the end of the year.', '001'),
	exited_households: d('Registered poor households that left poverty in the year.', '001'),
	incidence: d(
		'Poverty incidence: poor people remaining ÷ registered rural population; a township’s is recomputed from the sums.',
		'001'
	),
	rural_population: d('Registered rural (agricultural hukou) population of the village.'),
	collective_income: d(
		'Annual income of the village collective economy, yuan; 0 is an empty-shell village, under 50,000 a weak one (editable bands).',
		'001',
		'000'
	),
	empty_shell: d('Empty-shell village: collective income of 0 in the year.', '001'),
	weak_collective: d(
		'Weak collective economy: income under 50,000 yuan in the year (empty shells included).',
		'001',
		'000'
	),
	sanbian_pilot: d(
		'Level of the “three changes” reform pilot (resources to assets, funds to shares, farmers to shareholders).',
		'003'
	),
	cooperatives: d('Economic cooperatives led by the village Party branch.', '003'),
	agri_parks: d('Modern agricultural parks in the village.', '003'),
	branch_status: d(
		'Village Party branch: standard, or weak and lax (软弱涣散), checked and rectified each year.',
		'001',
		'003'
	),
	rectified_year: d('Year the latest weak-and-lax rectification was completed.', '001', '003'),
	first_secretary: d(
		'A first secretary (第一书记) is stationed in the village that year.',
		'000',
		'002'
	),
	fs_score: d('First secretary’s annual assessment score on 22 indicators.', '002'),
	fs_grade: d(
		'First secretary’s annual grade: excellent, competent, basically competent, not competent.',
		'002'
	),
	fs_days: d(
		'Days the first secretary was resident in the village (at least two thirds of the year, 243).',
		'002'
	),
	work_team_size: d('Members of the resident work team (驻村工作队).', '000'),
	temp_party_orgs: d('Temporary Party organisations of the poverty-alleviation work teams.', '000'),
	joint_party_orgs: d('Industry-chain or joint village–enterprise Party organisations.', '000'),
	party_members: d('Party members of the village Party organisation.', '000'),
	members_under_35: d('Party members under 35.', '000'),
	activists: d('Applicants for Party membership (入党积极分子).', '003'),
	young_activist_trained: d(
		'At least one activist under 35 trained this year (required of poor villages).',
		'003'
	),
	reserve_cadres: d('Reserve cadres of the village; poor villages should keep 2–3.', '003'),
	committee_under_35: d('Members of the two village committees under 35 (1–2 required).', '000'),
	one_shoulder: d('The Party secretary is also the village director (一肩挑).', '001'),
	college_cadre_share: d(
		'Share of two-committee cadres with college education; townships average their villages (the parts are not in the data).',
		'001'
	),
	secretary_trained: d(
		'The village Party secretary took part in this year’s rotation training.',
		'000',
		'003'
	),
	venue_standard: d('Activity venue and funds up to standard.', '000', '003'),
	demo_village: d('Demonstration village (“branch + X + poor households” and similar).', '003'),
	returned_talents: d(
		'Returned migrant entrepreneurs and capable people brought back to the village.',
		'000'
	),
	supervised: d('Listed for supervision (挂牌督战).', '001'),
	moral_council: d('A moral-evaluation council (道德评议, 新民风) was held.', '003'),
	relocated_households: d(
		'Registered poor households of the village relocated (cumulative).',
		'003'
	),
	relocated_people: d('Registered poor people of the village relocated (cumulative).', '003'),
	factories: d('Community factories located in the village or community.', '003'),
	factory_jobs: d('Jobs in the community factories of the village or community.', '003')
};

/** The sources of an indicator, in order (none for an unknown key). */
export function sourcesOf(key: string): SourceDoc[] {
	return (DEFINITIONS[key]?.sources ?? [])
		.map((id) => SOURCES[id])
		.filter((s): s is SourceDoc => !!s);
}
