/**
 * Hostile data, end to end: a region whose county, township, village, site and category names and
 * an indicator's label are markup, SQL and spreadsheet formulas (tests/e2e/hostile-dataset.ts,
 * served from a copy of the build). A person sees those characters as text in the picker, the
 * legend, the tooltip, the profile, the planner's tables, the console's results, the PDF and the
 * Excel and CSV exports; no element is made from them and no script runs (script-watch.ts sees
 * any alert and any `<img src=x>` or `<script>` added to the page). A sheet column headed
 * `"; DROP TABLE indicator; --` imports as a new indicator labelled with those characters, and
 * `indicator` is still there. Exports write formulas as inert text, numbers as numbers.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import type { Download } from 'playwright-core';
import readXlsxFile from 'read-excel-file/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveStatic } from '../../scripts/serve-static.js';
import { openSession, waitForReady, type Session } from './browser';
import { HOSTILE, writeHostileApp, type HostileRegion } from './hostile-dataset';
import { watchForScript, type ScriptWatch } from './script-watch';

let s: Session;
let dir = '';
let base = '';
let stopApp: () => void = () => {};
let region: HostileRegion;
let watch: ScriptWatch;

beforeAll(async () => {
	dir = mkdtempSync(join(tmpdir(), 'va-hostile-'));
	region = writeHostileApp('build', join(dir, 'app'));
	const app = await serveStatic({ root: join(dir, 'app'), port: 0, host: '127.0.0.1' });
	base = app.baseUrl;
	stopApp = app.stop;
	s = await openSession(base, { width: 1366, height: 900 });
	watch = await watchForScript(s.page);
}, 120_000);

afterAll(async () => {
	await s?.close();
	stopApp();
	if (dir) rmSync(dir, { recursive: true, force: true });
});

const page = () => s.page;

/** Nothing the data holds became an element or ran. */
async function expectInert() {
	expect(await page().locator('img[src="x"]').count()).toBe(0);
	expect(await watch.seen()).toEqual([]);
	expect(watch.dialogs).toEqual([]);
	expect(watch.fetchedX).toEqual([]);
}

async function saved(d: Promise<Download>, name: string): Promise<Buffer> {
	const file = join(dir, name);
	await (await d).saveAs(file);
	return readFileSync(file);
}

/** Every worksheet's XML of an xlsx: a formula would be an `<f>` element in one of them. */
function sheetXml(bytes: Buffer): string {
	const files = unzipSync(new Uint8Array(bytes), {
		filter: (f) => f.name.startsWith('xl/worksheets/')
	});
	return Object.values(files)
		.map((f) => strFromU8(f))
		.join('\n');
}

/** Every cell of every sheet, as read-excel-file reads them (strings, numbers, booleans). */
async function xlsxCells(bytes: Buffer): Promise<unknown[]> {
	const sheets = await readXlsxFile(bytes);
	return sheets.flatMap((sh) => sh.data.flat());
}

async function openMap(query: string) {
	await page().goto(`${base}/?bench=1&${query}`);
	await waitForReady(page());
	await page().waitForSelector('[data-testid="legend-count"]', { timeout: 60_000 });
}

/** Replace the console editor's text and run it as the keyboard does. */
async function runSql(sql: string): Promise<void> {
	const p = page();
	const finished = async () =>
		Number(await p.getAttribute('[data-testid="console-bar"]', 'data-finished'));
	await p.locator('.cm-content').focus();
	await p.keyboard.press('Control+A');
	await p.keyboard.insertText(sql);
	const before = await finished();
	await p.keyboard.press('Control+Enter');
	await p.waitForFunction(
		(n) =>
			Number(document.querySelector('[data-testid="console-bar"]')?.getAttribute('data-finished')) >
			n,
		before
	);
}

/** The result's column names, without the type each header shows beneath. */
const headers = () =>
	page().$$eval('[data-testid="result-scroll"] [role="columnheader"]', (hs) =>
		hs.map((h) => {
			const name = h.cloneNode(true) as Element;
			name.querySelector('small')?.remove();
			return (name.textContent ?? '').trim();
		})
	);
const column = (c: number) =>
	page().$$eval(
		'[data-testid="result-row"]',
		(rows, i) => rows.map((r) => r.querySelectorAll('[role="cell"]')[i]?.textContent ?? ''),
		c
	);

describe('hostile names on the map screen', () => {
	it('shows the county in the picker and the title, and a category in the legend, as text', async () => {
		await openMap(`indicator=${region.category.key}&year=2023`);
		const options = await page().locator('select[aria-label="区域"] option').allTextContents();
		expect(options.map((o) => o.trim())).toContain(region.county);
		await expect(page().textContent('[data-testid="map-title"]')).resolves.toContain(region.county);
		const item = page().locator('.legend li', {
			has: page().locator('.label', { hasText: region.category.text })
		});
		await expect(item.locator('.label').textContent()).resolves.toBe(region.category.text);
		await expect(item.locator('[data-testid="legend-count"]').textContent()).resolves.toBe(
			String(region.category.count2023)
		);
		// The linked charts: the township bars name townships, the histogram the categories.
		await expect
			.poll(() => page().getByTestId('township-bars').textContent(), { timeout: 30_000 })
			.toContain(region.township.name);
		await expect
			.poll(() => page().getByTestId('histogram').textContent(), { timeout: 30_000 })
			.toContain(region.category.text);
		await expectInert();
	});

	it('lists an indicator whose label is markup by that label', async () => {
		const options = await page().locator('[data-testid="indicator"] option').allTextContents();
		expect(options.map((o) => o.trim())).toContain(region.label.text);
	});

	it('names the village under the pointer as text', async () => {
		const box = await page().locator('[data-testid="map"]').boundingBox();
		if (!box) throw new Error('no map');
		let found = '';
		for (let fy = 0.3; fy <= 0.7 && !found; fy += 0.05) {
			for (let fx = 0.3; fx <= 0.7 && !found; fx += 0.04) {
				await page().mouse.move(box.x + box.width * fx, box.y + box.height * fy);
				await page().waitForTimeout(60);
				const tip = page().locator('[data-testid="tooltip"] strong');
				const text = (await tip.count()) ? ((await tip.textContent()) ?? '').trim() : '';
				if (text.includes(HOSTILE.img)) found = text;
			}
		}
		expect(found).toContain(HOSTILE.img);
		expect([...region.names.values()]).toContain(found);
		await expectInert();
	});

	it('shows a village named as markup, and its township, in the profile', async () => {
		await openMap(`indicator=${region.category.key}&year=2023&selected=${region.villages.img}`);
		const profile = page().getByTestId('profile');
		await profile.locator('h2').waitFor();
		await expect(profile.locator('h2').textContent()).resolves.toBe(HOSTILE.img);
		await expect(profile.locator('.where').textContent()).resolves.toContain(region.township.name);
		await expectInert();
	});

	it('shows a township named as markup, its category counts and its site, in the profile', async () => {
		await openMap(
			`indicator=${region.category.key}&year=2023&level=township&selected=${region.township.code}`
		);
		const profile = page().getByTestId('profile');
		await profile.locator('h2').waitFor();
		await expect(profile.locator('h2').textContent()).resolves.toBe(region.township.name);
		await page().getByTestId('profile-sites').locator('li').first().waitFor({ timeout: 30_000 });
		await expect(profile.textContent()).resolves.toContain(region.site);
		await expectInert();
	});

	it('prints the hostile names into the PDF as text', async () => {
		await openMap(`indicator=${region.category.key}&year=2023`);
		await page().getByTestId('print-open').click();
		const pdf = saved(page().waitForEvent('download', { timeout: 90_000 }), 'map.pdf');
		await page().getByTestId('print-pdf').click();
		const file = join(dir, 'map.pdf');
		await pdf;
		const words = execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
		expect(words).toContain(region.township.name);
		expect(words).toContain(region.formulaTownship.name);
		expect(words).toContain(region.county);
		expect(words).toContain(region.category.text);
		await expectInert();
	});
});

describe('hostile names in the planner', () => {
	it('lists them as text in the score ranking', async () => {
		await page().goto(`${base}/planner`);
		await page().waitForSelector('[data-testid="planner-selected"]', { timeout: 90_000 });
		await page().waitForFunction(
			() => document.querySelector('[data-testid="planner"]')?.getAttribute('data-busy') === 'false'
		);
		await page().getByTestId('planner-tab-score').click();
		const table = page().getByTestId('planner-list-score');
		const names = await table.locator('tbody tr td:nth-child(2)').allTextContents();
		for (const h of Object.values(HOSTILE)) expect(names).toContain(h);
		const townships = await table.locator('tbody tr td:nth-child(3)').allTextContents();
		expect(townships).toContain(region.township.name);
		expect(townships).toContain(region.formulaTownship.name);
		for (const tab of ['pairs', 'gaps', 'list']) {
			await page().getByTestId(`planner-tab-${tab}`).click();
			await page().getByTestId(`planner-list-${tab}`).waitFor();
		}
		await expect(page().getByTestId('planner-list-list').textContent()).resolves.toContain(
			HOSTILE.img
		);
		await expectInert();
	});

	it('exports them as text cells, formulas inert, scores as numbers', async () => {
		const bytes = saved(page().waitForEvent('download'), 'planner.xlsx');
		await page().getByTestId('planner-export').click();
		const file = await bytes;
		expect(sheetXml(file)).not.toMatch(/<f[\s>]/);
		const cells = await xlsxCells(file);
		for (const text of [HOSTILE.img, HOSTILE.script, HOSTILE.sql, region.township.name])
			expect(cells).toContain(text);
		for (const formula of [HOSTILE.link, HOSTILE.plus, HOSTILE.minus, HOSTILE.at]) {
			expect(cells).toContain(`'${formula}`);
			expect(cells).not.toContain(formula);
		}
		const score = (await readXlsxFile(file)).find((x) => x.sheet === '综合评分倒排');
		const at = score!.data[0]!.indexOf('得分');
		const scores = score!.data.slice(1).map((r) => r[at]);
		expect(scores.filter((v) => typeof v === 'number').length).toBeGreaterThan(100);
	});
});

describe('hostile names in the console', () => {
	const codes = () => Object.values(region.villages);

	it('shows names and a column alias written as markup as text', async () => {
		await page().goto(`${base}/console`);
		await page().waitForSelector('[data-testid="console-pane-schema"] summary', {
			timeout: 90_000
		});
		await runSql(
			`SELECT code, name, township, -3.5 AS neg, 1 AS "${HOSTILE.img}"\nFROM v_village WHERE code IN (${codes()
				.map((c) => `'${c}'`)
				.join(', ')}) ORDER BY code`
		);
		expect(await headers()).toContain(HOSTILE.img);
		const names = await column(1);
		expect(names.sort()).toEqual(Object.values(HOSTILE).sort());
		await expectInert();
	});

	it('exports CSV with formulas prefixed and numbers untouched', async () => {
		const bytes = saved(page().waitForEvent('download'), 'result.csv');
		await page().getByTestId('export-csv').click();
		const csv = (await bytes).toString('utf8');
		expect(csv.split('\r\n')[0]).toBe(`\uFEFFcode,name,township,neg,${HOSTILE.img}`);
		expect(csv).toContain(`"'=HYPERLINK(""http://evil"",""x"")"`);
		for (const f of [HOSTILE.plus, HOSTILE.minus, HOSTILE.at]) expect(csv).toContain(`,'${f},`);
		expect(csv).toContain(`,"""; DROP TABLE indicator; --",`);
		const negs = csv
			.split('\r\n')
			.slice(1, -1)
			.map((l) => l.split(',').at(-2));
		expect(negs).toEqual(Array(codes().length).fill('-3.5'));
	});

	it('exports Excel with names as text cells, no formula, and -3.5 a number', async () => {
		const bytes = saved(page().waitForEvent('download'), 'result.xlsx');
		await page().getByTestId('export-xlsx').click();
		const file = await bytes;
		expect(sheetXml(file)).not.toMatch(/<f[\s>]/);
		const [sheet] = await readXlsxFile(file);
		const rows = sheet!.data;
		expect(rows[0]).toEqual(['code', 'name', 'township', 'neg', HOSTILE.img]);
		const names = rows.slice(1).map((r) => r[1]);
		expect(names).toContain(HOSTILE.img);
		expect(names).toContain(HOSTILE.sql);
		expect(names).toContain(`'${HOSTILE.link}`);
		expect(rows.slice(1).map((r) => r[3])).toEqual(Array(codes().length).fill(-3.5));
	});

	it('runs a query whose column is named with SQL, maps it, and indicator is still there', async () => {
		const alias = `"${HOSTILE.sql.replaceAll('"', '""')}"`;
		await runSql(`SELECT code AS ${alias}, name FROM v_village ORDER BY 1`);
		await expect(page().getByTestId('console-error').count()).resolves.toBe(0);
		expect(await headers()).toContain(HOSTILE.sql);
		expect(Number(await page().textContent('[data-testid="row-count"]'))).toBe(region.names.size);
		await page().getByTestId('show-on-map').click();
		await expect
			.poll(() => page().textContent('[data-testid="map-note"]'), { timeout: 30_000 })
			.toContain(`地图上显示 ${region.names.size} 个`);
		await runSql('SELECT count(*)::INTEGER AS n FROM indicator');
		expect(Number((await column(0))[0])).toBeGreaterThan(80_000);
		await expectInert();
	});
});

describe('a sheet headed with SQL and markup, imported', () => {
	const header = HOSTILE.sql;
	const [a, b] = [HOSTILE.img, HOSTILE.script] as const;

	it('reads the header as a new indicator and lists the rejected row with its formula inert', async () => {
		const csv = join(dir, 'hostile.csv');
		const quote = (t: string) => `"${t.replaceAll('"', '""')}"`;
		const rows = [
			['行政区划代码', '村名', '年份', header],
			[region.villages.img, a, '2023', '5'],
			[region.villages.script, b, '2023', '7'],
			['610924999999', HOSTILE.link, '2023', HOSTILE.link]
		];
		writeFileSync(csv, '\uFEFF' + rows.map((r) => r.map(quote).join(',')).join('\r\n') + '\r\n');
		await page().goto(`${base}/import`);
		await page().getByTestId('import-drop').waitFor({ timeout: 90_000 });
		await page().getByTestId('import-file').setInputFiles(csv);
		await page().getByTestId('import-review').waitFor({ timeout: 60_000 });
		await expect(page().getByTestId('import-stat-matched').textContent()).resolves.toContain('2');
		const fresh = page().getByTestId('import-new');
		await expect(fresh.locator('legend').textContent()).resolves.toContain(header);
		await expect(fresh.locator('input').first().inputValue()).resolves.toBe(header);
		await expect(page().getByTestId('import-rejected').textContent()).resolves.toContain(
			HOSTILE.link
		);
		const bytes = saved(page().waitForEvent('download'), 'rejected.csv');
		await page().getByTestId('import-download-rejected').click();
		const text = (await bytes).toString('utf8');
		expect(text).toContain(`"'=HYPERLINK(""http://evil"",""x"")"`);
		expect(text).not.toMatch(/(^|,)"?=HYPERLINK/m);
		await expectInert();
	});

	it('applies it; the label stays text and indicator still exists', async () => {
		await page().getByTestId('import-new-accept').click();
		await page().getByTestId('import-apply').click();
		await page().getByTestId('import-applied').waitFor({ timeout: 60_000 });
		await page().goto(`${base}/console`);
		await page().waitForSelector('[data-testid="console-pane-schema"] summary', {
			timeout: 90_000
		});
		await runSql(
			`SELECT m.key, m.label_zh, count(i.code)::INTEGER AS n FROM indicator_meta m\nJOIN indicator i USING (key) WHERE m.key LIKE 'imp%' GROUP BY ALL`
		);
		const [key] = await column(0);
		expect(key).toMatch(/^imp_[0-9a-z]+$/);
		await expect(column(1)).resolves.toEqual([header]);
		await expect(column(2)).resolves.toEqual(['2']);
		await runSql(
			`SELECT code, "${key}" AS v FROM v_collective WHERE "${key}" IS NOT NULL ORDER BY v`
		);
		await expect(column(0)).resolves.toEqual([region.villages.img, region.villages.script]);

		await openMap(`indicator=${key}&year=2023`);
		await expect(page().textContent('.legend h2')).resolves.toContain(header);
		await expectInert();
	});
});

describe('throughout', () => {
	it('made no request outside its origin, logged no error and ran nothing from the data', async () => {
		expect(s.outside).toEqual([]);
		expect(s.errors).toEqual([]);
		await expectInert();
	});

	it('would have seen it: markup put into the page is caught, and its handler refused', async () => {
		await page().evaluate(
			(html) => document.body.insertAdjacentHTML('beforeend', html),
			HOSTILE.img
		);
		await expect.poll(() => watch.seen()).toEqual(['element <img src="x" onerror="alert(1)">']);
		await expect.poll(() => watch.fetchedX.length).toBe(1);
		expect(await page().locator('img[src="x"]').count()).toBe(1);
		// The page's CSP refuses the inline handler even then: a second line, not the first.
		await expect.poll(() => s.errors.join('\n')).toMatch(/inline event handler/i);
	});
});
