/**
 * The question the map asks first: the view a URL opens (defaults filled in) and its choropleth
 * query, built by the map's own client. The data build answers it ahead of time
 * (`first-view.arrow`); the map screen asks it again to see whether that answer fits its URL.
 * Only a view without filters or a comparison qualifies: those need other clients' answers.
 */
import type { IndicatorMeta } from '$lib/data/contract';
import type { SqlFragment } from '$lib/data/sql-fragment';
import { Selection } from '$lib/crossfilter/selection';
import { DERIVED_INDICATORS } from '$lib/analysis/derived-indicators';
import { ChoroplethClient } from './choropleth-client';
import { completeView, type View } from './view-defaults';
import type { UrlState } from './url-state';

export interface FirstQuery {
	view: View;
	meta: IndicatorMeta;
	query: SqlFragment;
}

/** The catalogue as the app offers it: derived indicators (poverty status…) in front. */
export function appCatalogue(manifestCatalogue: readonly IndicatorMeta[]): IndicatorMeta[] {
	return [...DERIVED_INDICATORS, ...manifestCatalogue];
}

/** The first view of `url` over a dataset and its choropleth query; null if it does not qualify. */
export function firstQuery(
	url: UrlState,
	catalogue: readonly IndicatorMeta[],
	years: readonly number[]
): FirstQuery | null {
	const view = completeView(url, catalogue, years);
	if (view.filters.length > 0 || view.compareYear !== undefined) return null;
	const meta = catalogue.find((m) => m.key === view.indicator);
	if (!meta) return null;
	const client = new ChoroplethClient(Selection.crossfilter(), () => {});
	client.setView(view, meta);
	const query = client.query(null);
	return query ? { view, meta, query } : null;
}
