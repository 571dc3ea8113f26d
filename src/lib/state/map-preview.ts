/**
 * The map's first frame from the files (see `session.preview`): the view a URL opens, the shapes
 * of its level and the colours of the shipped answer — or null when that answer does not answer
 * exactly what the view asks (another region, view, filter, or newer SQL).
 */
import { answers } from '$lib/data/first-view';
import { decodeIndicatorValues } from '$lib/data/queries/indicator-values';
import type { Shapes } from '$lib/data/queries/shapes';
import { classify, type ChoroplethResult } from './choropleth-client';
import { firstQuery } from './first-view-query';
import type { Preview } from './session.svelte';
import type { UrlState } from './url-state';
import type { View } from './view-defaults';

export interface PreviewFrame {
	view: View;
	/** Key of the units for the layer model (`<region>/<level>`). */
	unitsKey: string;
	shapes: Shapes;
	result: ChoroplethResult;
}

export function previewFrame(p: Preview, url: UrlState): PreviewFrame | null {
	if (url.region && url.region !== p.region.code) return null;
	const first = firstQuery(url, p.catalogue, p.manifest.years);
	if (!first || !answers(p.first, first.query)) return null;
	const { view, meta } = first;
	return {
		view,
		unitsKey: `${p.region.code}/${view.level}`,
		shapes: { village: p.villages, township: p.townships, county: p.counties }[view.level],
		result: classify(meta, view, decodeIndicatorValues(p.first.table))
	};
}
