/**
 * The app's screens, in the order the top bar lists them. Links carry the region and language
 * across screens (the rest of the view belongs to the map).
 */
import type { MessageKey } from './messages';

export const SCREENS = [
	{ key: 'nav.map', path: '/' },
	{ key: 'nav.console', path: '/console' },
	{ key: 'nav.planner', path: '/planner' },
	{ key: 'nav.briefing', path: '/briefing' },
	{ key: 'nav.import', path: '/import' }
] as const satisfies readonly { key: MessageKey; path: string }[];

export type ScreenPath = (typeof SCREENS)[number]['path'];

/** Query string (with `?`, or empty) that keeps region and language on another screen. */
export function carriedQuery(
	region: string | undefined,
	defaultRegion: string | undefined,
	lang: string
): string {
	const q = new URLSearchParams();
	if (region && region !== defaultRegion) q.set('region', region);
	if (lang !== 'zh') q.set('lang', lang);
	const s = q.toString();
	return s ? `?${s}` : '';
}
