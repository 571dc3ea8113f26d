/**
 * The whole view in the URL: region, theme, indicator, level, years, classification, roll-up,
 * filters, selection, map extent, language, the story slide and the measurement switch. Pure encode/decode, so
 * a view can be bookmarked or sent, and so tests can state the rules directly.
 *
 * The query string stays human-readable (`,` and `:` are written as they are; Chinese text is
 * percent-encoded), keys come in one fixed order, and values equal to the defaults are left out,
 * so the plain URL means the default view. Decoding never throws: an unknown or malformed value
 * is dropped as if absent. Encoding writes only what decoding accepts.
 */
import { checkFilterSpec, INDICATOR_KEY, type FilterSpec } from '$lib/crossfilter/filters';

export const THEMES = ['poverty', 'collective', 'party', 'relocation'] as const;
export const LEVELS = ['village', 'township', 'county'] as const;
export const METHODS = ['categorical', 'quantile', 'equal', 'ckmeans', 'manual', 'policy'] as const;
export type Theme = (typeof THEMES)[number];
export type Level = (typeof LEVELS)[number];
export type Method = (typeof METHODS)[number];

export interface ViewState {
	region?: string;
	theme?: Theme;
	indicator?: string;
	level?: Level;
	year?: number;
	compareYear?: number;
	method?: Method;
	classes?: number;
	breaks?: number[];
	/** Roll-up statistic at township/county level, e.g. 'sum' | 'mean' | 'median' | 'share' | 'count'. */
	stat?: string;
	/** Which category a categorical roll-up shows. */
	category?: string;
	filters?: FilterSpec[];
	/** A unit code (county, township or village). */
	selected?: string;
	extent?: { lon: number; lat: number; zoom: number };
	lang?: 'zh' | 'en';
	/** Story mode: the index of the saved view shown as a slide (0 is the first). */
	story?: number;
	bench?: boolean;
}

/** The name the app has always imported. */
export type UrlState = ViewState;

/** Texts in filters and categories: letters (any script), digits, space and `_ - . · ( ) （ ）`. */
const SAFE_TEXT = /^[\p{L}\p{M}\p{N}_\-. ·()（）]{1,64}$/u;
const NUMBER = /^-?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;
const MAX_FILTERS = 16;
const MAX_BREAKS = 64;

type Key = keyof ViewState;
interface Codec {
	field: Key;
	param: string;
	/** The value as the texts of its parameter (several for a repeated one; none to omit). */
	write(v: never): string[];
	/** The value from the parameter's texts, or undefined if they are malformed. */
	read(texts: string[]): unknown;
}

function codec<K extends Key>(c: {
	field: K;
	param: string;
	write(v: NonNullable<ViewState[K]>): string[];
	read(texts: string[]): ViewState[K] | undefined;
}): Codec {
	return c as Codec;
}

/** A reader of a parameter that appears once (the first occurrence counts). */
function one<T>(fn: (t: string) => T | undefined) {
	return (texts: string[]): T | undefined => (texts[0] === undefined ? undefined : fn(texts[0]));
}

function pattern(re: RegExp) {
	return one<string>((t) => (re.test(t) ? t : undefined));
}
function choice<T extends string>(list: readonly T[]) {
	return one<T>((t) => ((list as readonly string[]).includes(t) ? (t as T) : undefined));
}
function integer(lo: number, hi: number) {
	return one((t) => {
		const n = Number(t);
		return /^\d{1,4}$/.test(t) && n >= lo && n <= hi ? n : undefined;
	});
}
function toNumber(t: string): number | undefined {
	const n = Number(t);
	return NUMBER.test(t) && Number.isFinite(n) ? n : undefined;
}
/** Rounded so that panning does not make 17-digit URLs: 4 decimals of a degree ≈ 11 m. */
function round(n: number, digits: number): string {
	return String(Number(n.toFixed(digits)));
}

function writeFilter(spec: FilterSpec): string[] {
	try {
		const s = checkFilterSpec(spec);
		const text = `${s.field}:${s.op}:${s.values.map((v) => (v === null ? '' : String(v))).join(',')}`;
		// A category with a comma would come back as two: write only what reads back the same.
		return JSON.stringify(readFilter(text)) === JSON.stringify(s) ? [text] : [];
	} catch {
		return [];
	}
}

function readFilter(text: string): FilterSpec | undefined {
	const m = /^([a-z][a-z0-9_]{0,63}):(in|range):(.*)$/.exec(text);
	if (!m) return undefined;
	const [, field, op, list] = m as unknown as [string, string, 'in' | 'range', string];
	const tokens = list.split(',');
	const values =
		op === 'range'
			? tokens.map((t) => (t === '' ? null : (toNumber(t) ?? NaN)))
			: tokens.map((t) => (SAFE_TEXT.test(t) ? t : NaN));
	try {
		return checkFilterSpec({ field, op, values });
	} catch {
		return undefined;
	}
}

const year = integer(1900, 2100);

/** Every parameter, in the order they are written. */
const CODECS: Codec[] = [
	codec({ field: 'region', param: 'region', write: (v) => [v], read: pattern(/^\d{2,12}$/) }),
	codec({ field: 'theme', param: 'theme', write: (v) => [v], read: choice(THEMES) }),
	codec({
		field: 'indicator',
		param: 'indicator',
		write: (v) => [v],
		read: pattern(INDICATOR_KEY)
	}),
	codec({ field: 'level', param: 'level', write: (v) => [v], read: choice(LEVELS) }),
	codec({ field: 'year', param: 'year', write: (v) => [String(v)], read: year }),
	codec({ field: 'compareYear', param: 'compare', write: (v) => [String(v)], read: year }),
	codec({ field: 'method', param: 'method', write: (v) => [v], read: choice(METHODS) }),
	codec({ field: 'classes', param: 'k', write: (v) => [String(v)], read: integer(2, 12) }),
	codec({
		field: 'breaks',
		param: 'breaks',
		write: (v) => (v.length ? [v.map(String).join(',')] : []),
		read: one((t) => {
			const ns = t.split(',').map(toNumber);
			if (
				ns.length > MAX_BREAKS ||
				ns.some((n, i) => n === undefined || (i > 0 && n <= ns[i - 1]!))
			)
				return undefined; // non-numeric or not ascending: a classification cannot use it
			return ns as number[];
		})
	}),
	codec({
		field: 'stat',
		param: 'stat',
		write: (v) => [v],
		read: pattern(/^[a-z][a-z0-9_]{0,31}$/)
	}),
	codec({ field: 'category', param: 'category', write: (v) => [v], read: pattern(SAFE_TEXT) }),
	codec({
		field: 'filters',
		param: 'filter',
		write: (v) => v.flatMap(writeFilter),
		read: (texts) => {
			const out: FilterSpec[] = [];
			for (const t of texts.slice(0, MAX_FILTERS)) {
				const f = readFilter(t);
				// One filter per field: a second one for the same field is a malformed URL.
				if (f && !out.some((o) => o.field === f.field)) out.push(f);
			}
			return out.length ? out : undefined;
		}
	}),
	codec({
		field: 'selected',
		param: 'selected',
		write: (v) => [v],
		read: pattern(/^(\d{6}|\d{9}|\d{12})$/)
	}),
	codec({
		field: 'extent',
		param: 'at',
		write: (v) => [`${round(v.lon, 4)},${round(v.lat, 4)},${round(v.zoom, 2)}`],
		read: one((t) => {
			const [lon, lat, zoom, ...rest] = t.split(',').map(toNumber);
			if (lon === undefined || lat === undefined || zoom === undefined || rest.length) return;
			if (Math.abs(lon) > 180 || Math.abs(lat) > 90 || zoom < 0 || zoom > 24) return;
			return { lon, lat, zoom };
		})
	}),
	codec({ field: 'lang', param: 'lang', write: (v) => [v], read: choice(['zh', 'en'] as const) }),
	codec({ field: 'story', param: 'story', write: (v) => [String(v)], read: integer(0, 999) }),
	codec({
		field: 'bench',
		param: 'bench',
		write: (v) => (v ? ['1'] : []),
		read: one((t) => (t === '1' ? true : undefined))
	})
];

/** Read the state from a query string; unknown or malformed values are dropped. */
export function decodeUrlState(search: string | URLSearchParams): ViewState {
	const q = typeof search === 'string' ? new URLSearchParams(search) : search;
	const out: Record<string, unknown> = {};
	for (const c of CODECS) {
		const texts = q.getAll(c.param).filter((t) => t.length <= 4096);
		const v = texts.length ? c.read(texts) : undefined;
		if (v !== undefined) out[c.field] = v;
	}
	return out as ViewState;
}

/** Readable in a URL: only what must be escaped is (`,` and `:` are legal in a query). */
function escapeParam(text: string): string {
	return encodeURIComponent(text).replaceAll('%2C', ',').replaceAll('%3A', ':');
}

/**
 * Write the state as a query string (no leading `?`), keys in a fixed order; values equal to
 * `defaults` (language: Chinese unless told otherwise) and values decoding would drop are omitted.
 */
export function encodeUrlState(s: ViewState, defaults: ViewState = {}): string {
	const base: ViewState = { ...defaults, lang: defaults.lang ?? 'zh' };
	const parts: string[] = [];
	for (const c of CODECS) {
		const v = s[c.field];
		if (v === undefined || v === null) continue;
		const texts = c.write(v as never);
		if (texts.length === 0 || c.read(texts) === undefined) continue;
		const d = base[c.field];
		if (d !== undefined && d !== null && c.write(d as never).join('&') === texts.join('&'))
			continue;
		for (const t of texts) parts.push(`${c.param}=${escapeParam(t)}`);
	}
	return parts.join('&');
}
