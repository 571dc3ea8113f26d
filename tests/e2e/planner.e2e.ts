/**
 * The planner as a planner uses it: pick two policy rules, see how many villages each and both
 * select (checked against indicator.arrow) and the villages on the map, move to the pairs and see
 * arcs, open the score ranking's rectification list, export the workbook and read it back, and
 * find the same settings after a reload (they are in the URL).
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { readSheet } from 'read-excel-file/node';
import { openSession, type Session } from './browser';
import { drawnAfter, frames } from './map-frames';
import { countColors } from './pixels';
import { readTable, villages } from './dataset';

const baseUrl = inject('baseUrl');
let s: Session;

beforeAll(async () => {
	s = await openSession(baseUrl, { width: 1366, height: 768 });
	await s.page.goto(`${baseUrl}/planner`);
	await s.page.waitForSelector('[data-testid="planner-selected"]', { timeout: 90_000 });
});
afterAll(async () => {
	await s?.close();
});

/** Villages selected in 2023 by the two rules, read from indicator.arrow. */
function expected(): { lax: Set<string>; noSecretary: Set<string> } {
	const v = new Map<string, Record<string, number | string | null>>();
	for (const r of readTable('610924', 'indicator')) {
		if (r.year !== 2023) continue;
		const row = v.get(String(r.code)) ?? {};
		row[String(r.key)] = r.text ?? r.value;
		v.set(String(r.code), row);
	}
	const lax = new Set<string>();
	const noSecretary = new Set<string>();
	for (const code of villages().keys()) {
		const row = v.get(code) ?? {};
		if (row.branch_status === '软弱涣散') lax.add(code);
		if (Number(row.poor_village) === 1 && Number(row.first_secretary ?? 0) !== 1)
			noSecretary.add(code);
	}
	return { lax, noSecretary };
}

const settled = () =>
	s.page.waitForFunction(
		() => document.querySelector('[data-testid="planner"]')?.getAttribute('data-busy') === 'false'
	);
const listCodes = () =>
	s.page.$$eval('[data-testid="planner-list-list"] tbody tr', (rows) =>
		rows.map((r) => r.getAttribute('data-code') ?? '')
	);

describe('the planner', () => {
	it('selects the villages two rules name, counted as the data says, on the map', async () => {
		const p = s.page;
		const rule = (id: string) => p.locator(`[data-rule="${id}"] input[type="checkbox"]`);
		await rule('weak_collective').uncheck();
		await settled();
		await rule('poor_no_secretary').check();
		await settled();
		const { lax, noSecretary } = expected();
		const union = new Set([...lax, ...noSecretary]);
		await p.waitForFunction(
			(n) =>
				document.querySelector('[data-testid="planner-selected"]')?.textContent?.includes(`${n}`),
			union.size
		);
		const counts = await p.locator('[data-rule] [data-testid="rule-count"]').allTextContents();
		expect(counts.map(Number)).toEqual([lax.size, noSecretary.size]);
		expect((await listCodes()).sort()).toEqual([...union].sort());
		expect(p.url()).toContain('rules=lax_branch%2Cpoor_no_secretary');

		await p.getByLabel('同时满足（且）').check();
		await settled();
		const both = [...lax].filter((c) => noSecretary.has(c));
		expect((await listCodes()).sort()).toEqual(both.sort());
		const before = await frames(s.page, 'planner-map');
		await p.getByLabel('满足其一（或）').check();
		await settled();
		await drawnAfter(s.page, 'planner-map', before);
		const png = await p.locator('[data-testid="planner-map"]').screenshot();
		expect(countColors(png, [[214, 96, 39]])[0]).toBeGreaterThan(200);
	});

	it('pairs every village of the list with a strong one and draws the arcs', async () => {
		const p = s.page;
		const before = await frames(s.page, 'planner-map');
		await p.getByTestId('planner-tab-pairs').click();
		const summary = (await p.textContent('[data-testid="pairs-summary"]')) ?? '';
		const pairs = await p.locator('[data-testid="pair-row"]').count();
		const unpaired = await p.locator('[data-testid="unpaired"] li').count();
		const { lax, noSecretary } = expected();
		expect(pairs + unpaired).toBe(new Set([...lax, ...noSecretary]).size);
		expect(summary).toContain(`${pairs} 对`);
		expect(pairs).toBeGreaterThan(0);
		await drawnAfter(s.page, 'planner-map', before);
		const png = await p.locator('[data-testid="planner-map"]').screenshot();
		const [arcs, strong] = countColors(png, [
			[44, 93, 143],
			[26, 152, 80]
		]);
		expect(arcs).toBeGreaterThan(50);
		expect(strong).toBeGreaterThan(100);
	});

	it('ranks villages by the composite score and marks the bottom tenth', async () => {
		const p = s.page;
		await p.getByTestId('planner-tab-score').click();
		const text = (await p.textContent('[data-testid="rectify-count"]')) ?? '';
		const n = Math.ceil(villages().size * 0.1);
		expect(text).toMatch(new RegExp(`倒排 10%：\\s*(\\d+)`));
		const marked = Number(/：\s*(\d+)/.exec(text)?.[1]);
		expect(marked).toBeGreaterThanOrEqual(n);
		expect(await p.locator('[data-testid="planner-list-score"] tr.rectify').count()).toBe(marked);
	});

	it('exports the workbook: a header sheet and the list, codes as text', async () => {
		const p = s.page;
		await p.getByTestId('planner-tab-list').click();
		const codes = await listCodes();
		const [download] = await Promise.all([
			p.waitForEvent('download'),
			p.getByTestId('planner-export').click()
		]);
		const bytes = readFileSync((await download.path()) as string);
		const about = await readSheet(bytes, '说明');
		expect(about.map((r) => String(r[1])).join('\n')).toContain('软弱涣散党组织未整顿');
		const list = await readSheet(bytes, '支持名单');
		expect(list.slice(1).map((r) => r[0])).toEqual(codes);
		for (const r of list.slice(1)) expect(typeof r[0]).toBe('string');
	});

	it('opens with the same settings after a reload', async () => {
		const p = s.page;
		await p.reload();
		await p.waitForSelector('[data-testid="planner-selected"]', { timeout: 90_000 });
		await expect(
			p.locator('[data-rule="poor_no_secretary"] input[type="checkbox"]').isChecked()
		).resolves.toBe(true);
		await expect(
			p.locator('[data-rule="weak_collective"] input[type="checkbox"]').isChecked()
		).resolves.toBe(false);
	});

	it('opens its generated SQL in the console, where it answers the same list', async () => {
		const p = s.page;
		await p.getByTestId('planner-tab-list').click();
		const codes = await listCodes();
		await p.locator('summary', { hasText: '生成的 SQL' }).click();
		await expect(p.textContent('[data-testid="planner-sql"]')).resolves.toContain('软弱涣散');
		await p.getByTestId('open-sql').click();
		await p.waitForURL(/\/console/);
		await p.waitForSelector('[data-testid="console-pane-schema"] summary', { timeout: 60_000 });
		await p.locator('.cm-content').focus();
		await p.keyboard.press('Control+End');
		await p.getByTestId('run').click();
		await p.waitForSelector('[data-testid="row-count"]');
		expect(Number(await p.textContent('[data-testid="row-count"]'))).toBe(villages().size);
		// Selected rows come first, in code order.
		const first = await p.$$eval('[data-testid="result-row"]', (rows) =>
			rows.map((r) => r.querySelectorAll('[role="cell"]')[0]?.textContent ?? '')
		);
		expect(first.slice(0, codes.length)).toEqual([...codes].sort());
	});

	it('made no request outside its origin and logged no error', () => {
		expect(s.outside).toEqual([]);
		expect(s.errors).toEqual([]);
	});
});
