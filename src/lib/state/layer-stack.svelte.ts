/**
 * The map's layer list: which layers show, in what order, how opaque. It holds no layers itself:
 * `compose` takes the deck.gl layers each model built, keyed by entry, and returns them in draw
 * order with the hidden ones dropped and each entry's opacity applied (deck.gl's `opacity`
 * prop, set by cloning — same id and data, so deck.gl diffs instead of re-uploading).
 *
 * Contract: `entries` is the list top first (what the panel shows); `rows` the same with the
 * panel's move rules. The two frame entries — `labels` and `outlines` — are maplibre's layers,
 * drawn on a canvas above deck.gl's, so they stay pinned at the top: nothing moves above them
 * and they do not move. `frameSettings()` says what `AtlasMap.setFrameLayerVisibility/Opacity`
 * should apply. `applyTheme(theme)` shows the relocation layers on the relocation theme and
 * hides them on the others, except those the user has toggled (their choice stays for the tab).
 * Kept in memory only, not in the URL.
 */
import type { DataLayer, FrameLayerId } from '$lib/map/atlas-map';
import { HIGHLIGHT_ID } from '$lib/map/layers/highlight';
import type { MessageKey } from './messages';
import type { Theme } from '$lib/data/contract';

export type LayerKey =
	'labels' | 'outlines' | 'highlight' | 'gaps' | 'factories' | 'resettlement' | 'choropleth';

export interface LayerEntry {
	key: LayerKey;
	visible: boolean;
	/** 0–1. */
	opacity: number;
}

/** An entry as the layer panel shows it. */
export interface LayerRow extends LayerEntry {
	labelKey: MessageKey;
	/** A maplibre frame layer, always drawn above the data layers. */
	frame: boolean;
	canUp: boolean;
	canDown: boolean;
}

export type LayersByKey = Partial<Record<LayerKey, readonly DataLayer[]>>;

const FRAME: Partial<Record<LayerKey, readonly FrameLayerId[]>> = {
	labels: ['township-label'],
	outlines: ['township-line', 'county-line']
};

/** The relocation layers: shown by default on the relocation theme only. */
const SITE_LAYERS: readonly LayerKey[] = ['resettlement', 'factories', 'gaps'];

const LABEL_KEYS: Record<LayerKey, MessageKey> = {
	labels: 'layers.labels',
	outlines: 'layers.outlines',
	highlight: 'layers.highlight',
	gaps: 'layers.gaps',
	factories: 'layers.factories',
	resettlement: 'layers.resettlement',
	choropleth: 'layers.choropleth'
};

/** Top first: frame, selection, gaps over factories over communities, the choropleth at the bottom. */
const DEFAULT_ORDER: readonly LayerKey[] = [
	'labels',
	'outlines',
	'highlight',
	'gaps',
	'factories',
	'resettlement',
	'choropleth'
];

export const isFrameLayer = (key: LayerKey): boolean => key in FRAME;

/** The choropleth model's layers under the stack's keys: the selection outline apart. */
export function choroplethParts(layers: readonly DataLayer[]): LayersByKey {
	return {
		choropleth: layers.filter((l) => l.id !== HIGHLIGHT_ID),
		highlight: layers.filter((l) => l.id === HIGHLIGHT_ID)
	};
}

export class LayerStack {
	entries = $state<LayerEntry[]>(
		DEFAULT_ORDER.map((key) => ({ key, visible: !SITE_LAYERS.includes(key), opacity: 1 }))
	);
	// Which layers the user has toggled: the theme no longer decides for them. Not reactive
	// state: read only when a theme is applied.
	// eslint-disable-next-line svelte/prefer-svelte-reactivity
	#touched = new Set<LayerKey>();

	get rows(): LayerRow[] {
		return this.entries.map((e, i) => ({
			...e,
			labelKey: LABEL_KEYS[e.key],
			frame: isFrameLayer(e.key),
			canUp: this.#canMove(i, -1),
			canDown: this.#canMove(i, 1)
		}));
	}

	entry(key: LayerKey): LayerEntry {
		return this.entries.find((e) => e.key === key) as LayerEntry;
	}

	/** Show or hide a layer at the user's request (the theme no longer changes it). */
	setVisible(key: LayerKey, visible: boolean): void {
		this.#touched.add(key);
		this.entry(key).visible = visible;
	}

	setOpacity(key: LayerKey, opacity: number): void {
		this.entry(key).opacity = Math.min(1, Math.max(0, Number.isFinite(opacity) ? opacity : 1));
	}

	/** Move a layer one place up (-1, drawn over the next) or down (+1); false if it cannot. */
	move(key: LayerKey, step: -1 | 1): boolean {
		const i = this.entries.findIndex((e) => e.key === key);
		if (!this.#canMove(i, step)) return false;
		const next = [...this.entries];
		[next[i], next[i + step]] = [next[i + step] as LayerEntry, next[i] as LayerEntry];
		this.entries = next;
		return true;
	}

	#canMove(i: number, step: -1 | 1): boolean {
		const a = this.entries[i];
		const b = this.entries[i + step];
		return !!a && !!b && !isFrameLayer(a.key) && !isFrameLayer(b.key);
	}

	/** Theme defaults for the relocation layers the user has not toggled. */
	applyTheme(theme: Theme): void {
		for (const key of SITE_LAYERS) {
			if (!this.#touched.has(key)) this.entry(key).visible = theme === 'relocation';
		}
	}

	/** The deck.gl layers to draw, bottom first, hidden entries left out, opacities applied. */
	compose(layers: LayersByKey): DataLayer[] {
		const out: DataLayer[] = [];
		for (let i = this.entries.length - 1; i >= 0; i--) {
			const e = this.entries[i] as LayerEntry;
			if (!e.visible || isFrameLayer(e.key)) continue;
			for (const layer of layers[e.key] ?? []) {
				out.push(
					e.opacity === 1 ? layer : layer.clone({ opacity: layer.props.opacity * e.opacity })
				);
			}
		}
		return out;
	}

	/** What each maplibre frame layer should show: pass to `AtlasMap.setFrameLayer…`. */
	frameSettings(): { id: FrameLayerId; visible: boolean; opacity: number }[] {
		return this.entries.flatMap((e) =>
			(FRAME[e.key] ?? []).map((id) => ({ id, visible: e.visible, opacity: e.opacity }))
		);
	}
}
