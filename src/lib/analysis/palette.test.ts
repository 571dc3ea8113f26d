import { describe, expect, it } from 'vitest';
import { rgbaToCss, rgbaToHex } from './palette';

describe('palette', () => {
	it('writes opaque colours as rgb() and translucent ones with an alpha', () => {
		expect(rgbaToCss([213, 94, 0, 255])).toBe('rgb(213 94 0)');
		expect(rgbaToCss([0, 0, 0, 51])).toBe('rgb(0 0 0 / 0.200)');
	});
	it('writes hex with two digits a channel', () => {
		expect(rgbaToHex([1, 171, 255, 255])).toBe('#01abff');
	});
});
