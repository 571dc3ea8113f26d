/**
 * The map screen's URL query for a view: the view completed, then only what differs from the
 * defaults (the first map; for classes and roll-up, that indicator's own defaults at that
 * level). The theme follows from the indicator and is never written. Pure: the route calls it
 * for every change of the view.
 */
import { encodeUrlState, type UrlState } from './url-state';
import { completeView } from './view-defaults';
import type { LoadedDataset } from './session.svelte';

export function mapQuery(
	url: UrlState,
	ds: LoadedDataset,
	defaultRegion: string | undefined,
	bench: boolean | undefined
): string {
	const v = completeView(url, ds.catalogue, ds.manifest.years);
	const d = completeView(
		{ indicator: v.indicator, level: v.level },
		ds.catalogue,
		ds.manifest.years
	);
	const defaults: UrlState = {
		...d,
		theme: v.theme,
		indicator: 'poverty_status',
		level: 'village',
		year: ds.manifest.latestYear,
		region: defaultRegion
	};
	return encodeUrlState(
		{ ...v, region: url.region, lang: url.lang, bench, story: url.story },
		defaults
	);
}
