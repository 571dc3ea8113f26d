/**
 * Story mode on the map screen: the saved views played as slides. The slide shown is `story` in
 * the URL; moving to another slide opens its saved view's query with the new index, leaving
 * opens the current view without it. Keys (arrows, a clicker's PageUp/PageDown, F, Escape) are
 * read from the window, except while typing in a field.
 */
import type { Lang } from '$lib/analysis/format';
import type { SavedViews } from './saved-views.svelte';
import { storyAction, storyTarget } from './story-keys';
import { decodeUrlState, type UrlState } from './url-state';

export class StoryMode {
	constructor(
		private readonly saved: SavedViews,
		/** Open a view (through the URL, as a click would). */
		private readonly open: (url: UrlState) => void,
		/** The map's view now, for leaving the story where it stands. */
		private readonly current: () => UrlState,
		private readonly lang: () => Lang
	) {}

	/** Show slide `i`: its saved view, in the current language. */
	go(i: number): void {
		const v = this.saved.views[i];
		if (v) this.open({ ...decodeUrlState(v.query), lang: this.lang(), story: i });
	}

	exit(): void {
		if (document.fullscreenElement) void document.exitFullscreen().catch(() => {});
		this.open({ ...this.current(), story: undefined });
	}

	toggleFullscreen(): void {
		const done = document.fullscreenElement
			? document.exitFullscreen()
			: document.documentElement.requestFullscreen();
		void done?.catch(() => {}); // refused (no user gesture, or a frame): the slide still shows
	}

	/** A key pressed while slide `index` shows (undefined: not in story mode). */
	onKey(e: KeyboardEvent, index: number | undefined): void {
		if (index === undefined || e.altKey || e.ctrlKey || e.metaKey) return;
		const el = e.target as HTMLElement | null;
		if (el && (/^(INPUT|TEXTAREA|SELECT)$/.test(el.tagName) || el.isContentEditable)) return;
		const action = storyAction(e.key);
		if (!action) return;
		e.preventDefault();
		if (action === 'exit') return this.exit();
		if (action === 'fullscreen') return this.toggleFullscreen();
		const i = storyTarget(action, index, this.saved.views.length);
		if (i !== null) this.go(i);
	}
}
