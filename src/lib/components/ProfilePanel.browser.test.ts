/**
 * The profile panel in real Chromium: given a profile (a hand-made 王家河村 with a few
 * indicators and sites), it shows the name and where it lies, values in the chosen year,
 * rank texts, a yearly chart per indicator, the sites with the missing-factory mark, in
 * Chinese and in English; the close button and Escape close it.
 */
import { describe, expect, it, vi } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import { render } from 'vitest-browser-svelte';
import ProfilePanel from './ProfilePanel.svelte';
import { message, type Lang, type MessageKey } from '$lib/state/messages';
import type { Profile, ProfileIndicator } from '$lib/state/profile.svelte';

type IndicatorMeta = ProfileIndicator['meta'];

const YEARS = [2014, 2015, 2016, 2017, 2018, 2019, 2020, 2021, 2022, 2023];

function meta(m: Partial<IndicatorMeta> & Pick<IndicatorMeta, 'key' | 'theme' | 'kind'>) {
	return {
		label_zh: m.key,
		label_en: m.key,
		unit: '',
		default_classes: '[]',
		better: 'none',
		...m
	} as IndicatorMeta;
}

function ind(m: IndicatorMeta, over: Partial<ProfileIndicator>): ProfileIndicator {
	return {
		meta: m,
		stat: 'value',
		values: YEARS.map(() => null),
		texts: YEARS.map(() => null),
		category: null,
		breakdown: [],
		inTownship: null,
		inCounty: null,
		...over
	};
}

const PROFILE: Profile = {
	code: '610924101215',
	name: '王家河村',
	level: 'village',
	township: { code: '610924101', name: '蒿坪镇' },
	county: { code: '610924', name: '紫阳县' },
	year: 2018,
	years: YEARS,
	indicators: [
		ind(
			meta({
				key: 'poor_households',
				theme: 'poverty',
				kind: 'count',
				unit: '户',
				label_zh: '未脱贫户',
				label_en: 'Poor households',
				better: 'lower'
			}),
			{
				values: [161, 145, 107, 61, 23, 7, 0, 0, 0, 0],
				inTownship: { rank: 12, of: 16, tied: false },
				inCounty: { rank: 158, of: 207, tied: false }
			}
		),
		ind(
			meta({
				key: 'branch_status',
				theme: 'party',
				kind: 'category',
				label_zh: '党组织状态',
				label_en: 'Branch status',
				default_classes: '["标准","软弱涣散"]'
			}),
			{ texts: ['软弱涣散', ...YEARS.slice(1).map(() => '标准')] }
		),
		ind(meta({ key: 'exit_year', theme: 'poverty', kind: 'year' }), {})
	],
	communities: [
		{
			id: 'R1',
			name: '蒿坪安置社区',
			village: '王家河村',
			households: 701,
			people: 2265,
			openedYear: 2017,
			rule: 'resettlement',
			gap: 'far',
			lacksFactory: true
		}
	],
	factories: [
		{
			id: 'F1',
			name: '蒿坪假发社区工厂',
			village: '王家河村',
			jobs: 223,
			poorEmployed: 190,
			monthsOperating: 8,
			community: '蒿坪移民新村',
			distanceKm: 0.157,
			openedYear: 2017,
			qualifies: true
		}
	]
};

function setup(lang: Lang, props: Partial<{ year: number; data: Profile | null }> = {}) {
	const onClose = vi.fn();
	const t = (key: MessageKey) => message(lang, key);
	render(ProfilePanel, { props: { data: PROFILE, lang, t, year: 2016, onClose, ...props } });
	return { onClose };
}

describe('ProfilePanel', () => {
	it('shows the village, its values, ranks, yearly charts and sites (zh)', async () => {
		setup('zh', { year: 2018 });
		await expect.element(page.getByRole('heading', { name: '王家河村' })).toBeVisible();
		await expect.element(page.getByText('蒿坪镇 · 紫阳县 · 2018')).toBeVisible();
		await expect.element(page.getByRole('heading', { name: '脱贫退出' })).toBeVisible();
		await expect.element(page.getByText('23 户', { exact: true })).toBeVisible();
		await expect
			.element(page.getByTestId('profile-rank'))
			.toHaveTextContent('第 12 / 16（乡镇内）· 第 158 / 207（全县）');
		await expect.element(page.getByText('标准', { exact: true })).toBeVisible();
		// One chart per indicator shown: a line for households, ten cells for the branch.
		expect(page.getByRole('img').elements()).toHaveLength(2);
		expect(document.querySelectorAll('[data-key="branch_status"] rect')).toHaveLength(10);
		// The exit year never applies here: left out and counted.
		await expect.element(page.getByText('另有 1 项指标本单位无数据')).toBeVisible();
		await expect.element(page.getByText('蒿坪安置社区')).toBeVisible();
		await expect.element(page.getByText('701 户 · 2,265 人 · 2017 年建成')).toBeVisible();
		await expect
			.element(page.getByTestId('profile-lacks'))
			.toHaveTextContent('需有达标社区工厂，尚无：达标工厂都在 1 平方公里以外');
		await expect.element(page.getByText('蒿坪假发社区工厂')).toBeVisible();
		await expect.element(page.getByText('达标', { exact: true })).toBeVisible();
	});

	it('says it all in English', async () => {
		setup('en', { year: 2018 });
		await expect.element(page.getByRole('heading', { name: '王家河村' })).toBeVisible();
		await expect.element(page.getByRole('heading', { name: 'Poverty exit' })).toBeVisible();
		await expect.element(page.getByText('23 households', { exact: true })).toBeVisible();
		await expect
			.element(page.getByTestId('profile-rank'))
			.toHaveTextContent('12th of 16 in township · 158th of 207 in county');
		await expect.element(page.getByText('Standard', { exact: true })).toBeVisible();
		await expect
			.element(page.getByText('701 households · 2,265 people · opened 2017'))
			.toBeVisible();
		await expect
			.element(page.getByTestId('profile-lacks'))
			.toHaveTextContent('needs a qualifying factory and has none');
		await expect.element(page.getByText('223 jobs', { exact: false })).toBeVisible();
		await expect.element(page.getByText('qualifies', { exact: true })).toBeVisible();
	});

	it('follows the year at once, and waits for the new profile before ranking', async () => {
		setup('zh', { year: 2016 });
		await expect.element(page.getByText('107 户', { exact: true })).toBeVisible();
		await expect.element(page.getByTestId('profile-rank')).not.toBeInTheDocument();
		await expect.element(page.getByTestId('profile-sites')).toHaveTextContent('正在读取档案…');
	});

	it('closes with its button and with Escape', async () => {
		const { onClose } = setup('zh');
		await page.getByRole('button', { name: '关闭档案' }).click();
		expect(onClose).toHaveBeenCalledTimes(1);
		await userEvent.keyboard('{Escape}');
		expect(onClose).toHaveBeenCalledTimes(2);
	});

	it('says when a code is not in the dataset', async () => {
		render(ProfilePanel, {
			props: {
				data: null,
				lang: 'zh',
				t: (k: MessageKey) => message('zh', k),
				year: 2018,
				error: { kind: 'notFound', detail: '610924999999' },
				onClose: () => {}
			}
		});
		await expect
			.element(page.getByRole('alert'))
			.toHaveTextContent('数据中没有这个村（社区）或乡镇');
	});
});
