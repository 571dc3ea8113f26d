/**
 * What the URL holds: region, year, language and the measurement switch. Pure encode/decode so
 * a view can be bookmarked or sent, and so tests can state the rules directly.
 */
import type { Lang } from './messages';

export interface UrlState {
	region?: string;
	year?: number;
	lang?: Lang;
	bench?: boolean;
}

/** Read the state from a query string; unknown or malformed values are dropped. */
export function decodeUrlState(search: string | URLSearchParams): UrlState {
	const q = typeof search === 'string' ? new URLSearchParams(search) : search;
	const out: UrlState = {};
	const region = q.get('region');
	if (region && /^\d{2,12}$/.test(region)) out.region = region;
	const year = Number(q.get('year'));
	if (q.has('year') && Number.isInteger(year) && year >= 1900 && year <= 2100) out.year = year;
	const lang = q.get('lang');
	if (lang === 'en' || lang === 'zh') out.lang = lang;
	if (q.get('bench') === '1') out.bench = true;
	return out;
}

/** Write the state as a query string (no leading `?`), keys in a fixed order; defaults omitted. */
export function encodeUrlState(s: UrlState, defaults: UrlState = {}): string {
	const q = new URLSearchParams();
	if (s.region && s.region !== defaults.region) q.set('region', s.region);
	if (s.year !== undefined && s.year !== defaults.year) q.set('year', String(s.year));
	if (s.lang && s.lang !== (defaults.lang ?? 'zh')) q.set('lang', s.lang);
	if (s.bench) q.set('bench', '1');
	return q.toString();
}
