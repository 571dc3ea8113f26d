/**
 * The thematic maps as a leader or planner uses them: each theme opens on its own indicator with
 * its own colours on the map; the year plays forward by itself; every indicator's definition,
 * sources and provenance are one click away.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { openSession, waitForReady, type Session } from './browser';
import { countColors, parseRgb } from './pixels';
import { villages } from './dataset';

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

async function swatches(): Promise<{ color: string; count: number }[]> {
	return s.page.$$eval('[data-class]', (lis) =>
		lis.map((li) => ({
			color: getComputedStyle(li.querySelector('.swatch') as Element).backgroundColor,
			count: Number(li.querySelector('[data-testid="legend-count"]')?.textContent)
		}))
	);
}

function mapShot() {
	const p = s.page;
	return p.locator('[data-testid="map"]').screenshot({
		mask: [p.locator('aside'), p.locator('.maplibregl-ctrl'), p.locator('.provenance')],
		maskColor: '#ff00ff'
	});
}

describe('themes', () => {
	const themes: [string, string][] = [
		['集体经济', '集体经济收入'],
		['党组织覆盖', '党组织状态'],
		['易地搬迁', '易地搬迁户数(累计)'],
		['脱贫退出', '脱贫退出状态']
	];
	it.each(themes)(
		'%s opens on %s, drawn on the map in its legend colours',
		async (theme, label) => {
			await s.page.getByRole('button', { name: theme, exact: true }).click();
			await s.page.waitForFunction(
				(l) => document.querySelector('.legend h2')?.textContent === l,
				label
			);
			await s.page.waitForFunction(
				() => (window as unknown as { __bench: { status: string } }).__bench.status === 'ready'
			);
			// The legend re-renders as the answer arrives: take a reading in which every swatch is drawn.
			let all: { color: string; count: number }[] = [];
			await expect
				.poll(async () => {
					all = await swatches();
					return all.length > 1 && all.every((i) => i.color.startsWith('rgb'));
				})
				.toBe(true);
			const items = all.filter((i) => i.count > 0);
			expect(items.length).toBeGreaterThan(1);
			// The legend comes with the answer; the map draws it on the next frame.
			await s.page.evaluate(() =>
				(window as unknown as { __bench: { settle(): Promise<void> } }).__bench.settle()
			);
			// Every class with villages shows on the map (a few hundred pixels at least). The site
			// layers of a theme load after its colours, and a frame may come between: read again
			// until the map has settled rather than judging one frame.
			let last: { shot: Buffer; counts: number[] } | null = null;
			await expect
				.poll(
					async () => {
						const shot = await mapShot();
						const counts = countColors(
							shot,
							items.map((i) => parseRgb(i.color))
						);
						last = { shot, counts };
						return Math.min(...counts);
					},
					{ timeout: 15_000 }
				)
				.toBeGreaterThan(200)
				.catch((e: unknown) => {
					// What the map showed, for whoever reads the failure.
					if (last) {
						mkdirSync('test-results', { recursive: true });
						writeFileSync(`test-results/themes-${theme}.png`, last.shot);
						console.error(theme, JSON.stringify(items), JSON.stringify(last.counts));
					}
					throw e;
				});
		}
	);
});

describe('time', () => {
	it('plays forward year by year to the last year, then stops', async () => {
		const p = s.page;
		await p.evaluate(() =>
			(window as unknown as { __bench: { go(q: string): Promise<number> } }).__bench.go('year=2020')
		);
		await p.getByTestId('play').click();
		await p.waitForFunction(
			() => document.querySelector('[data-testid="year"]')?.textContent === '2021'
		);
		await p.waitForFunction(
			() => document.querySelector('[data-testid="year"]')?.textContent === '2023',
			undefined,
			{ timeout: 20_000 }
		);
		await p.waitForFunction(
			() => document.querySelector('[data-testid="play"]')?.getAttribute('aria-pressed') === 'false'
		);
		expect(new URL(p.url()).search).not.toContain('year=');
	});
});

describe('definitions', () => {
	it('says what each indicator of the theme means, its sources, and that the values are generated', async () => {
		const p = s.page;
		await p.getByRole('button', { name: '集体经济', exact: true }).click();
		await p.getByTestId('definitions-open').click();
		const dialog = p.getByTestId('definitions');
		await expect(dialog.isVisible()).resolves.toBe(true);
		const text = (await dialog.textContent()) ?? '';
		expect(text).toContain('集体经济收入');
		expect(text).toContain('生成的示例数据');
		expect(text).toContain('2014–2023');
		expect(text).toContain('下足绣花功夫');
		await p.keyboard.press('Escape');
		await p.waitForSelector('[data-testid="definitions"]', { state: 'detached' });
	});

	it('made no request outside its origin and logged no error', () => {
		expect(s.outside).toEqual([]);
		expect(s.errors).toEqual([]);
	});
});

describe('change between two years', () => {
	it('shows both years side by side in the same classes, with a transition matrix that selects', async () => {
		const p = s.page;
		await p.evaluate(() =>
			(window as unknown as { __bench: { go(q: string): Promise<number> } }).__bench.go(
				'indicator=collective_income&level=township&method=quantile&k=4'
			)
		);
		await p.getByTestId('change-open').click();
		await p.waitForFunction(() => location.search.includes('compare=2014'));
		await p.waitForSelector('[data-testid="matrix-total"]');
		await expect(p.textContent('[data-testid="matrix-total"]')).resolves.toBe('17');
		const badges = await p.$$eval('.badge', (b) => b.map((e) => e.textContent?.trim()));
		expect(badges).toEqual(['2014', '2023']);
		// Rows (year A) and columns (year B) are the same classes, and the legend (year B) names them.
		const heads = () =>
			p.$$eval('.matrix thead th.class', (th) => th.map((e) => e.textContent?.trim()));
		const rows = () =>
			p.$$eval('.matrix tbody th.class', (th) => th.map((e) => e.textContent?.trim()));
		expect(await heads()).toEqual(await rows());
		const legendLabels = await p.$$eval('[data-class] .label', (l) =>
			l.map((e) => e.textContent?.trim())
		);
		expect(legendLabels).toEqual(expect.arrayContaining(await heads()));

		// Move year A: both maps are classed again, still with one set of classes.
		await p.selectOption('[data-testid="change-year-a"]', '2018');
		await p.waitForFunction(() => location.search.includes('compare=2018'));
		await p.waitForFunction(() =>
			document.querySelector('[data-testid="matrix-years"]')?.textContent?.includes('2018')
		);
		expect(await heads()).toEqual(await rows());

		// A cell selects its townships; the matrix stays whole.
		const cell = p.locator('[data-testid="matrix-cell"]:not([disabled])').first();
		const n = Number(await cell.textContent());
		await cell.click();
		await p.waitForFunction(() => location.search.includes('filter=township:in:'));
		const picked = new URL(p.url()).searchParams.get('filter')?.split(':')[2]?.split(',') ?? [];
		expect(picked.length).toBe(n);
		await expect(p.textContent('[data-testid="matrix-total"]')).resolves.toBe('17');

		await p.getByTestId('change-close').click();
		await p.waitForFunction(() => !location.search.includes('compare='));
		await p.waitForSelector('[data-testid="compare-pane"]', { state: 'detached' });
	});
});

describe('linked charts', () => {
	it('a pick on the histogram filters the township bars and marks the legend; reset clears it', async () => {
		const p = s.page;
		await p.evaluate(() =>
			(window as unknown as { __bench: { go(q: string): Promise<number> } }).__bench.go(
				'indicator=collective_income&year=2020'
			)
		);
		await p.waitForFunction(() =>
			document.querySelector('[data-testid="township-count"]')?.textContent?.startsWith('207')
		);
		const legend = await p.$$eval('[data-class]', (lis) =>
			lis.map((li) => ({
				min: li.getAttribute('data-min'),
				max: li.getAttribute('data-max'),
				count: Number(li.querySelector('[data-testid="legend-count"]')?.textContent)
			}))
		);
		const band = legend.find((i) => i.min === '50000' && i.max === '100000');
		expect(band?.count).toBeGreaterThan(0);
		// Keyboard, as a person without a mouse would: the 5–10万 bin.
		const bins = p.getByTestId('histogram-bin');
		const index = legend.indexOf(band!);
		await bins.nth(index).focus();
		await p.keyboard.press('Enter');
		await p.waitForFunction(() =>
			location.search.includes('filter=collective_income:range:50000,100000')
		);
		await p.waitForFunction(
			(n) =>
				document.querySelector('[data-testid="township-count"]')?.textContent?.startsWith(`${n} `),
			band!.count
		);
		await p.waitForSelector('[data-min="50000"][data-max="100000"] button[aria-pressed="true"]');
		await p.getByTestId('histogram-reset').click();
		await p.waitForFunction(() => !location.search.includes('filter='));
		await p.waitForFunction(() =>
			document.querySelector('[data-testid="township-count"]')?.textContent?.startsWith('207')
		);
	});

	it('a township picked on the bars dims the other townships’ villages and narrows the histogram', async () => {
		const p = s.page;
		const code = await p.getByTestId('township-bar').first().getAttribute('data-code');
		// Keyboard again: each bar has a focusable key.
		await p.getByTestId('township-key').first().focus();
		await p.keyboard.press('Enter');
		await p.waitForFunction((c) => location.search.includes(`filter=township:in:${c}`), code);
		await p.waitForFunction(() => {
			const t = document.querySelector('[data-testid="histogram-count"]')?.textContent ?? '';
			return !t.startsWith('207') && /\d/.test(t);
		});
		await p.waitForSelector('[data-testid="summary"]');
		await p.getByTestId('township-reset').click();
		await p.waitForFunction(() => !location.search.includes('filter='));
	});
});

describe('the village profile', () => {
	it('opens on a click on the map with the village’s name and values, and closes', async () => {
		const p = s.page;
		await p.evaluate(() =>
			(window as unknown as { __bench: { go(q: string): Promise<number> } }).__bench.go(
				'indicator=collective_income&year=2020'
			)
		);
		const box = await p.locator('.pane.b [data-testid="map"]').boundingBox();
		if (!box) throw new Error('no map');
		await p.mouse.click(box.x + box.width * 0.55, box.y + box.height * 0.5);
		await p.waitForFunction(() => /selected=\d{12}/.test(location.search));
		const code = new URL(p.url()).searchParams.get('selected') as string;
		const name = villages().get(code);
		expect(name).toBeTruthy();
		await p.waitForFunction(
			(n) => document.querySelector('.profile h2')?.textContent?.includes(n as string),
			name
		);
		const text = (await p.textContent('.profile')) ?? '';
		expect(text).toContain('集体经济收入');
		expect(text).toContain('脱贫退出');
		await p.locator('.profile button').first().click();
		await p.waitForFunction(() => !location.search.includes('selected='));
		await p.waitForSelector('.profile', { state: 'detached' });
	});
});
