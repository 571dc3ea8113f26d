/**
 * The analyst console as an analyst uses it: type a query, run it with Ctrl+Enter, read the rows
 * and the count, put them on the map, export them, make mistakes (a typo, a DROP of a loaded
 * table, an extension) and go on working, cancel a long query, scroll 150,000 rows, save a query
 * and find it after a reload. Answers are checked against the committed Arrow files.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { readSheet } from 'read-excel-file/node';
import { openSession, type Session } from './browser';
import { drawnAfter, frames } from './map-frames';
import { countColors } from './pixels';
import { parents, units, villages } from './dataset';

const baseUrl = inject('baseUrl');
let s: Session;

beforeAll(async () => {
	s = await openSession(baseUrl, { width: 1366, height: 768 });
	await s.page.goto(`${baseUrl}/console`);
	await s.page.waitForSelector('[data-testid="console-pane-schema"] summary', { timeout: 90_000 });
});
afterAll(async () => {
	await s?.close();
});

/** Replace the editor's text and run it as the keyboard does. */
async function runSql(sql: string): Promise<void> {
	const p = s.page;
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

/** Runs the console has finished (answered, failed, refused or cancelled). */
const finished = async () =>
	Number(await s.page.getAttribute('[data-testid="console-bar"]', 'data-finished'));
const rowCount = async () => Number(await s.page.textContent('[data-testid="row-count"]'));
const cells = (col: number) =>
	s.page.$$eval(
		'[data-testid="result-row"]',
		(rows, c) => rows.map((r) => r.querySelectorAll('[role="cell"]')[c]?.textContent ?? ''),
		col
	);

/** Villages of one township, from region.arrow. */
function villagesOf(township: string): string[] {
	const p = parents();
	return [...villages().keys()].filter((c) => p.get(c) === township).sort();
}

describe('the console', () => {
	it('lists the loaded tables and views, and documents every spatial function', async () => {
		const schema = (await s.page.textContent('[data-testid="console-pane-schema"]')) ?? '';
		for (const t of ['region', 'boundary', 'site', 'indicator', 'v_village', 'v_collective'])
			expect(schema).toContain(t);
		await s.page.getByTestId('console-tab-functions').click();
		const fns = await s.page.locator('[data-testid="spatial-function"] code').allTextContents();
		expect(fns.join(' ')).toContain('village_at(lon, lat)');
		expect(fns.join(' ')).toContain('nearest_site(code, kind)');
		await s.page.getByTestId('console-tab-schema').click();
	});

	it('runs the statement under the cursor and shows its rows and count', async () => {
		await runSql(
			`SELECT code, name FROM v_village WHERE township_code = '610924101' ORDER BY code;\nSELECT 1;`
		);
		// The cursor ends after the second statement: that one ran.
		expect(await rowCount()).toBe(1);
		const p = s.page;
		await p.locator('.cm-line').first().click();
		await p.keyboard.press('Control+Enter');
		await p.waitForFunction(
			() => document.querySelector('[data-testid="row-count"]')?.textContent !== '1'
		);
		const expected = villagesOf('610924101');
		expect(await rowCount()).toBe(expected.length);
		expect(await cells(0)).toEqual(expected);
	});

	it('puts the rows on the map beside it', async () => {
		const before = await frames(s.page, 'console-map');
		await s.page.getByTestId('show-on-map').click();
		await s.page.waitForFunction(() =>
			/\d+/.test(document.querySelector('[data-testid="map-note"]')?.textContent ?? '')
		);
		const note = (await s.page.textContent('[data-testid="map-note"]')) ?? '';
		expect(note).toContain(`地图上显示 ${villagesOf('610924101').length} 个`);
		await drawnAfter(s.page, 'console-map', before);
		const png = await s.page.locator('[data-testid="console-map"]').screenshot();
		const [accent] = countColors(png, [[214, 96, 39]]);
		expect(accent).toBeGreaterThan(300);
	});

	it('answers a spatial question: each factory’s village, as points on the map', async () => {
		await runSql(
			`SELECT id, name, village_at(lon, lat) AS village, lon, lat FROM site WHERE kind = 'factory' ORDER BY id`
		);
		const n = await rowCount();
		expect(n).toBeGreaterThan(20);
		const got = await cells(2);
		const names = villages();
		for (const code of got) expect(names.has(code), code).toBe(true);
		await s.page.getByTestId('show-on-map').click();
		await s.page.waitForFunction(
			(k) =>
				(document.querySelector('[data-testid="map-note"]')?.textContent ?? '').includes(`${k}`),
			n
		);
	});

	it('maps the hot and cold spots of collective income in their classes', async () => {
		await runSql(`SELECT * FROM hotspots('collective_income', 2020)`);
		expect(await rowCount()).toBe(villages().size);
		const before = await frames(s.page, 'console-map');
		await s.page.getByTestId('show-on-map').click();
		await s.page.waitForSelector('[data-testid="map-classes"]');
		const legend = (await s.page.textContent('[data-testid="map-classes"]')) ?? '';
		expect(legend).toMatch(/HH \d+/);
		expect(legend).toMatch(/LL \d+/);
		await drawnAfter(s.page, 'console-map', before);
		const png = await s.page.locator('[data-testid="console-map"]').screenshot();
		const [hh, ll] = countColors(png, [
			[215, 48, 39],
			[69, 117, 180]
		]);
		expect(hh).toBeGreaterThan(300);
		expect(ll).toBeGreaterThan(300);
	});

	it('exports a CSV whose rows equal the result, Chinese intact', async () => {
		await runSql(
			`SELECT code, name FROM v_village WHERE township_code = '610924101' ORDER BY code`
		);
		const [download] = await Promise.all([
			s.page.waitForEvent('download'),
			s.page.getByTestId('export-csv').click()
		]);
		expect(download.suggestedFilename()).toMatch(/\.csv$/);
		const text = readFileSync((await download.path()) as string, 'utf8');
		expect(text.charCodeAt(0)).toBe(0xfeff);
		const lines = text.slice(1).trim().split('\r\n');
		expect(lines[0]).toBe('code,name');
		const names = villages();
		expect(lines.slice(1)).toEqual(villagesOf('610924101').map((c) => `${c},${names.get(c)}`));
	});

	it('exports Excel with codes kept as text, and GeoJSON with the villages’ shapes', async () => {
		const [xlsx] = await Promise.all([
			s.page.waitForEvent('download'),
			s.page.getByTestId('export-xlsx').click()
		]);
		expect(xlsx.suggestedFilename()).toMatch(/\.xlsx$/);
		const sheet = await readSheet(readFileSync((await xlsx.path()) as string));
		const names = villages();
		expect(sheet[0]).toEqual(['code', 'name']);
		expect(sheet.slice(1)).toEqual(villagesOf('610924101').map((c) => [c, names.get(c)]));
		const [geo] = await Promise.all([
			s.page.waitForEvent('download'),
			s.page.getByTestId('export-geojson').click()
		]);
		const fc = JSON.parse(readFileSync((await geo.path()) as string, 'utf8'));
		expect(fc.type).toBe('FeatureCollection');
		expect(fc.features.map((f: { properties: { code: string } }) => f.properties.code)).toEqual(
			villagesOf('610924101')
		);
		for (const f of fc.features) expect(f.geometry?.type).toMatch(/Polygon/);
	});

	it('shows where a query is wrong, and the next one runs', async () => {
		await runSql('SELECT *\nFORM region');
		const err = s.page.getByTestId('console-error');
		await expect(err.textContent()).resolves.toMatch(/syntax error/i);
		await expect(err.textContent()).resolves.toContain('第 2 行');
		await runSql('SELECT count(*) AS n FROM region');
		expect(Number((await cells(0))[0])).toBe(
			villages().size + units('township').size + units('county').size
		);
	});

	it('refuses to drop a loaded table or load an extension, and the data stays', async () => {
		await runSql('DROP TABLE region');
		await expect(s.page.getByTestId('console-error').textContent()).resolves.toContain(
			'「region」是已加载的数据表'
		);
		await runSql('INSTALL spatial');
		await expect(s.page.getByTestId('console-error').textContent()).resolves.toContain('扩展');
		await runSql("SELECT * FROM read_parquet('x.parquet')");
		await expect(s.page.getByTestId('console-error').textContent()).resolves.toContain('文件');
		await runSql('CREATE TEMP TABLE mine AS SELECT code FROM v_village LIMIT 3');
		await runSql('SELECT count(*) AS n FROM mine');
		expect((await cells(0))[0]).toBe('3');
		await runSql('SELECT count(*) AS n FROM v_village');
		expect(Number((await cells(0))[0])).toBe(villages().size);
	});

	it('cancels a long query and stays usable', async () => {
		const p = s.page;
		await p.locator('.cm-content').focus();
		await p.keyboard.press('Control+A');
		await p.keyboard.insertText('SELECT sum(i * i) FROM range(20000000000) t(i)');
		await p.keyboard.press('Control+Enter');
		await p.getByTestId('cancel').click();
		await expect(p.getByTestId('console-error').textContent()).resolves.toContain('查询已取消');
		await runSql('SELECT 42 AS answer');
		expect(await cells(0)).toEqual(['42']);
	});

	it('scrolls 150,000 rows smoothly to the last one', async () => {
		await runSql('SELECT i, i * 2 AS twice FROM range(150000) t(i)');
		expect(await rowCount()).toBe(150000);
		// Only the rows in view are in the page.
		expect(await s.page.locator('[data-testid="result-row"]').count()).toBeLessThan(80);
		await s.page
			.getByTestId('result-scroll')
			.evaluate((el) => el.scrollTo({ top: el.scrollHeight }));
		await s.page.waitForFunction(() =>
			[...document.querySelectorAll('[data-testid="result-row"] .rownum')].some(
				(e) => e.textContent === '150000'
			)
		);
		await s.page.waitForFunction(() =>
			[...document.querySelectorAll('[data-testid="result-row"]')].some(
				(r) => r.querySelectorAll('[role="cell"]')[1]?.textContent === '299998'
			)
		);
	});

	it('keeps a saved query across a reload', async () => {
		await runSql('SELECT name FROM v_village ORDER BY name LIMIT 5');
		await s.page.getByRole('textbox', { name: '查询名称' }).fill('五个村名');
		await s.page.getByTestId('save-query').click();
		await s.page.reload();
		await s.page.waitForSelector('[data-testid="console-pane-schema"] summary', {
			timeout: 90_000
		});
		await s.page.getByTestId('console-tab-saved').click();
		await expect(s.page.getByTestId('saved-query').first().textContent()).resolves.toContain(
			'五个村名'
		);
		await s.page.getByTestId('console-tab-history').click();
		await expect(s.page.textContent('[data-testid="console-pane-history"]')).resolves.toContain(
			'SELECT name FROM v_village'
		);
	});

	it('made no request outside its origin and logged no error', () => {
		expect(s.outside).toEqual([]);
		expect(s.errors).toEqual([]);
	});
});
