/**
 * The monkey: seeded random user actions across every screen — themes, years, levels,
 * indicators, legend clicks, histogram brushes, map clicks, language, saved views and story keys,
 * console queries, planner rules, the briefing's year, back and forward. Used by the e2e test
 * (a short run) and by the bench (the full thousand). The seed is printed so a failure replays.
 */
import type { Page } from 'playwright-core';
import { createRandom } from '../../src/lib/geo/random';

/** The data build's seeded generator (mulberry32), good enough to pick actions. */
export const rng = createRandom;

/** An action that cannot happen within this (the page moved on) is skipped, not waited for. */
const SHORT = { timeout: 3000 };

type Action = { name: string; weight: number; run: (p: Page, r: () => number) => Promise<void> };

const pick = <T>(r: () => number, xs: readonly T[]): T | undefined =>
	xs.length ? xs[Math.floor(r() * xs.length)] : undefined;

/** Click one of the visible, enabled elements matching `selector`, if any. */
async function clickAny(p: Page, r: () => number, selector: string): Promise<void> {
	const all = await p.locator(selector).all();
	const usable = [];
	for (const el of all) {
		// The page may move on meanwhile (a click navigated): an element gone is not usable.
		const ok =
			(await el.isVisible().catch(() => false)) &&
			(await el.isEnabled({ timeout: 500 }).catch(() => false));
		if (ok) usable.push(el);
	}
	const el = pick(r, usable);
	if (el) await el.click(SHORT).catch(() => {});
}

async function onScreen(p: Page, path: string, base: string): Promise<boolean> {
	return new URL(p.url()).pathname === new URL(path, base).pathname;
}

const QUERIES = [
	'SELECT count(*) FROM region',
	'SELECT township, count(*) AS n FROM v_village GROUP BY township ORDER BY n DESC',
	'SELECT * FROM v_collective WHERE year = 2020 LIMIT 20',
	'SELECT code, village_at(cx, cy) FROM boundary LIMIT 5',
	'SELEC broken sql'
];

export function actions(base: string): Action[] {
	const go = (path: string) => async (p: Page) => {
		const link = p.locator(`nav.screens a[href^="${new URL(path, base).pathname}"]`).first();
		if ((await link.count()) === 0) return; // story mode: no top bar
		await link.click(SHORT).catch(() => {});
		await p.waitForLoadState('domcontentloaded');
	};
	const onMap = async (p: Page) => onScreen(p, '/', base);
	return [
		{ name: 'screen: map', weight: 4, run: go('/') },
		{ name: 'screen: console', weight: 1, run: go('/console') },
		{ name: 'screen: planner', weight: 1, run: go('/planner') },
		{ name: 'screen: briefing', weight: 1, run: go('/briefing') },
		{ name: 'theme', weight: 4, run: (p, r) => clickAny(p, r, 'nav.themes button') },
		{
			name: 'year',
			weight: 4,
			run: async (p, r) => {
				const slider = p.locator('input[type="range"]').first();
				if (await slider.isVisible().catch(() => false))
					await slider.fill(String(2014 + Math.floor(r() * 10)), SHORT).catch(() => {});
			}
		},
		{ name: 'level', weight: 3, run: (p, r) => clickAny(p, r, 'button[data-level]') },
		{
			name: 'indicator',
			weight: 3,
			run: async (p, r) => {
				const sel = p.getByTestId('indicator');
				if (!(await sel.isVisible().catch(() => false))) return;
				const values = await sel
					.locator('option')
					.evaluateAll((o) => o.map((x) => (x as HTMLOptionElement).value))
					.catch(() => [] as string[]);
				const v = pick(r, values);
				if (v) await sel.selectOption(v, SHORT).catch(() => {});
			}
		},
		{ name: 'legend class', weight: 3, run: (p, r) => clickAny(p, r, '.legend li button') },
		{
			name: 'histogram brush',
			weight: 2,
			run: async (p, r) => {
				const h = p.getByTestId('histogram').locator('svg').first();
				if ((await h.count()) === 0) return;
				const box = await h.boundingBox(SHORT).catch(() => null);
				if (!box) return;
				const y = box.y + box.height * 0.5;
				const x0 = box.x + box.width * (0.15 + r() * 0.3);
				await p.mouse.move(x0, y);
				await p.mouse.down();
				await p.mouse.move(x0 + box.width * (0.1 + r() * 0.3), y, { steps: 4 });
				await p.mouse.up();
			}
		},
		{
			name: 'map click',
			weight: 2,
			run: async (p, r) => {
				if (!(await onMap(p))) return;
				const box = await p
					.getByTestId('map')
					.first()
					.boundingBox(SHORT)
					.catch(() => null);
				if (box)
					await p.mouse.click(
						box.x + box.width * (0.3 + r() * 0.5),
						box.y + box.height * (0.2 + r() * 0.6)
					);
			}
		},
		{
			name: 'clear filter',
			weight: 1,
			run: (p, r) => clickAny(p, r, '[data-testid="legend-clear"]')
		},
		{ name: 'language', weight: 1, run: (p, r) => clickAny(p, r, 'button.lang') },
		{
			name: 'save view',
			weight: 1,
			run: async (p) => {
				const b = p.getByTestId('save-view');
				if (!(await b.isVisible().catch(() => false))) return;
				await b.click(SHORT).catch(() => {});
				await p
					.getByTestId('save-view-ok')
					.click(SHORT)
					.catch(() => {});
			}
		},
		{
			name: 'story keys',
			weight: 2,
			run: async (p, r) => {
				if (!(await onScreen(p, '/briefing', base))) return;
				const play = p.getByTestId('story-play');
				if (!(await play.isVisible().catch(() => false))) return;
				await play.click(SHORT).catch(() => {});
				if (
					!(await p
						.getByTestId('story-bar')
						.waitFor({ timeout: 30_000 })
						.then(
							() => true,
							() => false
						))
				)
					return;
				for (let i = 0; i < 3; i++)
					await p.keyboard.press(
						pick(r, ['PageDown', 'PageUp', 'ArrowRight', 'ArrowLeft']) as string
					);
				await p.keyboard.press('Escape');
			}
		},
		{
			name: 'console query',
			weight: 2,
			run: async (p, r) => {
				if (!(await onScreen(p, '/console', base))) return;
				const editor = p.locator('.cm-content').first();
				if (!(await editor.isVisible().catch(() => false))) return;
				await editor.focus(SHORT).catch(() => {});
				await p.keyboard.press('Control+A');
				await p.keyboard.insertText(pick(r, QUERIES) as string);
				await p
					.getByTestId('run')
					.click({ timeout: 5000 })
					.catch(() => {});
			}
		},
		{
			name: 'planner rule',
			weight: 2,
			run: (p, r) =>
				clickAny(
					p,
					r,
					'[data-testid="planner"] input[type="checkbox"], main input[type="checkbox"]'
				)
		},
		{
			name: 'briefing year',
			weight: 1,
			run: async (p, r) => {
				const sel = p.getByTestId('briefing-year');
				if (await sel.isVisible().catch(() => false))
					await sel.selectOption(String(2014 + Math.floor(r() * 10)), SHORT).catch(() => {});
			}
		},
		{
			name: 'back',
			weight: 1,
			run: (p) =>
				p.goBack({ timeout: 10_000 }).then(
					() => {},
					() => {}
				)
		},
		{
			name: 'forward',
			weight: 1,
			run: (p) =>
				p.goForward({ timeout: 10_000 }).then(
					() => {},
					() => {}
				)
		}
	];
}

/** Run `count` actions from `seed`; returns the names run, in order (for the report). */
export async function runMonkey(page: Page, base: string, seed: number, count: number) {
	const r = rng(seed);
	const list = actions(base);
	const total = list.reduce((s, a) => s + a.weight, 0);
	const done: string[] = [];
	for (let i = 0; i < count; i++) {
		let x = r() * total;
		const action = list.find((a) => (x -= a.weight) < 0) ?? (list[0] as Action);
		done.push(action.name);
		await action.run(page, r);
	}
	return done;
}
