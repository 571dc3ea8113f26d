/**
 * A short monkey run in every test run (the bench runs the full thousand): seeded random actions
 * across every screen end with no console error, no unhandled rejection, no request outside the
 * origin, and a map that shows exactly what its URL says — the same URL opened fresh gives the
 * same title and legend. Replay a failure with MONKEY_SEED=<seed> MONKEY_ACTIONS=<n>.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { openSession, type Session } from './browser';
import { runMonkey } from './monkey';

const baseUrl = inject('baseUrl');
const seed = Number(process.env.MONKEY_SEED ?? 20261202);
const count = Number(process.env.MONKEY_ACTIONS ?? 60);
let s: Session;

beforeAll(async () => {
	s = await openSession(baseUrl, { width: 1366, height: 768 });
	// Unhandled rejections, counted by the page itself (whatever the driver reports of them).
	await s.page.addInitScript(() => {
		const w = window as unknown as { __rejections: string[] };
		w.__rejections = [];
		addEventListener('unhandledrejection', (e) => w.__rejections.push(String(e.reason)));
	});
	await s.page.goto(`${baseUrl}/`);
	await s.page.waitForSelector('[data-testid="legend-count"]', { timeout: 90_000 });
});
afterAll(async () => {
	await s?.close();
});

/** What a person reads off the map screen: the title and each legend row. */
async function mapReading(p: Session['page']) {
	await p.waitForSelector('[data-testid="legend-count"]', { timeout: 60_000 });
	await p.waitForLoadState('networkidle');
	return {
		title: await p.getByTestId('map-title').textContent(),
		legend: await p.locator('.legend li').allTextContents()
	};
}

describe(`the monkey (seed ${seed}, ${count} actions)`, () => {
	it(
		'leaves no error behind',
		async () => {
			console.info(`monkey: MONKEY_SEED=${seed} MONKEY_ACTIONS=${count}`);
			const done = await runMonkey(s.page, baseUrl, seed, count);
			await s.page.waitForLoadState('networkidle');
			expect(s.errors, `seed ${seed}; actions: ${done.join(' → ')}`).toEqual([]);
			expect(s.outside).toEqual([]);
		},
		60_000 + count * 3000
	);

	it('ends on a map that shows what its URL says', async () => {
		const mapLink = s.page.locator('nav.screens a').first();
		if (new URL(s.page.url()).pathname !== '/') await mapLink.click();
		const now = await mapReading(s.page);
		const url = s.page.url();
		const fresh = await s.browser.newPage({ viewport: { width: 1366, height: 768 } });
		await fresh.goto(url);
		expect(await mapReading(fresh)).toEqual(now);
		await fresh.close();
	});
});
