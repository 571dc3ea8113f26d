/**
 * The atlas core as a person uses it: any indicator of each kind at village, township and county
 * level, with legend counts equal to a count made independently from the files; the controls
 * write the view into the URL and back/forward restore it; a legend click filters; every screen
 * shares the one engine.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openSession, waitForReady, type Session } from './browser';
import { units, villages } from './dataset';
import { unitValues, villageCategories, type Level } from './rollup-files';

const baseUrl = inject('baseUrl');
let s: Session;

beforeAll(async () => {
	s = await openSession(baseUrl);
	await s.page.goto(`${baseUrl}/?bench=1`);
	await waitForReady(s.page);
});
afterAll(async () => {
	await s?.close();
});

interface Item {
	key: string;
	count: number;
	min: number | null;
	max: number | null;
	pressed: boolean;
}

async function legend(page: Page): Promise<Item[]> {
	return page.$$eval('[data-class]', (lis) =>
		lis.map((li) => {
			const num = (a: string) => (li.hasAttribute(a) ? Number(li.getAttribute(a)) : null);
			return {
				key: li.getAttribute('data-class') as string,
				count: Number(li.querySelector('[data-testid="legend-count"]')?.textContent),
				min: num('data-min'),
				max: num('data-max'),
				pressed: li.querySelector('button')?.getAttribute('aria-pressed') === 'true'
			};
		})
	);
}

/** Open a view through the app's own URL handling (as a click does), without a reload. */
async function open(query: string): Promise<void> {
	await s.page.evaluate(
		(q) => (window as unknown as { __bench: { go(q: string): Promise<number> } }).__bench.go(q),
		query
	);
}

const size = (level: Level) => (level === 'village' ? villages() : units(level)).size;

/** Count per legend item from values computed from the files: by bounds, or by category. */
function expectedCounts(items: Item[], values: Map<string, number | string | null>): number[] {
	return items.map((it) => {
		let n = 0;
		for (const v of values.values()) {
			if (it.key === '__nodata__') n += v === null ? 1 : 0;
			else if (typeof v === 'string') n += v === it.key ? 1 : 0;
			else if (v !== null && (it.min === null || v >= it.min) && (it.max === null || v < it.max))
				n++;
		}
		return n;
	});
}

describe('any indicator at any level: legend counts equal a count from the files', () => {
	const cases: [string, string, Level, () => Map<string, number | string | null>][] = [
		[
			'a category (branch status)',
			'indicator=branch_status&year=2016',
			'village',
			() => villageCategories('branch_status', 2016)
		],
		[
			'a flag (first secretary)',
			'indicator=first_secretary&year=2017',
			'village',
			() => villageCategories('first_secretary', 2017)
		],
		[
			'a year (exit year)',
			'indicator=exit_year&year=2023',
			'village',
			() => villageCategories('exit_year', 2023)
		],
		[
			'an amount in policy bands (collective income)',
			'indicator=collective_income&year=2020',
			'village',
			() => unitValues('collective_income', 2020, 'village', 'value')
		],
		[
			'a ratio (incidence)',
			'indicator=incidence&year=2015',
			'village',
			() => unitValues('incidence', 2015, 'village', 'value')
		],
		[
			'a count summed (poor households)',
			'indicator=poor_households&level=township&year=2016',
			'township',
			() => unitValues('poor_households', 2016, 'township', 'sum')
		],
		[
			'a ratio recomputed (incidence)',
			'indicator=incidence&level=township&year=2015&method=manual&breaks=0.05,0.1,0.2',
			'township',
			() =>
				unitValues('incidence', 2015, 'township', 'ratio', {
					num: 'poor_people',
					den: 'rural_population'
				})
		],
		[
			'a flag as a share',
			'indicator=first_secretary&level=township&year=2018&method=manual&breaks=0.5,0.8,0.95',
			'township',
			() => unitValues('first_secretary', 2018, 'township', 'share')
		],
		[
			'a category counted',
			'indicator=branch_status&level=township&year=2016&category=软弱涣散',
			'township',
			() => unitValues('branch_status', 2016, 'township', 'count', { category: '软弱涣散' })
		],
		[
			'an amount as a median',
			'indicator=collective_income&level=township&year=2020&stat=median&method=manual&breaks=30000,50000,100000',
			'township',
			() => unitValues('collective_income', 2020, 'township', 'median')
		],
		[
			'a year as the latest',
			'indicator=exit_year&level=township&year=2023',
			'township',
			() => unitValues('exit_year', 2023, 'township', 'max')
		],
		[
			'a count for the county',
			'indicator=poor_households&level=county&year=2016',
			'county',
			() => unitValues('poor_households', 2016, 'county', 'sum')
		],
		[
			'a flag share for the county',
			'indicator=first_secretary&level=county&year=2018&method=manual&breaks=0.5,0.9',
			'county',
			() => unitValues('first_secretary', 2018, 'county', 'share')
		]
	];

	it.each(cases)('%s at %s', async (_, query, level, fromFiles) => {
		await open(query);
		const items = await legend(s.page);
		expect(items.length).toBeGreaterThan(0);
		expect(items.reduce((a, i) => a + i.count, 0)).toBe(size(level));
		expect(items.map((i) => i.count)).toEqual(expectedCounts(items, fromFiles()));
		expect(new URL(s.page.url()).search).toContain(query.split('&')[0]);
	});
});

describe('the controls and the URL', () => {
	it('draws the chosen indicator and level, writes them in the URL, and back/forward restore them', async () => {
		const p = s.page;
		await open('');
		await p.getByRole('button', { name: '集体经济' }).click();
		await p.waitForFunction(() => location.search.includes('indicator=collective_income'));
		await expect(p.textContent('[data-testid="map-title"]')).resolves.toContain('集体经济收入');
		await p.locator('[data-level="township"]').click();
		await p.waitForFunction(() => location.search.includes('level=township'));
		await p.waitForFunction(() =>
			document.querySelector('.legend h2')?.textContent?.includes('合计')
		);
		const townshipItems = await legend(p);
		expect(townshipItems.reduce((a, i) => a + i.count, 0)).toBe(units('township').size);

		await p.goBack();
		await p.waitForFunction(() => !location.search.includes('level=township'));
		await p.waitForFunction(
			(n) =>
				[...document.querySelectorAll('[data-testid="legend-count"]')].reduce(
					(a, e) => a + Number(e.textContent),
					0
				) === n,
			villages().size
		);
		await expect(p.textContent('[data-testid="map-title"]')).resolves.toContain('集体经济收入');
		await p.goForward();
		await p.waitForFunction(() => location.search.includes('level=township'));
		await p.waitForFunction(
			() =>
				document.querySelector('[data-level="township"]')?.getAttribute('aria-pressed') === 'true'
		);
	});

	it('opens a sent link exactly as it was', async () => {
		const p = s.page;
		const q = 'indicator=incidence&level=township&year=2015&method=manual&breaks=0.05,0.1,0.2';
		await p.goto(`${baseUrl}/?${q}&bench=1`);
		await waitForReady(p);
		const items = await legend(p);
		expect(items.filter((i) => i.key !== '__nodata__').map((i) => [i.min, i.max])).toEqual([
			[null, 0.05],
			[0.05, 0.1],
			[0.1, 0.2],
			[0.2, null]
		]);
		await expect(p.inputValue('[data-testid="indicator"]')).resolves.toBe('incidence');
		expect(p.url()).toContain(q);
	});

	it('filters by a legend click: the URL holds the filter, the count of selected villages shows', async () => {
		const p = s.page;
		await open('indicator=collective_income&year=2020');
		const before = await legend(p);
		const weak = before.find((i) => i.min === 30000 && i.max === 50000);
		expect(weak?.count).toBeGreaterThan(0);
		await p.locator(`[data-class="${weak!.key}"] button`).click();
		await p.waitForFunction(() =>
			location.search.includes('filter=collective_income:range:30000,50000')
		);
		// The count follows the filter's answer: wait for it, as a person would.
		await p.waitForFunction(
			(n) => document.querySelector('[data-testid="summary"] strong')?.textContent === n,
			String(weak!.count)
		);
		await p.waitForSelector(`[data-class="${weak!.key}"] button[aria-pressed="true"]`);
		const after = await legend(p);
		expect(after.filter((i) => i.pressed).map((i) => i.key)).toEqual([weak!.key]);
		// The map is not filtered by its own pick: every village is still in the legend.
		expect(after.reduce((a, i) => a + i.count, 0)).toBe(villages().size);
		await p.getByTestId('legend-clear').click();
		await p.waitForFunction(() => !location.search.includes('filter='));
	});

	it('switches to English, labels included', async () => {
		const p = s.page;
		await open('indicator=branch_status&year=2016');
		await p.getByRole('button', { name: 'English' }).click();
		await p.waitForFunction(() => location.search.includes('lang=en'));
		await p.waitForFunction(
			() => document.querySelector('.legend h2')?.textContent === 'Party branch status'
		);
		await expect(p.textContent('[data-class="软弱涣散"] .label')).resolves.toBe('Weak and lax');
		await p.getByRole('button', { name: '中文' }).click();
		await p.waitForFunction(
			() => document.querySelector('.legend h2')?.textContent === '党组织状态'
		);
		expect(new URL(p.url()).search).not.toContain('lang=');
	});
});

describe('one engine for every screen', () => {
	const engineWorkers = (p: Page) => p.workers().filter((w) => w.url().includes('engine-worker'));

	it('opens the console from the map without starting a second engine or reloading data', async () => {
		const p = s.page;
		await open('');
		expect(engineWorkers(p).length).toBe(1);
		const fetched: string[] = [];
		const record = (r: { url(): string }) => fetched.push(r.url());
		p.on('request', record);
		await p.getByRole('link', { name: '查询' }).click();
		await p.waitForURL(/\/console/);
		await p.waitForSelector('[data-testid="console-pane-schema"] summary');
		await expect(p.textContent('[data-testid="console-pane-schema"]')).resolves.toContain(
			'indicator'
		);
		await p.getByRole('link', { name: '规划' }).click();
		await p.waitForURL(/\/planner/);
		await p.getByRole('link', { name: '地图', exact: true }).click();
		await p.waitForURL((u) => u.pathname === '/');
		await p.waitForSelector('[data-testid="legend-count"]');
		p.off('request', record);
		expect(engineWorkers(p).length).toBe(1);
		// No engine, wasm or dataset file was fetched again on the way.
		expect(fetched.filter((u) => /\.(wasm|arrow)$|engine-worker|manifest\.json/.test(u))).toEqual(
			[]
		);
	});

	it('made no request outside its origin and logged no error', () => {
		expect(s.outside).toEqual([]);
		expect(s.errors).toEqual([]);
	});
});
