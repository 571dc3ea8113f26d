/**
 * The planner's rule presets (weak-village finder, domain notes "Rules planners use") as named
 * SQL. Each preset is one policy line with its seed documents and adjustable thresholds;
 * `plannerSql` writes the chosen rules as ONE readable SELECT in the console's house style, so
 * what the planner screen shows is a query an analyst can paste into the console and run as is:
 * a row per village and community, a 0/1 column per rule and `selected` (the rules combined with
 * AND or OR). Every rule reads the same year, pivoted from `indicator` with FILTER clauses.
 *
 * Seed 003's factory-gap rule is the one of `sites.ts` (FACTORY_GAPS_SQL), with its numbers from
 * `analysis/factory-rule.ts`. The composite score and the strong–weak pairing live elsewhere.
 */
import type { Connector } from '../connector';
import {
	MIN_FACTORY_JOBS,
	MIN_MONTHS_OPERATING,
	QUALIFYING_RADIUS_KM,
	RESETTLEMENT_HOUSEHOLDS_NEEDING_FACTORY,
	RURAL_HOUSEHOLDS_NEEDING_FACTORY
} from '$lib/analysis/factory-rule';

export type RuleId =
	| 'weak_collective'
	| 'lax_branch'
	| 'poor_no_secretary'
	| 'few_reserve_cadres'
	| 'no_young_activist'
	| 'no_young_committee'
	| 'factory_gap';

type Text = { zh: string; en: string };

export interface RuleParam {
	name: string;
	label: Text;
	default: number;
	/** The lowest value the planner's input offers (not enforced here: any finite number runs). */
	min: number;
	step: number;
	unit?: Text;
}

export interface RulePreset {
	id: RuleId;
	title: Text;
	/** Seed numbers, e.g. '001'. */
	sources: string[];
	/** The policy wording, short, with the document it comes from. */
	note: Text;
	params: RuleParam[];
}

const t = (zh: string, en: string): Text => ({ zh, en });
const param = (name: string, label: Text, dflt: number, min: number, step: number, unit: Text) =>
	({ name, label, default: dflt, min, step, unit }) satisfies RuleParam;
const PEOPLE = t('名', 'people');
const HOUSEHOLDS = t('户', 'households');
/** Seed 003 is the county's own plan, 紫发〔2017〕8号. */
const ZIYANG = '紫发〔2017〕8号，种子 003';
/** Seed 003's factory rule as analysis/factory-rule.ts writes it. */
const F = {
	households: RESETTLEMENT_HOUSEHOLDS_NEEDING_FACTORY,
	rural: RURAL_HOUSEHOLDS_NEEDING_FACTORY,
	jobs: MIN_FACTORY_JOBS,
	months: MIN_MONTHS_OPERATING,
	km: QUALIFYING_RADIUS_KM
};
const POOR = 'coalesce(i.poor_village, 0) = 1';
/** Indicator keys whose value is text (a category); the others are numbers. */
const TEXT_KEYS = new Set(['branch_status']);

type Thresholds = Record<string, number>;
/**
 * A preset with its SQL: the indicator keys it reads, the comment on what it tests, and the
 * test itself over `i` (the year's pivot) and `v` (v_village), thresholds written in.
 */
interface RuleDef extends RulePreset {
	keys: string[];
	why: (p: Thresholds) => string;
	when: (p: Thresholds) => string;
}

const RULES: readonly RuleDef[] = [
	{
		id: 'weak_collective',
		title: t('空壳村或集体经济薄弱村', 'Empty-shell or weak collective economy'),
		sources: ['001', '000'],
		note: t(
			'“空壳村”破壳、“薄弱村”消薄（资中县，种子 001）；扶持贫困村发展壮大集体经济（达州，种子 000）',
			'Empty shells broken, weak villages lifted (Zizhong, seed 001); poor villages helped to grow their collective economy (Dazhou, seed 000)'
		),
		params: [param('max_income', t('收入低于', 'Income below'), 50000, 0, 10000, t('元', 'yuan'))],
		keys: ['collective_income'],
		why: (p) => `集体经济收入低于 ${p.max_income} 元，含空壳村（收入为 0）；当年无收入数据的不选`,
		when: (p) => `i.collective_income < ${p.max_income}`
	},
	{
		id: 'lax_branch',
		title: t('软弱涣散党组织未整顿', 'Weak-and-lax Party branch not yet rectified'),
		sources: ['001', '003'],
		note: t(
			`软弱涣散党组织集中整顿（资中县，种子 001）；后进村“发现一个、整顿一个、转化一个”（${ZIYANG}）`,
			'Weak-and-lax branches rectified (Zizhong, seed 001); every backward branch found is rectified and turned round (Ziyang 2017 No. 8, seed 003)'
		),
		params: [],
		keys: ['branch_status'],
		why: () => '当年 branch_status 仍为软弱涣散（整顿完成的那一年起为标准）',
		when: () => `i.branch_status = '软弱涣散'`
	},
	{
		id: 'poor_no_secretary',
		title: t('贫困村无第一书记', 'Poor village without a first secretary'),
		sources: ['000', '002'],
		note: t(
			'贫困村“第一书记”选派全覆盖（达州，种子 000）；选好派强第一书记（眉山，种子 002）',
			'A first secretary in every poor village (Dazhou, seed 000); choose and send strong ones (Meishan, seed 002)'
		),
		params: [],
		keys: ['poor_village', 'first_secretary'],
		why: () => '贫困村当年 first_secretary 不为 1（无数据按没有算）',
		when: () => `${POOR} AND coalesce(i.first_secretary, 0) = 0`
	},
	{
		id: 'few_reserve_cadres',
		title: t('贫困村后备干部不足', 'Poor village short of reserve cadres'),
		sources: ['003'],
		note: t(
			`每个贫困村至少储备 2—3 名后备干部（${ZIYANG}）`,
			'Every poor village keeps at least 2–3 reserve cadres (Ziyang 2017 No. 8, seed 003)'
		),
		params: [param('min_cadres', t('后备干部至少', 'Reserve cadres at least'), 2, 1, 1, PEOPLE)],
		keys: ['poor_village', 'reserve_cadres'],
		why: (p) => `贫困村后备干部 reserve_cadres 少于 ${p.min_cadres} 名（无数据按 0 算）`,
		when: (p) => `${POOR} AND coalesce(i.reserve_cadres, 0) < ${p.min_cadres}`
	},
	{
		id: 'no_young_activist',
		title: t('贫困村当年未培养 35 岁以下积极分子', 'Poor village, no activist under 35 trained'),
		sources: ['003'],
		note: t(
			`贫困村每年至少培养 1 名 35 岁以下的入党积极分子（${ZIYANG}）`,
			'Every poor village trains at least one Party activist under 35 a year (Ziyang 2017 No. 8, seed 003)'
		),
		params: [],
		keys: ['poor_village', 'young_activist_trained'],
		why: () => '贫困村当年 young_activist_trained 不为 1（无数据按没有算）',
		when: () => `${POOR} AND coalesce(i.young_activist_trained, 0) = 0`
	},
	{
		id: 'no_young_committee',
		title: t('贫困村 35 岁以下两委成员不足', 'Poor village short of members under 35'),
		sources: ['000'],
		note: t(
			'每个贫困村配备 1—2 名 35 周岁以下的“两委”委员（达州，种子 000）',
			'Every poor village has 1–2 two-committee members under 35 (Dazhou, seed 000)'
		),
		params: [
			param('min_members', t('35 岁以下成员至少', 'Members under 35 at least'), 1, 1, 1, PEOPLE)
		],
		keys: ['poor_village', 'committee_under_35'],
		why: (p) =>
			`贫困村 35 岁以下两委成员 committee_under_35 少于 ${p.min_members} 名（无数据按 0 算）`,
		when: (p) => `${POOR} AND coalesce(i.committee_under_35, 0) < ${p.min_members}`
	},
	{
		id: 'factory_gap',
		title: t('安置社区缺少达标社区工厂', 'Resettlement community without a qualifying factory'),
		sources: ['003'],
		note: t(
			`500 户大型移民搬迁社区或 100 户以上农村人口集中区都有 1 家以上社区工厂：1 平方公里以内、用工 20 人以上、每年生产经营 6 个月以上（${ZIYANG}）`,
			'Every relocation community of 500+ households or rural concentration of 100+ has a factory within 1 km², with 20+ workers, operating 6+ months a year (Ziyang 2017 No. 8, seed 003)'
		),
		params: [
			param('min_households', t('社区户数', 'Households'), F.households, 1, 50, HOUSEHOLDS),
			param(
				'rural_households',
				t('集中区户数', 'Rural concentration households'),
				F.rural,
				1,
				10,
				HOUSEHOLDS
			),
			param('min_jobs', t('用工至少', 'Workers at least'), F.jobs, 1, 5, t('人', 'workers')),
			param('min_months', t('年开工至少', 'Months a year'), F.months, 1, 1, t('个月', 'months')),
			param('radius_km', t('距社区不超过', 'Within'), F.km, 0, 0.1, t('公里', 'km'))
		],
		keys: [],
		why: () => '村（社区）内有上面 factory_gap 中的安置社区（site.village_code）',
		when: () => 'v.code IN (SELECT code FROM factory_gap)'
	}
];

export const RULE_PRESETS: readonly RulePreset[] = RULES.map(
	({ id, title, sources, note, params }) => ({ id, title, sources, note, params })
);

export interface RuleChoice {
	id: RuleId;
	/** Thresholds by param name; a missing one takes the preset's default. */
	params?: Partial<Record<string, number>>;
}

export interface PlannerRequest {
	year: number;
	rules: RuleChoice[];
	combine: 'and' | 'or';
}

/** Seed 003's gap list as FACTORY_GAPS_SQL judges it: open communities needing a factory, none near. */
function factoryGapCte(year: number, title: string, p: Thresholds): string {
	return `factory_gap AS (
  -- ${title}（种子文件 003）：当年已建成的 ${p.min_households} 户以上安置社区
  -- 或 ${p.rural_households} 户以上农村人口集中区，${p.radius_km} 公里以内（1 平方公里）没有达标社区工厂：
  -- 当年已开工、用工 ${p.min_jobs} 人以上、年开工 ${p.min_months} 个月以上。与工厂缺口清单同一规则。
  SELECT
    c.village_code AS code,
    c.name AS community
  FROM site AS c
  WHERE c.kind = 'resettlement'
    AND (c.opened_year IS NULL OR c.opened_year <= ${year})
    AND (c.households >= ${p.min_households} OR c.households >= ${p.rural_households})
    AND NOT EXISTS (
      SELECT 1
      FROM site AS f
      WHERE f.kind = 'factory'
        AND (f.opened_year IS NULL OR f.opened_year <= ${year})
        AND coalesce(f.jobs, 0) >= ${p.min_jobs}
        AND coalesce(f.months_operating, 0) >= ${p.min_months}
        AND dist_km(f.lon, f.lat, c.lon, c.lat) <= ${p.radius_km}
    )
)`;
}

/** A preset's thresholds: the choice's own where given, else the defaults; all finite. */
function paramsOf(preset: RulePreset, choice: RuleChoice): Thresholds {
	const out: Thresholds = {};
	for (const name of Object.keys(choice.params ?? {}))
		if (!preset.params.some((q) => q.name === name))
			throw new RangeError(`rule ${preset.id} has no parameter ${name}`);
	for (const q of preset.params) {
		const v = choice.params?.[q.name] ?? q.default;
		if (!Number.isFinite(v)) throw new RangeError(`${preset.id}.${q.name} must be finite: ${v}`);
		out[q.name] = v;
	}
	return out;
}

/**
 * The request as one SELECT to run as is. The year and thresholds are written into the SQL as
 * number literals rather than bound as parameters, so the text pastes into the console whole;
 * that is safe only because every one is checked here to be a finite number (the year an
 * integer), whose `String()` is a plain numeric literal — anything else throws RangeError.
 */
export function plannerSql(req: PlannerRequest): string {
	const { year } = req;
	if (!Number.isInteger(year)) throw new RangeError(`year must be an integer: ${year}`);
	if (req.combine !== 'and' && req.combine !== 'or')
		throw new RangeError(`combine must be 'and' or 'or': ${String(req.combine)}`);
	const chosen = req.rules.map((choice) => {
		const preset = RULES.find((r) => r.id === choice.id);
		if (!preset) throw new RangeError(`unknown rule: ${String(choice.id)}`);
		return { preset, params: paramsOf(preset, choice) };
	});
	const ids = chosen.map((c) => c.preset.id);
	if (new Set(ids).size !== ids.length) throw new RangeError('a rule is chosen twice');

	const keys = [...new Set(chosen.flatMap((c) => c.preset.keys))];
	const ctes: string[] = [];
	if (keys.length > 0) {
		const pivot = keys.map((k) =>
			TEXT_KEYS.has(k)
				? `any_value(text) FILTER (WHERE key = '${k}') AS ${k}`
				: `max(value) FILTER (WHERE key = '${k}') AS ${k}`
		);
		ctes.push(`ind AS (
  -- ${year} 年的指标：indicator 表按 key 透视，每村一行，各规则读同一年
  SELECT
    code,
    ${pivot.join(',\n    ')}
  FROM indicator
  WHERE year = ${year}
  GROUP BY code
)`);
	}
	const gap = chosen.find((c) => c.preset.id === 'factory_gap');
	if (gap) ctes.push(factoryGapCte(year, gap.preset.title.zh, gap.params));

	const ruleCols = chosen.map(
		({ preset, params }) => `    -- ${preset.title.zh}（种子文件 ${preset.sources.join('、')}）：
    -- ${preset.why(params)}
    CASE
      WHEN ${preset.when(params)} THEN 1
      ELSE 0
    END AS rule_${preset.id}`
	);
	const cols = ['    v.code', '    v.name', '    v.township', ...ruleCols];
	const join = keys.length > 0 ? '\n  LEFT JOIN ind AS i ON i.code = v.code' : '';
	ctes.push(`hits AS (\n  SELECT\n${cols.join(',\n')}\n  FROM v_village AS v${join}\n)`);

	const op = req.combine === 'and' ? 'AND' : 'OR';
	const selected =
		ids.length === 0
			? '0 AS selected'
			: `CASE
    WHEN ${ids.map((id) => `rule_${id} = 1`).join(`\n      ${op} `)} THEN 1
    ELSE 0
  END AS selected`;
	const how =
		ids.length === 0
			? '未选规则，不选任何村'
			: `规则之间取${op === 'AND' ? '“且”' : '“或”'}（${op}）`;
	return `-- 规划预设：${year} 年需重点帮扶的村和社区；${how}。
-- 年份和阈值直接写成数字，可原样在控制台运行。
WITH ${ctes.join(',\n')}
SELECT
  ${['code', 'name', 'township', ...ids.map((id) => `rule_${id}`), selected].join(',\n  ')}
FROM hits
ORDER BY selected DESC, code`;
}

export interface PlannerAnswer {
	rows: {
		code: string;
		name: string;
		township: string;
		hits: Partial<Record<RuleId, boolean>>;
		selected: boolean;
	}[];
	/** Villages and communities each chosen rule finds. */
	counts: Partial<Record<RuleId, number>>;
	selected: number;
	sql: string;
}

/** Run the request's SQL: its rows (selected first), how many each rule finds, and the SQL. */
export async function queryPlanner(db: Connector, req: PlannerRequest): Promise<PlannerAnswer> {
	const sql = plannerSql(req);
	const ids = req.rules.map((r) => r.id);
	const t = await db.query(sql);
	const counts: Partial<Record<RuleId, number>> = Object.fromEntries(ids.map((id) => [id, 0]));
	const rows = t.toArray().map((r) => {
		const o = r.toJSON() as Record<string, unknown>;
		const hits: Partial<Record<RuleId, boolean>> = {};
		for (const id of ids) {
			hits[id] = Number(o[`rule_${id}`]) === 1;
			if (hits[id]) counts[id] = (counts[id] ?? 0) + 1;
		}
		return {
			code: String(o.code),
			name: String(o.name ?? ''),
			township: String(o.township ?? ''),
			hits,
			selected: Number(o.selected) === 1
		};
	});
	return { rows, counts, selected: rows.filter((r) => r.selected).length, sql };
}
