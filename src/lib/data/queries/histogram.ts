/**
 * Named SQL: the histogram of an indicator in a year — how many villages fall in each bin, among
 * all villages (`total`) and among those a filter keeps (`n`). The values are the villages' own
 * (`villageValuesSql`, derived indicators included), the same numbers the map colours and an
 * indicator filter tests, so a bin's count and the villages a brush over it selects agree.
 *
 * Bins follow the legend's interval rule (lower bound in, upper bound out) and the first bin is
 * open below, the last open above: every value is counted once, and a range that starts at the
 * first bin or ends at the last leaves that end open. Three ways to bin:
 * - `breaks`: the legend's breaks `b₀ < … < bₘ₋₁` make m + 1 bins, the legend's own classes;
 * - `equal`: about `count` bins of one "nice" width (1, 2 or 5 × 10ⁿ, at least `minStep`) over
 *   the UNFILTERED min…max, so the bars keep their place while other filters change;
 * - `categories`: a bin per category (category texts; flags and years by value).
 * Values and bounds travel as `?` parameters only.
 */
import type { Table } from 'apache-arrow';
import type { SqlParam } from '../connector';
import type { SqlFragment } from '../sql-fragment';
import { columnValues } from '../arrow-columns';
import { villageValuesSql, type ValuesMeta } from './indicator-values';

export type HistogramBinning =
	| { kind: 'breaks'; breaks: readonly number[] }
	| { kind: 'equal'; count: number; minStep?: number }
	| { kind: 'categories' };

export interface HistogramRequest {
	year: number;
	binning: HistogramBinning;
	/** Predicate over `v_village` (`code`, `township_code`, …): the villages `n` counts. */
	filter?: SqlFragment | null;
}

/** One row of the answer. `bin` −1 is the villages without a value (never in a bin). */
export interface HistogramRow {
	bin: number;
	/** Lower edge as drawn; null where the bin is open below and has no edge. */
	lo: number | null;
	/** Upper edge as drawn; null where the bin is open above and has no edge. */
	hi: number | null;
	/** Categories: the text (category indicators) or the value (flags, years). */
	text: string | null;
	value: number | null;
	n: number;
	total: number;
}

/** Most bins a request may ask for (edges travel as parameters). */
export const MAX_BINS = 200;

/** `hg_bin(bin, lo, hi)` for explicit breaks: m + 1 bins, the outer ones open. */
function breakBins(breaks: readonly number[]): SqlFragment {
	const b = [...breaks];
	if (b.length + 1 > MAX_BINS) throw new RangeError(`histogram: more than ${MAX_BINS} bins`);
	b.forEach((x, i) => {
		if (!Number.isFinite(x) || (i > 0 && !(x > (b[i - 1] as number))))
			throw new RangeError(`histogram: breaks must be finite and increasing, got ${b.join(', ')}`);
	});
	const rows: string[] = [];
	const params: SqlParam[] = [];
	for (let i = 0; i <= b.length; i++) {
		const lo = i === 0 ? 'NULL' : '?';
		const hi = i === b.length ? 'NULL' : '?';
		if (i > 0) params.push(b[i - 1] as number);
		if (i < b.length) params.push(b[i] as number);
		rows.push(`(${i}, ${lo}::DOUBLE, ${hi}::DOUBLE)`);
	}
	return {
		sql: `hg_bin AS (SELECT * FROM (VALUES ${rows.join(', ')}) AS hg_b(bin, lo, hi))`,
		params
	};
}

/**
 * `hg_bin(bin, lo, hi)` of nice equal width over the unfiltered values. The step is the first of
 * 1, 2, 5 × 10ⁿ at least (max − min) / count, and at least `minStep`; edges are multiples of it,
 * rounded to 9 decimals so 0.1 + 0.2 reads 0.3; a value on the top edge opens one more bin.
 */
function equalBins(count: number, minStep: number): SqlFragment {
	if (!Number.isInteger(count) || count < 1 || count > MAX_BINS)
		throw new RangeError(`histogram: ${count} bins (1…${MAX_BINS})`);
	if (!(minStep >= 0 && Number.isFinite(minStep)))
		throw new RangeError(`histogram: minStep ${minStep}`);
	return {
		sql: `hg_ext AS (
    SELECT min(value) AS vmin, max(value) AS vmax,
           CASE WHEN max(value) > min(value) THEN (max(value) - min(value)) / ? END AS raw
    FROM hg_val WHERE isfinite(value)
  ), hg_mag AS (
    SELECT vmin, vmax, raw, pow(10, floor(log10(raw))) AS mag FROM hg_ext WHERE vmin IS NOT NULL
  ), hg_step AS (
    SELECT vmin, vmax, greatest(?, CASE WHEN raw IS NULL THEN 1
      ELSE mag * CASE WHEN raw / mag <= 1 + 1e-9 THEN 1 WHEN raw / mag <= 2 + 1e-9 THEN 2
                      WHEN raw / mag <= 5 + 1e-9 THEN 5 ELSE 10 END END) AS step
    FROM hg_mag
  ), hg_grid AS (
    SELECT step, floor(vmin / step) * step AS start,
           (floor((vmax - floor(vmin / step) * step) / step + 1e-9) + 1)::BIGINT AS nb
    FROM hg_step
  ), hg_bin AS (
    SELECT i::INTEGER AS bin, round(start + i * step, 9) AS lo, round(start + (i + 1) * step, 9) AS hi
    FROM (SELECT start, step, unnest(range(nb)) AS i FROM hg_grid)
  )`,
		params: [count, minStep]
	};
}

/**
 * The statement: columns `bin INTEGER, lo DOUBLE, hi DOUBLE, text VARCHAR, value DOUBLE,
 * n INTEGER, total INTEGER`; numeric bins in order (every bin, empty ones too), or one row per
 * category found (unordered: the caller knows the legend's order); last, bin −1 for no data.
 */
export function histogramSql(meta: ValuesMeta, req: HistogramRequest): SqlFragment {
	const src = villageValuesSql(meta, req.year);
	const filter = req.filter ?? null;
	const kept = filter ? `coalesce((${filter.sql}), false)` : 'true';
	const head = `WITH hg_keep AS (SELECT code, ${kept} AS kept FROM v_village),
  hg_val AS (SELECT x.value, x.text, k.kept FROM (${src.sql}) AS x JOIN hg_keep k ON k.code = x.code)`;
	const headParams = [...(filter?.params ?? []), ...src.params];
	const noData = (cond: string) => `SELECT -1 AS bin, NULL::DOUBLE AS lo, NULL::DOUBLE AS hi,
    NULL::VARCHAR AS text, NULL::DOUBLE AS value, count(*) FILTER (WHERE kept)::INTEGER AS n,
    count(*)::INTEGER AS total FROM hg_val WHERE ${cond}`;
	if (req.binning.kind === 'categories') {
		const sqlText = `${head}
  SELECT * FROM (SELECT 0 AS bin, NULL::DOUBLE AS lo, NULL::DOUBLE AS hi, text,
    CASE WHEN text IS NULL THEN value END AS value, count(*) FILTER (WHERE kept)::INTEGER AS n,
    count(*)::INTEGER AS total FROM hg_val WHERE text IS NOT NULL OR isfinite(value) GROUP BY ALL)
  UNION ALL ${noData('text IS NULL AND (value IS NULL OR NOT isfinite(value))')}`;
		return { sql: sqlText, params: headParams };
	}
	const bins =
		req.binning.kind === 'breaks'
			? breakBins(req.binning.breaks)
			: equalBins(req.binning.count, req.binning.minStep ?? 0);
	// The outer bins match everything beyond them, so no value falls between bins.
	const sqlText = `${head}, ${bins.sql},
  hg_last AS (SELECT max(bin) AS last FROM hg_bin)
  SELECT * FROM (SELECT b.bin, b.lo, b.hi, NULL::VARCHAR AS text, NULL::DOUBLE AS value,
    count(v.value) FILTER (WHERE v.kept)::INTEGER AS n, count(v.value)::INTEGER AS total
  FROM hg_bin b CROSS JOIN hg_last l LEFT JOIN hg_val v ON isfinite(v.value)
    AND (b.bin = 0 OR v.value >= b.lo) AND (b.bin = l.last OR v.value < b.hi)
  GROUP BY b.bin, b.lo, b.hi)
  UNION ALL ${noData('value IS NULL OR NOT isfinite(value)')}`;
	return { sql: sqlText, params: [...headParams, ...bins.params] };
}

/** The rows of a `histogramSql` answer: numeric bins in order, then no data (bin −1) last. */
export function decodeHistogram(t: Table): HistogramRow[] {
	const bin = columnValues<number>(t, 'bin');
	const lo = columnValues<number | null>(t, 'lo');
	const hi = columnValues<number | null>(t, 'hi');
	const text = columnValues<string | null>(t, 'text');
	const value = columnValues<number | null>(t, 'value');
	const n = columnValues<number>(t, 'n');
	const total = columnValues<number>(t, 'total');
	const rows = bin.map((b, i) => ({
		bin: Number(b),
		lo: lo[i] ?? null,
		hi: hi[i] ?? null,
		text: text[i] ?? null,
		value: value[i] ?? null,
		n: Number(n[i]),
		total: Number(total[i])
	}));
	const rank = (r: HistogramRow) => (r.bin < 0 ? Infinity : r.bin);
	return rows.sort((a, b) => rank(a) - rank(b));
}
