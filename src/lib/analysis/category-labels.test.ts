import { describe, expect, it } from 'vitest';
import { categoryLabel } from './category-labels';

describe('categoryLabel', () => {
	it('names a catalogue category in English', () => {
		expect(categoryLabel('软弱涣散').en).toBe('Weak and lax');
		expect(categoryLabel('软弱涣散').zh).toBe('软弱涣散');
	});
	it('prefers the names it is given, and shows an unknown category as written', () => {
		expect(categoryLabel('poor', { poor: { zh: '未退出', en: 'Poor' } }).zh).toBe('未退出');
		expect(categoryLabel('试点甲')).toEqual({ zh: '试点甲', en: '试点甲' });
	});
});
