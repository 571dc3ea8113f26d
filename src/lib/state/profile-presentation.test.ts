/**
 * How the profile panel writes values and ranks, in Chinese and English.
 */
import { describe, expect, it } from 'vitest';
import type { IndicatorMeta } from '$lib/data/contract';
import type { ProfileIndicator } from '$lib/data/queries/profile';
import { rgbaToCss } from '$lib/analysis/palette';
import { POVERTY_STATUS_CLASSES } from '$lib/analysis/poverty-status';
import { message, type Lang, type MessageKey } from './messages';
import { ordinal, rankText, stripColors, valueText } from './profile-presentation';

const t = (lang: Lang) => (k: MessageKey) => message(lang, k);
function ind(meta: Partial<IndicatorMeta>, over: Partial<ProfileIndicator>): ProfileIndicator {
	return {
		meta: {
			key: 'k',
			theme: 'poverty',
			label_zh: '',
			label_en: '',
			unit: '',
			kind: 'count',
			default_classes: '[]',
			better: 'none',
			...meta
		},
		stat: 'value',
		values: [null],
		texts: [null],
		category: null,
		breakdown: [],
		inTownship: null,
		inCounty: null,
		...over
	};
}

describe('ordinal', () => {
	it.each([
		[1, '1st'],
		[2, '2nd'],
		[3, '3rd'],
		[4, '4th'],
		[11, '11th'],
		[12, '12th'],
		[13, '13th'],
		[21, '21st'],
		[102, '102nd'],
		[111, '111th']
	])('%i → %s', (n, s) => expect(ordinal(n)).toBe(s));
});

describe('rankText', () => {
	const r = ind(
		{},
		{ inTownship: { rank: 3, of: 12, tied: false }, inCounty: { rank: 20, of: 207, tied: true } }
	);
	it('writes both scopes, ties marked', () => {
		expect(rankText(r, 'zh', t('zh'))).toBe('第 3 / 12（乡镇内）· 并列第 20 / 207（全县）');
		expect(rankText(r, 'en', t('en'))).toBe('3rd of 12 in township · joint 20th of 207 in county');
	});
	it('writes the county alone for a township, nothing for an unranked indicator', () => {
		const tw = ind({}, { inCounty: { rank: 1, of: 17, tied: false } });
		expect(rankText(tw, 'zh', t('zh'))).toBe('第 1 / 17（全县）');
		expect(rankText(ind({}, {}), 'en', t('en'))).toBeNull();
	});
});

describe('valueText', () => {
	it('formats a village’s numbers, flags and categories by kind', () => {
		const yuan = ind({ kind: 'amount', unit: '元' }, { values: [97300] });
		expect([valueText(yuan, 0, 'zh'), valueText(yuan, 0, 'en')]).toEqual([
			'9.73万元',
			'97,300 yuan'
		]);
		const hh = ind({ unit: '户' }, { values: [1234] });
		expect([valueText(hh, 0, 'zh'), valueText(hh, 0, 'en')]).toEqual([
			'1,234 户',
			'1,234 households'
		]);
		const flag = ind({ kind: 'flag' }, { values: [1] });
		expect([valueText(flag, 0, 'zh'), valueText(flag, 0, 'en')]).toEqual(['是', 'Yes']);
		const status = ind({ key: 'poverty_status', kind: 'category' }, { texts: ['exited'] });
		expect(valueText(status, 0, 'zh')).toBe('往年已退出');
		expect(valueText(ind({}, {}), 0, 'zh')).toBeNull();
	});
	it('formats a township’s shares as percent and its categories as counts per category', () => {
		const share = ind({ kind: 'flag' }, { stat: 'share', values: [0.8125] });
		expect(valueText(share, 0, 'zh')).toBe('81.25%');
		const cats = ind(
			{ key: 'branch_status', kind: 'category' },
			{
				stat: 'count',
				values: [15],
				breakdown: [
					{ category: '标准', count: 15 },
					{ category: '软弱涣散', count: 1 }
				]
			}
		);
		expect(valueText(cats, 0, 'en', true)).toBe('Standard 15 · Weak and lax 1');
		expect(valueText(cats, 0, 'en')).toBe('15');
	});
});

describe('stripColors', () => {
	it('colours flags by value and leaves no-data cells empty', () => {
		const c = stripColors(ind({ kind: 'flag' }, { values: [1, 0, null] }));
		expect(c[0]).not.toBe(c[1]);
		expect(c[2]).toBe('transparent');
	});
	it('gives each listed category its own colour, poverty status its legend colours', () => {
		const c = stripColors(
			ind(
				{ kind: 'category', default_classes: '["标准","软弱涣散"]' },
				{ texts: ['标准', '软弱涣散'] }
			)
		);
		expect(c[0]).not.toBe(c[1]);
		const s = stripColors(ind({ key: 'poverty_status', kind: 'category' }, { texts: ['poor'] }));
		// The map's colour for a poor village, not yet exited.
		expect(s[0]).toBe(rgbaToCss(POVERTY_STATUS_CLASSES[0]?.color ?? [0, 0, 0, 0]));
		expect(s[0]).toBe('rgb(213 94 0)');
	});
});
