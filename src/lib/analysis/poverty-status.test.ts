import { describe, expect, it } from 'vitest';
import { POVERTY_STATUS_CLASSES, povertyStatus, statusIndex } from './poverty-status';

describe('povertyStatus', () => {
	it('a village that was never poor is "never", whatever the year', () => {
		expect(povertyStatus(false, null, 2014)).toBe('never');
		expect(povertyStatus(false, 2018, 2023)).toBe('never');
	});
	it('a poor village is "poor" before its exit year and while it has none', () => {
		expect(povertyStatus(true, 2018, 2017)).toBe('poor');
		expect(povertyStatus(true, null, 2023)).toBe('poor');
	});
	it('is "exited_this_year" in its exit year and "exited" after it', () => {
		expect(povertyStatus(true, 2018, 2018)).toBe('exited_this_year');
		expect(povertyStatus(true, 2018, 2019)).toBe('exited');
	});
});

describe('status classes', () => {
	it('list each status once, in legend order, with a Chinese and an English name', () => {
		expect(POVERTY_STATUS_CLASSES.map((c) => c.key)).toEqual([
			'poor',
			'exited_this_year',
			'exited',
			'never'
		]);
		for (const c of POVERTY_STATUS_CLASSES) {
			expect(c.label.zh).toMatch(/[\u4e00-\u9fff]/);
			expect(c.label.en).toMatch(/^[A-Z]/);
		}
	});
	it('have distinct opaque colours', () => {
		const css = new Set(POVERTY_STATUS_CLASSES.map((c) => c.color.join(',')));
		expect(css.size).toBe(POVERTY_STATUS_CLASSES.length);
		expect(POVERTY_STATUS_CLASSES.every((c) => c.color[3] === 255)).toBe(true);
	});
	it('statusIndex finds a key, and answers -1 for an unknown one', () => {
		expect(statusIndex('exited')).toBe(2);
		expect(statusIndex('nope')).toBe(-1);
	});
});
