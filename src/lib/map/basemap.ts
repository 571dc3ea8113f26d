/**
 * The optional raster basemap (Tianditu, an intranet tile server), drawn UNDER the data. The
 * atlas map's own canvas sits above deck.gl's (so outlines and names stay on top of the
 * colours); a raster layer in it would cover the colours. So the basemap is a second,
 * non-interactive maplibre map in an element behind both canvases, following the main map's
 * camera on every move.
 *
 * Contract: `BasemapUnderlay.create(main, container, config)` puts it behind `container` (the
 * main map's element); `setVisible` shows or hides it; `destroy` removes it and its listener.
 */
import * as maplibregl from 'maplibre-gl';

/** What the underlay draws: raster tile templates (`data/app-config.ts` reads them from config.json). */
export interface BasemapSource {
	tiles: string[];
	attribution?: string;
	tileSize?: number;
	maxzoom?: number;
}

export class BasemapUnderlay {
	private constructor(
		private readonly main: maplibregl.Map,
		private readonly el: HTMLElement,
		private readonly under: maplibregl.Map,
		private readonly follow: () => void
	) {}

	static create(
		main: maplibregl.Map,
		container: HTMLElement,
		config: BasemapSource
	): BasemapUnderlay {
		const el = document.createElement('div');
		el.className = 'atlas-basemap';
		el.dataset.testid = 'basemap';
		el.style.cssText = 'position:absolute;inset:0;';
		container.parentElement?.insertBefore(el, container);
		const under = new maplibregl.Map({
			container: el,
			interactive: false,
			attributionControl: config.attribution ? { compact: false } : false,
			style: {
				version: 8,
				sources: {
					basemap: {
						type: 'raster',
						tiles: config.tiles,
						tileSize: config.tileSize ?? 256,
						maxzoom: config.maxzoom ?? 18,
						attribution: config.attribution
					}
				},
				layers: [{ id: 'basemap', type: 'raster', source: 'basemap' }]
			},
			center: main.getCenter(),
			zoom: main.getZoom()
		});
		const follow = () =>
			under.jumpTo({ center: main.getCenter(), zoom: main.getZoom(), bearing: main.getBearing() });
		main.on('move', follow);
		main.on('resize', () => under.resize());
		container.style.background = 'transparent';
		return new BasemapUnderlay(main, el, under, follow);
	}

	setVisible(visible: boolean): void {
		this.el.style.visibility = visible ? 'visible' : 'hidden';
	}

	destroy(): void {
		this.main.off('move', this.follow);
		this.under.remove();
		this.el.remove();
	}
}
