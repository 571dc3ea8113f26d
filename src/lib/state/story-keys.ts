/**
 * Which key does what in story mode. Presentation clickers send PageDown/PageUp (some send the
 * arrow keys, a few "." or "b" for the blank screen); keyboards use the arrows, space and
 * Home/End. Escape leaves the story (in full screen the browser takes the first Escape to leave
 * full screen, which is what a presenter expects).
 */
export type StoryAction = 'next' | 'prev' | 'first' | 'last' | 'exit' | 'fullscreen';

const KEYS: Record<string, StoryAction> = {
	ArrowRight: 'next',
	ArrowDown: 'next',
	PageDown: 'next',
	' ': 'next',
	Enter: 'next',
	ArrowLeft: 'prev',
	ArrowUp: 'prev',
	PageUp: 'prev',
	Backspace: 'prev',
	Home: 'first',
	End: 'last',
	Escape: 'exit',
	f: 'fullscreen',
	F: 'fullscreen',
	F5: 'fullscreen'
};

/** The action of a key, or null for keys story mode leaves alone. */
export function storyAction(key: string): StoryAction | null {
	return KEYS[key] ?? null;
}

/** The slide an action leads to from `index` of `count` (null: stay, or leave for `exit`). */
export function storyTarget(action: StoryAction, index: number, count: number): number | null {
	if (count === 0) return null;
	switch (action) {
		case 'next':
			return index + 1 < count ? index + 1 : null;
		case 'prev':
			return index > 0 ? Math.min(index - 1, count - 1) : null;
		case 'first':
			return 0;
		case 'last':
			return count - 1;
		default:
			return null;
	}
}
