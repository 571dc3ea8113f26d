import { describe, expect, it } from 'vitest';
import { decodeUrlState, encodeUrlState } from './url-state';

describe('URL state', () => {
	it('reads region, year, language and the bench switch', () => {
		expect(decodeUrlState('?region=6109&year=2019&lang=en&bench=1')).toEqual({
			region: '6109',
			year: 2019,
			lang: 'en',
			bench: true
		});
	});

	it('drops values that are not a division code, a year or a known language', () => {
		expect(decodeUrlState('region=abc&year=20x9&lang=fr')).toEqual({});
		expect(decodeUrlState('region=6109;DROP&year=99999')).toEqual({});
	});

	it('leaves out values equal to the defaults, so the plain URL means the default view', () => {
		const defaults = { region: '610924', year: 2023 };
		expect(encodeUrlState({ region: '610924', year: 2023, lang: 'zh' }, defaults)).toBe('');
		expect(encodeUrlState({ region: '610924', year: 2018, lang: 'en' }, defaults)).toBe(
			'year=2018&lang=en'
		);
	});

	it('round-trips', () => {
		const s = { region: '6109', year: 2016, lang: 'en' as const };
		expect(decodeUrlState(encodeUrlState(s))).toEqual(s);
	});
});
