import { describe, expect, it } from 'vitest';
import { storyAction, storyTarget } from './story-keys';

describe('story keys', () => {
	it.each([
		['PageDown', 'next'],
		['ArrowRight', 'next'],
		[' ', 'next'],
		['PageUp', 'prev'],
		['ArrowLeft', 'prev'],
		['Home', 'first'],
		['End', 'last'],
		['Escape', 'exit'],
		['f', 'fullscreen']
	])('%s means %s', (key, action) => {
		expect(storyAction(key)).toBe(action);
	});

	it('other keys are left to the page', () => {
		expect(storyAction('a')).toBeNull();
		expect(storyAction('Tab')).toBeNull();
	});

	it('next stops at the last slide and previous at the first', () => {
		expect(storyTarget('next', 0, 3)).toBe(1);
		expect(storyTarget('next', 2, 3)).toBeNull();
		expect(storyTarget('prev', 1, 3)).toBe(0);
		expect(storyTarget('prev', 0, 3)).toBeNull();
	});

	it('first and last jump to the ends; an empty story goes nowhere', () => {
		expect(storyTarget('first', 2, 5)).toBe(0);
		expect(storyTarget('last', 0, 5)).toBe(4);
		expect(storyTarget('next', 0, 0)).toBeNull();
	});
});
