/**
 * Named SQL: the leader briefing's KPI cards (issue 10) for a year and the year before, in one
 * statement. Each card names the catalogue indicator whose map shows it. Units are the villages
 * and communities (as `v_village`); a year with no indicator row gives nulls throughout.
 * - Households and people exited are `registered_* − poor_*` (registered minus still poor at the
 *   year's end): the catalogue has both parts for households and people, while
 *   `exited_households` is one year's flow and has no people counterpart.
 * - Incidence is recomputed, sum(poor_people) ÷ sum(rural_population) over units with both (the
 *   catalogue's `ratio` roll-up), never a mean of village rates. Shares are fractions 0–1.
 * - Relocation sums `relocated_households` / `relocated_people`, cumulative in the catalogue.
 * - Factories are `site` rows opened by the year (no `opened_year`: always), as in `sites.ts`.
 * - Seed 001's four-level roll-up (县—乡—村—户) counts the units with data that year.
 */
import type { Connector, SqlParam } from '../connector';
import { formatCount, formatYuanShort, type Label } from '$lib/analysis/format';
import { WEAK_COLLECTIVE_LINE } from '$lib/analysis/derived-indicators';

export interface Kpi {
	id: string;
	title: Label;
	value: number | null;
	/** The same figure for year − 1. */
	previous: number | null;
	unit: Label;
	kind: 'count' | 'share' | 'amount';
	/** The map view it links to. */
	link: { indicator: string; level?: 'village' | 'township' | 'county'; category?: string };
	/** E.g. "of 105". */
	detail?: Label;
}

/** The lines the cards count by (editable, as the domain notes ask). */
export interface KpiThresholds {
	/** Collective income below this is a weak collective economy (薄弱村), yuan. */
	weakBelow: number;
	/** The "3—10万" band of seed 001, both ends included, yuan. */
	bandLow: number;
	bandHigh: number;
	/** The `branch_status` of a weak-and-lax branch. */
	laxStatus: string;
}

export const KPI_THRESHOLDS: KpiThresholds = {
	weakBelow: WEAK_COLLECTIVE_LINE,
	bandLow: 30_000,
	bandHigh: 100_000,
	laxStatus: '软弱涣散'
};

/** Parameters: year, weak line, band low and high, lax status. One row per year that has data. */
export const KPIS_SQL = `WITH p AS (
    SELECT ?::INTEGER AS year, ?::DOUBLE AS weak_below, ?::DOUBLE AS band_lo,
      ?::DOUBLE AS band_hi, ?::VARCHAR AS lax
  ), u AS (
    SELECT v.code, v.level, v.parent_code AS township_code, t.parent_code AS county_code
    FROM region v LEFT JOIN region t ON t.code = v.parent_code
    WHERE v.level IN ('village', 'community')
  ), w AS (
    SELECT i.year, u.code, any_value(u.level) AS level,
      any_value(u.township_code) AS township_code, any_value(u.county_code) AS county_code,
      max(i.value) FILTER (WHERE i.key = 'poor_village') AS poor_village,
      max(i.value) FILTER (WHERE i.key = 'exit_year') AS exit_year,
      max(i.value) FILTER (WHERE i.key = 'registered_households') AS reg_hh,
      max(i.value) FILTER (WHERE i.key = 'registered_people') AS reg_people,
      max(i.value) FILTER (WHERE i.key = 'poor_households') AS poor_hh,
      max(i.value) FILTER (WHERE i.key = 'poor_people') AS poor_people,
      max(i.value) FILTER (WHERE i.key = 'rural_population') AS rural_pop,
      max(i.value) FILTER (WHERE i.key = 'collective_income') AS income,
      any_value(i.text) FILTER (WHERE i.key = 'branch_status') AS branch_status,
      max(i.value) FILTER (WHERE i.key = 'rectified_year') AS rectified_year,
      max(i.value) FILTER (WHERE i.key = 'first_secretary') AS first_secretary,
      max(i.value) FILTER (WHERE i.key = 'relocated_households') AS relocated_hh,
      max(i.value) FILTER (WHERE i.key = 'relocated_people') AS relocated_people
    FROM indicator i JOIN u ON u.code = i.code CROSS JOIN p
    WHERE i.year IN (p.year, p.year - 1)
    GROUP BY i.year, u.code
  ), f AS (
    SELECT y.year, count(s.id) AS community_factories, coalesce(sum(s.jobs), 0) AS factory_jobs
    FROM (SELECT DISTINCT year FROM w) y
    LEFT JOIN site s ON s.kind = 'factory' AND coalesce(s.opened_year, y.year) <= y.year
    GROUP BY y.year
  ), a AS (
    SELECT w.year,
      count(*) FILTER (WHERE poor_village = 1) AS poor_villages,
      CASE WHEN count(poor_village) > 0 THEN count(*) FILTER (
        WHERE poor_village = 1 AND exit_year <= w.year) END AS poor_villages_exited,
      sum(reg_hh) AS rollup_households, sum(reg_hh - poor_hh) AS households_exited,
      sum(reg_people) AS reg_people, sum(reg_people - poor_people) AS people_exited,
      sum(poor_people) FILTER (WHERE rural_pop IS NOT NULL) AS poor_people,
      sum(rural_pop) FILTER (WHERE poor_people IS NOT NULL) AS rural_pop,
      count(income) AS income_units,
      CASE WHEN count(income) > 0 THEN count(*) FILTER (WHERE income = 0) END
        AS empty_shell_villages,
      CASE WHEN count(income) > 0 THEN count(*) FILTER (WHERE income < weak_below) END
        AS weak_villages,
      count(*) FILTER (WHERE income BETWEEN band_lo AND band_hi) AS in_band,
      CASE WHEN count(branch_status) > 0 THEN count(*) FILTER (WHERE branch_status = lax) END
        AS lax_branches,
      CASE WHEN count(branch_status) > 0 THEN count(*) FILTER (WHERE rectified_year = w.year) END
        AS branches_rectified,
      count(*) FILTER (WHERE poor_village = 1 AND first_secretary IS NOT NULL) AS poor_fs_known,
      count(*) FILTER (WHERE poor_village = 1 AND first_secretary = 1) AS poor_with_fs,
      sum(relocated_hh) AS relocated_households, sum(relocated_people) AS relocated_people,
      count(DISTINCT county_code) AS rollup_county,
      count(DISTINCT township_code) AS rollup_townships,
      count(*) AS rollup_villages, count(*) FILTER (WHERE level = 'village') AS villages,
      count(*) FILTER (WHERE level = 'community') AS communities
    FROM w CROSS JOIN p
    GROUP BY w.year
  )
SELECT a.*, poor_people / nullif(rural_pop, 0) AS incidence,
  in_band / nullif(income_units, 0) AS income_band_share,
  poor_with_fs / nullif(poor_fs_known, 0) AS first_secretary_coverage,
  f.community_factories, f.factory_jobs
FROM a JOIN f ON f.year = a.year
ORDER BY a.year`;

/** One row of the answer, by column; every value a number or null. */
type Row = Record<string, number | null>;
/** A card before its numbers: its id is the answer's column. */
type Spec = Omit<Kpi, 'value' | 'previous' | 'detail' | 'kind'> & {
	kind?: Kpi['kind'];
	detail?: (r: Row) => Label;
};

const t = (zh: string, en: string): Label => ({ zh, en });
const n = (v: number | null | undefined) => (v == null ? '—' : formatCount(v));
/** "of N …". */
const of = (all: string, zh: string, en: string) => (r: Row) =>
	t(`共 ${n(r[all])} ${zh}`, `of ${n(r[all])} ${en}`);
/** "k of N …", beside a share. */
const part = (hit: string, all: string, zh: string, en: string) => (r: Row) =>
	t(`${n(r[hit])} / ${n(r[all])} ${zh}`, `${n(r[hit])} of ${n(r[all])} ${en}`);
const wan = (yuan: number) => formatYuanShort(yuan, 'zh');
const yuan = (amount: number) => formatYuanShort(amount, 'en');

const VILLAGES = t('个', 'villages');
const BRANCHES = t('个', 'branches');
const HOUSEHOLDS = t('户', 'households');
const PEOPLE = t('人', 'people');
const SHARE = t('', '');
const FOUR_LEVELS = () => t('县乡村户四级', 'county–township–village–household');
const UNITS = of('income_units', '个村(社区)', 'villages and communities');

/** The cards in briefing order; titles and links follow the thresholds. */
function specs(th: KpiThresholds): Spec[] {
	return [
		{
			id: 'poor_villages_exited',
			title: t('退出贫困村', 'Poor villages exited'),
			unit: VILLAGES,
			link: { indicator: 'poverty_status', level: 'village' },
			detail: of('poor_villages', '个贫困村', 'poor villages')
		},
		{
			id: 'households_exited',
			title: t('脱贫户(累计)', 'Poor households exited (cumulative)'),
			unit: HOUSEHOLDS,
			link: { indicator: 'exited_households', level: 'township' },
			detail: of('rollup_households', '户建档立卡', 'registered')
		},
		{
			id: 'people_exited',
			title: t('脱贫人口(累计)', 'Poor people exited (cumulative)'),
			unit: PEOPLE,
			link: { indicator: 'poor_people', level: 'township' },
			detail: of('reg_people', '人建档立卡', 'registered')
		},
		{
			id: 'incidence',
			title: t('贫困发生率', 'Poverty incidence'),
			unit: SHARE,
			kind: 'share',
			link: { indicator: 'incidence', level: 'township' },
			detail: (r) =>
				t(
					`未脱贫 ${n(r.poor_people)} 人 / 农业户籍 ${n(r.rural_pop)} 人`,
					`${n(r.poor_people)} still poor of ${n(r.rural_pop)} rural residents`
				)
		},
		{
			id: 'empty_shell_villages',
			title: t('空壳村', 'Empty-shell villages'),
			unit: VILLAGES,
			link: { indicator: 'empty_shell', level: 'village' },
			detail: UNITS
		},
		{
			id: 'weak_villages',
			title: t(
				`集体经济薄弱村(低于 ${wan(th.weakBelow)} 万元)`,
				`Weak collective economies (under ${yuan(th.weakBelow)} yuan)`
			),
			unit: VILLAGES,
			link: { indicator: 'weak_collective', level: 'village' },
			detail: UNITS
		},
		{
			id: 'income_band_share',
			title: t(
				`集体经济收入 ${wan(th.bandLow)}—${wan(th.bandHigh)} 万元的村占比`,
				`Villages with ${yuan(th.bandLow)}–${yuan(th.bandHigh)} yuan collective income`
			),
			unit: SHARE,
			kind: 'share',
			link: { indicator: 'collective_income', level: 'village' },
			detail: part('in_band', 'income_units', '个村(社区)', 'villages and communities')
		},
		{
			id: 'lax_branches',
			title: t('软弱涣散党组织', 'Weak-and-lax Party branches'),
			unit: BRANCHES,
			link: { indicator: 'branch_status', level: 'village', category: th.laxStatus }
		},
		{
			id: 'branches_rectified',
			title: t('当年整顿完成', 'Branches rectified this year'),
			unit: BRANCHES,
			link: { indicator: 'rectified_year', level: 'village' }
		},
		{
			id: 'first_secretary_coverage',
			title: t('贫困村第一书记覆盖率', 'First-secretary coverage of poor villages'),
			unit: SHARE,
			kind: 'share',
			link: { indicator: 'first_secretary', level: 'village' },
			detail: part('poor_with_fs', 'poor_fs_known', '个贫困村', 'poor villages')
		},
		{
			id: 'relocated_households',
			title: t('易地搬迁户数(累计)', 'Households relocated (cumulative)'),
			unit: HOUSEHOLDS,
			link: { indicator: 'relocated_households', level: 'township' }
		},
		{
			id: 'relocated_people',
			title: t('易地搬迁人口(累计)', 'People relocated (cumulative)'),
			unit: PEOPLE,
			link: { indicator: 'relocated_people', level: 'township' }
		},
		{
			id: 'community_factories',
			title: t('社区工厂', 'Community factories'),
			unit: t('个', 'factories'),
			link: { indicator: 'factories', level: 'township' }
		},
		{
			id: 'factory_jobs',
			title: t('社区工厂就业', 'Community factory jobs'),
			unit: t('人', 'jobs'),
			link: { indicator: 'factory_jobs', level: 'township' }
		},
		{
			id: 'rollup_county',
			title: t('县', 'County'),
			unit: t('个', 'county'),
			link: { indicator: 'registered_households', level: 'county' },
			detail: FOUR_LEVELS
		},
		{
			id: 'rollup_townships',
			title: t('乡镇(街道)', 'Townships'),
			unit: t('个', 'townships'),
			link: { indicator: 'registered_households', level: 'township' },
			detail: FOUR_LEVELS
		},
		{
			id: 'rollup_villages',
			title: t('村(社区)', 'Villages and communities'),
			unit: VILLAGES,
			link: { indicator: 'registered_households', level: 'village' },
			detail: (r) =>
				t(
					`${n(r.villages)} 个村、${n(r.communities)} 个社区`,
					`${n(r.villages)} villages, ${n(r.communities)} communities`
				)
		},
		{
			id: 'rollup_households',
			title: t('建档立卡贫困户', 'Registered poor households'),
			unit: HOUSEHOLDS,
			link: { indicator: 'registered_households', level: 'village' },
			detail: FOUR_LEVELS
		}
	];
}

/** A number of the answer (BIGINT arrives as bigint); null and NaN read as null. */
const toNumber = (v: unknown) => (v == null || !Number.isFinite(Number(v)) ? null : Number(v));

/** The briefing's cards for `year`, each with the same figure for `year − 1`. */
export async function queryKpis(
	db: Connector,
	year: number,
	thresholds: KpiThresholds = KPI_THRESHOLDS
): Promise<Kpi[]> {
	const { weakBelow, bandLow, bandHigh, laxStatus } = thresholds;
	const params: SqlParam[] = [year, weakBelow, bandLow, bandHigh, laxStatus];
	const rows = new Map<number, Row>();
	for (const r of (await db.query(KPIS_SQL, params)).toArray()) {
		const row: Row = {};
		for (const [k, v] of Object.entries(r.toJSON() as object)) row[k] = toNumber(v);
		rows.set(row.year ?? NaN, row);
	}
	const [now, before] = [rows.get(year), rows.get(year - 1)];
	return specs(thresholds).map(({ detail, kind = 'count', ...spec }) => ({
		...spec,
		kind,
		value: now?.[spec.id] ?? null,
		previous: before?.[spec.id] ?? null,
		...(now && detail ? { detail: detail(now) } : {})
	}));
}
