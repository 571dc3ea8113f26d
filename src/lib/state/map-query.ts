/**
 * The map screen's URL query for a view: the view completed, then only what differs from the
 * defaults (the first map; for classes and roll-up, that indicator's own defaults at that
 * level). The theme follows from the indicator and is never written. Pure: the route calls it
 * for every change of the view.
 */
import { encodeUrlState, type UrlState } from './url-state';
import { completeView, type View } from './view-defaults';
import { completeInYears } from './view-needs';
import type { LoadedDataset } from './session.svelte';

/** The URL's view over a loaded dataset, in a year its indicator has data in. */
export function completeDatasetView(url: UrlState, ds: LoadedDataset): View {
	const yearsOf = ds.manifest.indicatorParts ? (k: string) => ds.indicators.yearsOf(k) : undefined;
	return completeInYears(url, ds.catalogue, ds.manifest.years, yearsOf);
}

export function mapQuery(
	url: UrlState,
	ds: LoadedDataset,
	defaultRegion: string | undefined,
	bench: boolean | undefined
): string {
	const v = completeDatasetView(url, ds);
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
