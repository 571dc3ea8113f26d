/**
 * The indicator catalogue (indicator_meta): every key the build emits, with its theme, Chinese
 * and English labels, unit, kind, default classes, which direction is better, and its roll-up —
 * how village values combine into townships and counties, written here once per indicator and
 * applied in SQL (see src/lib/analysis/rollup.ts). The app drives legends, tooltips and the
 * profile panel from these rows, so the keys listed in docs/dataset-format.md ("Indicator keys
 * the app relies on") must never change here.
 */
import { stringifyRollup, type Rollup } from '../../src/lib/analysis/rollup';
import type { Better, IndicatorMeta, Kind, Theme } from '../../src/lib/data/contract';

/** A catalogue row as the build writes it: every field present. */
export type CatalogueEntry = Required<IndicatorMeta>;

type Row = [string, Theme, string, string, string, Kind, unknown, Better, string, Rollup];

// Counts and amounts add up; flags give the number and share of units with 1; categories the
// number of units in each; years the latest; scores, days and ratios without parts the mean.
const SUM: Rollup = { op: 'sum' };
const SHARE: Rollup = { op: 'share' };
const CATEGORIES: Rollup = { op: 'categories' };
const MAX: Rollup = { op: 'max' };
const MEAN: Rollup = { op: 'mean' };
/** A rate recomputed from the sums of its parts, never a mean of the villages' rates. */
const ratio = (num: string, den: string): Rollup => ({ op: 'ratio', num, den });

const FLAG = [0, 1];
const rows: Row[] = [
	// 脱贫退出
	[
		'poor_village',
		'poverty',
		'贫困村',
		'Poor village',
		'',
		'flag',
		FLAG,
		'none',
		'建档立卡贫困村(各年相同)',
		SHARE
	],
	[
		'poor_level',
		'poverty',
		'贫困村类别',
		'Poor village level',
		'',
		'category',
		['省级', '市级', '深度贫困'],
		'none',
		'省级、市级贫困村或深度贫困村',
		CATEGORIES
	],
	[
		'exit_year',
		'poverty',
		'退出年份',
		'Exit year',
		'年',
		'year',
		[2016, 2017, 2018, 2019, 2020],
		'lower',
		'贫困村退出年份;空值为未退出',
		MAX
	],
	[
		'registered_households',
		'poverty',
		'建档立卡贫困户(累计)',
		'Registered poor households (all)',
		'户',
		'count',
		[50, 100, 200, 300],
		'none',
		'历年识别的建档立卡贫困户总数',
		SUM
	],
	[
		'registered_people',
		'poverty',
		'建档立卡贫困人口(累计)',
		'Registered poor people (all)',
		'人',
		'count',
		[200, 400, 700, 1000],
		'none',
		'历年识别的建档立卡贫困人口总数',
		SUM
	],
	[
		'poor_households',
		'poverty',
		'未脱贫户',
		'Poor households remaining',
		'户',
		'count',
		[1, 20, 50, 100],
		'lower',
		'当年末未脱贫的建档立卡贫困户',
		SUM
	],
	[
		'poor_people',
		'poverty',
		'未脱贫人口',
		'Poor people remaining',
		'人',
		'count',
		[1, 50, 150, 300],
		'lower',
		'当年末未脱贫的建档立卡贫困人口',
		SUM
	],
	[
		'exited_households',
		'poverty',
		'当年脱贫户',
		'Households exiting poverty this year',
		'户',
		'count',
		[10, 30, 60, 100],
		'higher',
		'当年脱贫的建档立卡贫困户',
		SUM
	],
	[
		'incidence',
		'poverty',
		'贫困发生率',
		'Poverty incidence',
		'',
		'ratio',
		[0.0001, 0.03, 0.1, 0.2],
		'lower',
		'未脱贫人口 ÷ 农业户籍人口',
		ratio('poor_people', 'rural_population')
	],
	[
		'rural_population',
		'poverty',
		'农业户籍人口',
		'Registered rural population',
		'人',
		'count',
		[1000, 1500, 2000, 2500],
		'none',
		'村(社区)户籍人口',
		SUM
	],
	// 村级集体经济
	[
		'collective_income',
		'collective',
		'集体经济收入',
		'Collective economy income',
		'元',
		'amount',
		[1, 30000, 50000, 100000, 500000],
		'higher',
		'村级集体经济年收入;0 为空壳村',
		SUM
	],
	[
		'sanbian_pilot',
		'collective',
		'“三变”改革试点',
		'Three-changes reform pilot',
		'',
		'category',
		['省级', '市级', '县级', '无'],
		'none',
		'资源变资产、资金变股金、农民变股东改革试点级别',
		CATEGORIES
	],
	[
		'cooperatives',
		'collective',
		'支部领办合作社',
		'Branch-led cooperatives',
		'个',
		'count',
		[1, 2, 3],
		'higher',
		'村党支部领办的经济合作组织',
		SUM
	],
	[
		'agri_parks',
		'collective',
		'现代农业园区',
		'Modern agricultural parks',
		'个',
		'count',
		[1, 2, 3],
		'higher',
		'村内现代农业园区',
		SUM
	],
	// 党组织覆盖
	[
		'branch_status',
		'party',
		'党组织状态',
		'Party branch status',
		'',
		'category',
		['标准', '软弱涣散'],
		'none',
		'软弱涣散村党组织按年排查整顿',
		CATEGORIES
	],
	[
		'rectified_year',
		'party',
		'整顿完成年份',
		'Year rectified',
		'年',
		'year',
		[2016, 2018, 2020, 2022],
		'none',
		'最近一次软弱涣散整顿完成的年份',
		MAX
	],
	[
		'first_secretary',
		'party',
		'第一书记',
		'First secretary in post',
		'',
		'flag',
		FLAG,
		'higher',
		'当年有驻村第一书记',
		SHARE
	],
	[
		'fs_score',
		'party',
		'第一书记考核得分',
		'First secretary score',
		'分',
		'count',
		[60, 75, 85, 90],
		'higher',
		'22 项指标年度考核得分',
		MEAN
	],
	[
		'fs_grade',
		'party',
		'第一书记考核等次',
		'First secretary grade',
		'',
		'category',
		['优秀', '称职', '基本称职', '不称职'],
		'none',
		'年度考核等次',
		CATEGORIES
	],
	[
		'fs_days',
		'party',
		'第一书记驻村天数',
		'First secretary days resident',
		'天',
		'count',
		[200, 243, 280, 320],
		'higher',
		'不少于全年 2/3(243 天)',
		MEAN
	],
	[
		'work_team_size',
		'party',
		'驻村工作队人数',
		'Resident work team size',
		'人',
		'count',
		[1, 3, 4, 5],
		'higher',
		'驻村工作队队员数',
		SUM
	],
	[
		'temp_party_orgs',
		'party',
		'临时党组织',
		'Temporary Party organisations',
		'个',
		'count',
		[1, 2],
		'higher',
		'攻坚工作队临时党组织',
		SUM
	],
	[
		'joint_party_orgs',
		'party',
		'村企联合党组织',
		'Village–enterprise joint Party organisations',
		'个',
		'count',
		[1, 2],
		'higher',
		'产业链、村企联合党组织',
		SUM
	],
	[
		'party_members',
		'party',
		'党员数',
		'Party members',
		'人',
		'count',
		[20, 35, 50, 70],
		'higher',
		'村党组织党员人数',
		SUM
	],
	[
		'members_under_35',
		'party',
		'35岁以下党员',
		'Party members under 35',
		'人',
		'count',
		[2, 4, 6, 10],
		'higher',
		'35 岁以下党员人数',
		SUM
	],
	[
		'activists',
		'party',
		'入党积极分子',
		'Party activists',
		'人',
		'count',
		[1, 2, 3, 5],
		'higher',
		'入党积极分子人数',
		SUM
	],
	[
		'young_activist_trained',
		'party',
		'当年培养35岁以下积极分子',
		'Activist under 35 trained this year',
		'',
		'flag',
		FLAG,
		'higher',
		'贫困村每年至少培养 1 名 35 岁以下入党积极分子',
		SHARE
	],
	[
		'reserve_cadres',
		'party',
		'后备干部',
		'Reserve cadres',
		'人',
		'count',
		[1, 2, 3, 4],
		'higher',
		'村级后备干部,贫困村应储备 2—3 名',
		SUM
	],
	[
		'committee_under_35',
		'party',
		'35岁以下两委成员',
		'Two-committee members under 35',
		'人',
		'count',
		[1, 2, 3],
		'higher',
		'村两委中 35 岁以下成员',
		SUM
	],
	[
		'one_shoulder',
		'party',
		'书记主任“一肩挑”',
		'Secretary is also village director',
		'',
		'flag',
		FLAG,
		'none',
		'村党组织书记兼任村委会主任',
		SHARE
	],
	[
		'college_cadre_share',
		'party',
		'大专以上学历干部占比',
		'Cadres with college education',
		'',
		'ratio',
		[0.2, 0.35, 0.5, 0.65],
		'higher',
		'两委干部中大专及以上学历比例;分子、分母不在数据中,乡镇和县取各村平均',
		MEAN
	],
	[
		'secretary_trained',
		'party',
		'书记当年参加轮训',
		'Secretary trained this year',
		'',
		'flag',
		FLAG,
		'higher',
		'村党组织书记年度集中轮训',
		SHARE
	],
	[
		'venue_standard',
		'party',
		'活动场所达标',
		'Activity venue up to standard',
		'',
		'flag',
		FLAG,
		'higher',
		'活动场所和经费达标',
		SHARE
	],
	[
		'demo_village',
		'party',
		'示范村',
		'Demonstration village',
		'',
		'flag',
		FLAG,
		'higher',
		'“支部+X+贫困户”等示范村',
		SHARE
	],
	[
		'returned_talents',
		'party',
		'回引人才',
		'Returned migrant entrepreneurs',
		'人',
		'count',
		[1, 2, 4],
		'higher',
		'回引的致富能手、返乡创业人才',
		SUM
	],
	[
		'supervised',
		'party',
		'挂牌督战',
		'Listed for supervision',
		'',
		'flag',
		FLAG,
		'none',
		'列入挂牌督战',
		SHARE
	],
	[
		'moral_council',
		'party',
		'道德评议会',
		'Moral-evaluation council held',
		'',
		'flag',
		FLAG,
		'higher',
		'新民风道德评议活动',
		SHARE
	],
	// 易地搬迁与社区工厂
	[
		'relocated_households',
		'relocation',
		'易地搬迁户数(累计)',
		'Households relocated (cumulative)',
		'户',
		'count',
		[50, 100, 200, 300],
		'none',
		'本村建档立卡贫困户易地扶贫搬迁累计户数',
		SUM
	],
	[
		'relocated_people',
		'relocation',
		'易地搬迁人口(累计)',
		'People relocated (cumulative)',
		'人',
		'count',
		[150, 300, 600, 1000],
		'none',
		'本村建档立卡贫困人口易地扶贫搬迁累计人数',
		SUM
	],
	[
		'factories',
		'relocation',
		'社区工厂',
		'Community factories',
		'个',
		'count',
		[1, 2, 3],
		'higher',
		'位于本村(社区)的社区工厂',
		SUM
	],
	[
		'factory_jobs',
		'relocation',
		'社区工厂就业',
		'Community factory jobs',
		'人',
		'count',
		[50, 150, 300, 600],
		'higher',
		'本村(社区)社区工厂用工人数',
		SUM
	]
];

export const CATALOGUE: CatalogueEntry[] = rows.map(
	([key, theme, label_zh, label_en, unit, kind, classes, better, description_zh, rollup]) => ({
		key,
		theme,
		label_zh,
		label_en,
		unit,
		kind,
		default_classes: JSON.stringify(classes),
		better,
		description_zh,
		rollup: stringifyRollup(rollup)
	})
);

export const CATALOGUE_KEYS = new Set(CATALOGUE.map((m) => m.key));

/** The keys docs/dataset-format.md promises the app. */
export const REQUIRED_KEYS = [
	'poor_village',
	'poor_level',
	'exit_year',
	'poor_households',
	'poor_people',
	'incidence',
	'collective_income',
	'branch_status',
	'first_secretary',
	'reserve_cadres'
];

/**
 * The national build's indicator policy (see data/README.md): every catalogue key for the
 * latest year, and for every year only the series keys — the stored inputs of each theme's
 * default map indicator (THEME_DEFAULTS in src/lib/state/view-defaults.ts: poverty_status from
 * poor_village and exit_year, collective_income, branch_status, relocated_households), so each
 * theme's opening map has its whole time line. catalogue.test.ts keeps this list equal to them.
 */
export const NATIONAL_SERIES_KEYS = [
	'poor_village',
	'exit_year',
	'collective_income',
	'branch_status',
	'relocated_households'
];

/**
 * The keys of the start part (`files.indicator`, loaded with the other tables) for the latest
 * year: the inputs of the map's default indicator, poverty_status (derivedIndicator in
 * src/lib/analysis/derived-indicators.ts). Every other (key, year) is a part loaded on demand.
 */
export const START_KEYS = ['poor_village', 'exit_year'];

/** Whether the national build keeps the rows of `key` in `year` (`latest`: the latest year). */
export function keptNationally(latest: number): (key: string, year: number) => boolean {
	const series = new Set(NATIONAL_SERIES_KEYS);
	return (key, year) => year === latest || series.has(key);
}
