/**
 * The analyst SQL console's example queries: the six questions analysts ask (domain notes,
 * "Questions analysts ask", ids q1–q6, each answering exactly what is asked) and at least one
 * more per theme. They are written to be read and copied: one clause a line, keywords in upper
 * case, a Chinese comment saying which indicator keys and which thresholds the answer rests on.
 *
 * Every result carries what the map needs to show it: `code` and `name` of the village or
 * township when a row is a unit, `lon`/`lat` when a row is a site. They use the views and
 * macros of `schema.ts` and the offline spatial functions of `spatial-functions.ts`; seed 003's
 * factory rule enters as the numbers of `analysis/factory-rule.ts`, so the console and the gap
 * list judge alike. `tests/unit/console-examples.test.ts` checks q1–q6 against plain TypeScript
 * over the Arrow files.
 */
import {
	MIN_FACTORY_JOBS,
	MIN_MONTHS_OPERATING,
	QUALIFYING_RADIUS_KM,
	RESETTLEMENT_HOUSEHOLDS_NEEDING_FACTORY
} from '$lib/analysis/factory-rule';

export type ConsoleExampleTheme = 'poverty' | 'collective' | 'party' | 'relocation' | 'spatial';

export interface ConsoleExample {
	id: string;
	theme: ConsoleExampleTheme;
	title: { zh: string; en: string };
	sql: string;
}

/** The six questions of the domain notes, as asked. */
const QUESTIONS: readonly ConsoleExample[] = [
	{
		id: 'q1',
		theme: 'spatial',
		title: {
			zh: '距安置社区 5 公里以上、党组织仍软弱涣散的贫困村',
			en: 'Poor villages over 5 km from any resettlement community whose Party branch is still weak and lax'
		},
		sql: `-- 贫困村：poor_village = 1；软弱涣散：branch_status = '软弱涣散'。
-- “仍”：取数据的最新年份（紫阳县为 2023 年）。
-- 距离：nearest_site_km 从村的标注点量到最近的安置社区（大圆距离，公里）。
WITH latest AS (
  SELECT max(year) AS year FROM indicator
)
SELECT
  v.code,
  v.name,
  v.township,
  p.poor_level,
  s.name AS nearest_community,
  round(nearest_site_km(v.code, 'resettlement'), 2) AS community_km
FROM v_village AS v
CROSS JOIN latest
JOIN v_poverty AS p ON p.code = v.code AND p.year = latest.year
JOIN v_party AS pa ON pa.code = v.code AND pa.year = latest.year
LEFT JOIN site AS s ON s.id = nearest_site(v.code, 'resettlement')
WHERE p.poor_village = 1
  AND pa.branch_status = '软弱涣散'
  AND nearest_site_km(v.code, 'resettlement') > 5
ORDER BY community_km DESC, v.code`
	},
	{
		id: 'q2',
		theme: 'collective',
		title: {
			zh: '2020 年各乡镇集体经济收入 3—10 万元的村占比',
			en: 'Share of villages with collective income of 30,000–100,000 yuan, by township, 2020'
		},
		sql: `-- “3—10万”取闭区间：30,000 ≤ 收入 ≤ 100,000 元，两端都算在内（BETWEEN 含两端）；
-- 紫阳县 2020 年没有恰好等于 3 万或 10 万的村，取开区间结果相同。
-- 分母：乡镇内当年有收入数据的村和社区（12 位代码的单元）；
-- 只算行政村时在 WHERE 中加 v.level = 'village'。
SELECT
  v.township_code AS code,
  v.township AS name,
  count(*) AS units,
  count(*) FILTER (WHERE c.collective_income BETWEEN 30000 AND 100000) AS units_3_to_10wan,
  round(
    100.0 * count(*) FILTER (WHERE c.collective_income BETWEEN 30000 AND 100000) / count(*),
    1
  ) AS share_pct
FROM v_village AS v
JOIN v_collective AS c ON c.code = v.code AND c.year = 2020
WHERE c.collective_income IS NOT NULL
GROUP BY v.township_code, v.township
ORDER BY share_pct DESC, v.township_code`
	},
	{
		id: 'q3',
		theme: 'collective',
		title: {
			zh: '2016 年为空壳村、2023 年集体经济收入超过 10 万元的村',
			en: 'Villages that were empty shells in 2016 and earn over 100,000 yuan in 2023'
		},
		sql: `-- 空壳村：当年集体经济收入 collective_income = 0；“超过 10 万”：> 100,000 元。
SELECT
  v.code,
  v.name,
  v.township,
  c16.collective_income AS income_2016,
  c23.collective_income AS income_2023
FROM v_village AS v
JOIN v_collective AS c16 ON c16.code = v.code AND c16.year = 2016
JOIN v_collective AS c23 ON c23.code = v.code AND c23.year = 2023
WHERE c16.collective_income = 0
  AND c23.collective_income > 100000
ORDER BY income_2023 DESC, v.code`
	},
	{
		id: 'q4',
		theme: 'relocation',
		title: {
			zh: '500 户以上、没有达标社区工厂的安置社区及其到最近工厂的距离',
			en: 'Resettlement communities of 500+ households with no qualifying factory, and the distance to the nearest factory'
		},
		sql: `-- 达标社区工厂（种子文件 003）：在社区 1 平方公里范围内（半径 ${QUALIFYING_RADIUS_KM} 公里），
-- 用工 ${MIN_FACTORY_JOBS} 人以上，年开工 ${MIN_MONTHS_OPERATING} 个月以上。按实际距离判断，任何一家工厂都可算，
-- 不论它登记服务哪个社区（community_id）。所有站点到 2020 年均已建成。
-- 最近工厂：任何规模的工厂，nearest_site_at_km 量社区点到工厂点的大圆距离。
SELECT
  c.id,
  c.name,
  t.name AS township,
  c.lon,
  c.lat,
  c.households,
  -- 1 平方公里内的工厂（都不达标：规模或开工月数不足）
  (
    SELECT count(*)
    FROM site AS f
    WHERE f.kind = 'factory'
      AND dist_km(f.lon, f.lat, c.lon, c.lat) <= ${QUALIFYING_RADIUS_KM}
  ) AS factories_within_1km2,
  nf.name AS nearest_factory,
  round(nearest_site_at_km(c.lon, c.lat, 'factory'), 2) AS nearest_factory_km
FROM site AS c
LEFT JOIN region AS t ON t.code = c.township_code
LEFT JOIN site AS nf ON nf.id = nearest_site_at(c.lon, c.lat, 'factory')
WHERE c.kind = 'resettlement'
  AND c.households >= ${RESETTLEMENT_HOUSEHOLDS_NEEDING_FACTORY}
  AND NOT EXISTS (
    SELECT 1
    FROM site AS f
    WHERE f.kind = 'factory'
      AND f.jobs >= ${MIN_FACTORY_JOBS}
      AND f.months_operating >= ${MIN_MONTHS_OPERATING}
      AND dist_km(f.lon, f.lat, c.lon, c.lat) <= ${QUALIFYING_RADIUS_KM}
  )
ORDER BY c.households DESC, c.id`
	},
	{
		id: 'q5',
		theme: 'party',
		title: {
			zh: '各乡镇各年贫困村第一书记覆盖率',
			en: 'First-secretary coverage of poor villages, by township and year'
		},
		sql: `-- 贫困村：poor_village = 1（建档立卡贫困村，各年相同，退出后仍计入）；
-- 覆盖：当年 first_secretary = 1。没有贫困村的乡镇不出现。
SELECT
  v.township_code AS code,
  v.township AS name,
  p.year,
  count(*) AS poor_villages,
  count(*) FILTER (WHERE pa.first_secretary = 1) AS with_first_secretary,
  round(100.0 * count(*) FILTER (WHERE pa.first_secretary = 1) / count(*), 1) AS coverage_pct
FROM v_village AS v
JOIN v_poverty AS p ON p.code = v.code
JOIN v_party AS pa ON pa.code = p.code AND pa.year = p.year
WHERE p.poor_village = 1
GROUP BY v.township_code, v.township, p.year
ORDER BY v.township_code, p.year`
	},
	{
		id: 'q6',
		theme: 'poverty',
		title: {
			zh: '2019 年退出贫困、2023 年集体经济仍薄弱（低于 5 万元）的村',
			en: 'Villages that exited poverty in 2019 and are still weak (below 50,000 yuan) in 2023'
		},
		sql: `-- 退出年份 exit_year 各年相同，取 2023 年那一行；
-- 薄弱村：集体经济收入 < 50,000 元（含空壳村，收入为 0）。
SELECT
  v.code,
  v.name,
  v.township,
  p.poor_level,
  c19.collective_income AS income_2019,
  c23.collective_income AS income_2023
FROM v_village AS v
JOIN v_poverty AS p ON p.code = v.code AND p.year = 2023
JOIN v_collective AS c19 ON c19.code = v.code AND c19.year = 2019
JOIN v_collective AS c23 ON c23.code = v.code AND c23.year = 2023
WHERE p.exit_year = 2019
  AND c23.collective_income < 50000
ORDER BY income_2023, v.code`
	}
];

/** More to learn from: at least one per theme. */
const MORE: readonly ConsoleExample[] = [
	{
		id: 'poverty-incidence',
		theme: 'poverty',
		title: {
			zh: '各乡镇各年贫困发生率（由分子分母重新计算）',
			en: 'Poverty incidence by township and year, recomputed from its parts'
		},
		sql: `-- 贫困发生率 = 未脱贫人口 ÷ 农业户籍人口。乡镇的发生率是合计之比，
-- 不是各村发生率的平均（人口多的村分量更重）。
SELECT
  v.township_code AS code,
  v.township AS name,
  p.year,
  sum(p.poor_people) AS poor_people,
  sum(p.rural_population) AS rural_population,
  round(100.0 * sum(p.poor_people) / nullif(sum(p.rural_population), 0), 2) AS incidence_pct
FROM v_village AS v
JOIN v_poverty AS p ON p.code = v.code
GROUP BY v.township_code, v.township, p.year
ORDER BY v.township_code, p.year`
	},
	{
		id: 'collective-bands',
		theme: 'collective',
		title: {
			zh: '2023 年各乡镇集体经济收入分档村数',
			en: 'Villages per collective-income band, by township, 2023'
		},
		sql: `-- 互不重叠的分档（元）：空壳 0；0—3 万；3—5 万；5—10 万（含 10 万）；10—50 万；50 万以上。
-- 薄弱村（< 5 万）= 空壳 + 0—3 万 + 3—5 万。
SELECT
  v.township_code AS code,
  v.township AS name,
  count(*) FILTER (WHERE c.collective_income = 0) AS empty_shell,
  count(*) FILTER (WHERE c.collective_income > 0 AND c.collective_income < 30000) AS below_3wan,
  count(*) FILTER (WHERE c.collective_income >= 30000 AND c.collective_income < 50000) AS from_3_to_5wan,
  count(*) FILTER (WHERE c.collective_income >= 50000 AND c.collective_income <= 100000) AS from_5_to_10wan,
  count(*) FILTER (WHERE c.collective_income > 100000 AND c.collective_income <= 500000) AS from_10_to_50wan,
  count(*) FILTER (WHERE c.collective_income > 500000) AS over_50wan
FROM v_village AS v
JOIN v_collective AS c ON c.code = v.code AND c.year = 2023
GROUP BY v.township_code, v.township
ORDER BY v.township_code`
	},
	{
		id: 'party-rectified',
		theme: 'party',
		title: {
			zh: '各乡镇每年整顿完成的软弱涣散党组织数',
			en: 'Weak-and-lax branches rectified, by township and year'
		},
		sql: `-- rectified_year 是最近一次整顿完成的年份，之后各年保留；
-- 当年完成整顿即 rectified_year = year。
SELECT
  v.township_code AS code,
  v.township AS name,
  pa.year,
  count(*) AS rectified,
  string_agg(v.name, '、' ORDER BY v.code) AS villages
FROM v_village AS v
JOIN v_party AS pa ON pa.code = v.code
WHERE pa.rectified_year = pa.year
GROUP BY v.township_code, v.township, pa.year
ORDER BY pa.year, v.township_code`
	},
	{
		id: 'party-no-secretary',
		theme: 'party',
		title: {
			zh: '最新年份没有第一书记的贫困村',
			en: 'Poor villages without a first secretary in the latest year'
		},
		sql: `-- 规划预设“贫困村无第一书记”（种子文件 000、002）。
WITH latest AS (
  SELECT max(year) AS year FROM indicator
)
SELECT
  v.code,
  v.name,
  v.township,
  p.poor_level,
  p.exit_year,
  pa.branch_status,
  pa.work_team_size
FROM v_village AS v
CROSS JOIN latest
JOIN v_poverty AS p ON p.code = v.code AND p.year = latest.year
JOIN v_party AS pa ON pa.code = v.code AND pa.year = latest.year
WHERE p.poor_village = 1
  AND coalesce(pa.first_secretary, 0) = 0
ORDER BY v.code`
	},
	{
		id: 'relocation-township',
		theme: 'relocation',
		title: {
			zh: '各乡镇易地搬迁户数与安置社区',
			en: 'Households relocated and resettlement communities, by township'
		},
		sql: `-- 搬迁户数 relocated_households 为各村累计数，取最新年份；
-- 安置社区的户数来自 site 表（搬出村与安置社区不一定在同一乡镇）。
WITH latest AS (
  SELECT max(year) AS year FROM indicator
),
moved AS (
  SELECT
    v.township_code AS code,
    sum(r.relocated_households) AS relocated_households,
    sum(r.relocated_people) AS relocated_people
  FROM v_village AS v
  CROSS JOIN latest
  JOIN v_relocation AS r ON r.code = v.code AND r.year = latest.year
  GROUP BY v.township_code
),
housed AS (
  SELECT
    township_code AS code,
    count(*) AS communities,
    sum(households) AS community_households
  FROM site
  WHERE kind = 'resettlement'
  GROUP BY township_code
)
SELECT
  t.code,
  t.name,
  coalesce(m.relocated_households, 0) AS relocated_households,
  coalesce(m.relocated_people, 0) AS relocated_people,
  coalesce(h.communities, 0) AS communities,
  coalesce(h.community_households, 0) AS community_households
FROM region AS t
LEFT JOIN moved AS m ON m.code = t.code
LEFT JOIN housed AS h ON h.code = t.code
WHERE t.level = 'township'
ORDER BY relocated_households DESC, t.code`
	},
	{
		id: 'spatial-near-factory',
		theme: 'spatial',
		title: {
			zh: '距社区工厂 3 公里以内的村和社区',
			en: 'Villages and communities within 3 km of a community factory'
		},
		sql: `-- 从村的标注点量到最近的社区工厂；nearest_site 给出工厂编号，连回 site 表取名称。
SELECT
  v.code,
  v.name,
  v.township,
  f.name AS nearest_factory,
  round(nearest_site_km(v.code, 'factory'), 2) AS factory_km
FROM v_village AS v
LEFT JOIN site AS f ON f.id = nearest_site(v.code, 'factory')
WHERE nearest_site_km(v.code, 'factory') <= 3
ORDER BY factory_km, v.code`
	},
	{
		id: 'spatial-site-village',
		theme: 'spatial',
		title: {
			zh: '每个安置社区和社区工厂所在的村',
			en: 'The village each resettlement community and factory lies in'
		},
		sql: `-- village_at(lon, lat)：点落在哪个村或社区的边界内（点在面内判断），返回 12 位代码。
-- matches_record 对照 site 表登记的 village_code。
SELECT
  s.id,
  s.kind,
  s.name,
  s.lon,
  s.lat,
  village_at(s.lon, s.lat) AS code,
  v.name AS village,
  v.township,
  village_at(s.lon, s.lat) = s.village_code AS matches_record
FROM site AS s
LEFT JOIN v_village AS v ON v.code = village_at(s.lon, s.lat)
ORDER BY s.kind DESC, s.id`
	},
	{
		id: 'spatial-hotspots',
		theme: 'spatial',
		title: {
			zh: '2020 年集体经济收入的冷热点（局部莫兰指数）',
			en: "Hot and cold spots of collective income, 2020 (local Moran's I)"
		},
		sql: `-- hotspots(指标, 年份)：局部莫兰指数 LISA 与 Getis-Ord Gi*，邻接为共享边界，999 次置换检验。
-- cluster：HH 高值被高值包围，LL 低值被低值包围，HL、LH 为异常点，ns 为不显著（p > 0.05）。
SELECT
  code,
  name,
  township,
  value,
  cluster,
  round(lisa_p, 3) AS p,
  hotspot
FROM hotspots('collective_income', 2020)
WHERE cluster <> 'ns'
ORDER BY cluster, value DESC`
	}
];

export const CONSOLE_EXAMPLES: readonly ConsoleExample[] = [...QUESTIONS, ...MORE];
