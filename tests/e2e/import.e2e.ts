/**
 * An office's own files into Village Atlas, as a person does it: every fixture gives a report in
 * which each row or feature is accounted for; an xlsx with a merged title row and a 合计 row
 * changes what the village profile shows; the import survives a reload; the rejected rows
 * download as CSV; a workspace file saved, storage cleared (back to the sample), the workspace
 * opened again — the same numbers; a file of the wrong type or a damaged zip gets a plain message.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { openSession, type Session } from './browser';

const baseUrl = inject('baseUrl');
const FIXTURES = 'tests/fixtures/import';
/** 蒿坪镇王家河村: 26.76万 in the sample for 2020, 12.6万 in merged-title.xlsx. */
const VILLAGE = '610924101215';
let s: Session;
let dir = '';

beforeAll(async () => {
	s = await openSession(baseUrl, { width: 1366, height: 900 });
	dir = mkdtempSync(join(tmpdir(), 'import-e2e-'));
	await s.page.goto(`${baseUrl}/import`);
	await s.page.getByTestId('import-drop').waitFor({ timeout: 90_000 });
});
afterAll(async () => {
	await s?.close();
	if (dir) rmSync(dir, { recursive: true, force: true });
});

const page = () => s.page;
const stat = async (id: string) =>
	(await page().getByTestId(`import-stat-${id}`).textContent())?.trim();
const num = async (id: string) => Number(await stat(id));

async function choose(file: string) {
	await page().getByTestId('import-file').setInputFiles(file);
	await page()
		.locator('[data-testid="import-review"], [data-testid="import-failure"]')
		.first()
		.waitFor({ timeout: 60_000 });
}

async function apply() {
	await page().getByTestId('import-apply').click();
	await page().getByTestId('import-applied').waitFor({ timeout: 60_000 });
}

/** The village's collective income in 2020 as its profile on the map shows it. */
async function profileIncome(): Promise<string> {
	await page().goto(`${baseUrl}/?indicator=collective_income&year=2020&selected=${VILLAGE}`);
	const li = page().locator('[data-testid="profile"] li[data-key="collective_income"] .value');
	await li.waitFor({ timeout: 90_000 });
	return (await li.textContent())?.trim() ?? '';
}

describe('importing the fixtures', () => {
	it.each([
		['merged-title.xlsx', 9, 5, 0, 4],
		['wide-by-year.xlsx', 4, 4, 0, 0],
		['utf8-bom-codes.csv', null, null, null, null],
		['gb18030-names.csv', 11, 9, 2, 0],
		['duplicates-unknown.csv', null, null, null, null]
	])(
		'%s: a report where every row is accounted for',
		async (file, rows, matched, rejected, skipped) => {
			await choose(`${FIXTURES}/${file}`);
			const read = await num('rows');
			expect(read).toBe((await num('matched')) + (await num('rejected')) + (await num('skipped')));
			if (rows !== null) {
				expect([read, await num('matched'), await num('rejected'), await num('skipped')]).toEqual([
					rows,
					matched,
					rejected,
					skipped
				]);
			}
			await page().getByRole('button', { name: '取消' }).last().click();
		}
	);

	it.each([
		['boundary-gbk-no-cpg.zip', 'gbk'],
		['boundary-gbk-cpg936.zip', 'gbk'],
		['boundary-gk36-prj.zip', 'utf-8'],
		['boundary-villages.kml', null],
		['boundary-bowtie.geojson', null]
	])('%s: every feature accounted for, names decoded', async (file, encoding) => {
		await choose(`${FIXTURES}/${file}`);
		const read = await num('features');
		expect(read).toBeGreaterThan(0);
		expect(read).toBe((await num('matched')) + (await num('rejected')));
		if (encoding) expect((await stat('encoding'))?.toLowerCase()).toBe(encoding);
		await page().getByRole('button', { name: '取消' }).last().click();
	});

	it('lists the rows not imported with their reasons, and downloads them', async () => {
		await choose(`${FIXTURES}/gb18030-names.csv`);
		const list = page().getByTestId('import-rejected');
		await expect(list.textContent()).resolves.toContain('关庙村');
		const download = page().waitForEvent('download');
		await page().getByTestId('import-download-rejected').click();
		const file = join(dir, 'rejected.csv');
		await (await download).saveAs(file);
		const csv = readFileSync(file, 'utf8');
		expect(csv.charCodeAt(0)).toBe(0xfeff); // Excel on Chinese Windows reads the BOM as UTF-8
		expect(csv.split('\r\n').filter(Boolean).length).toBe(1 + 2);
		expect(csv).toContain('黄金湾村');
		await page().getByRole('button', { name: '取消' }).last().click();
	});

	it('a column mapped by hand: set to “do not import”, its values leave the records', async () => {
		await choose(`${FIXTURES}/gb18030-names.csv`);
		const before = await num('records');
		const secretary = page().getByTestId('import-column').nth(5);
		expect(await secretary.inputValue()).toMatch(/^ind:/);
		await secretary.selectOption('ignore');
		await expect.poll(() => num('records'), { timeout: 30_000 }).toBeLessThan(before);
		expect(await page().getByTestId('import-column').nth(5).inputValue()).toBe('ignore');
		await page().getByRole('button', { name: '取消' }).last().click();
	});

	it('a file of the wrong type and a damaged zip get a plain message', async () => {
		const pdf = join(dir, '报告.pdf');
		writeFileSync(pdf, '%PDF-1.4');
		await choose(pdf);
		await expect(page().getByTestId('import-failure').textContent()).resolves.toContain(
			'不支持的文件类型'
		);
		const zip = join(dir, '村界.zip');
		writeFileSync(zip, readFileSync(`${FIXTURES}/boundary-gbk-cpg936.zip`).subarray(0, 300));
		await choose(zip);
		await expect(page().getByTestId('import-failure').textContent()).resolves.toMatch(/村界\.zip/);
	});
});

describe('imported data on the map, kept and carried', () => {
	let sample = '';

	it('an applied table changes what the map shows', async () => {
		sample = await profileIncome();
		await page().goto(`${baseUrl}/import`);
		await page().getByTestId('import-drop').waitFor({ timeout: 60_000 });
		await choose(`${FIXTURES}/merged-title.xlsx`);
		await apply();
		await choose(`${FIXTURES}/boundary-gbk-cpg936.zip`);
		await apply();
		expect(await page().getByTestId('kept-import').count()).toBe(2);
		const imported = await profileIncome();
		expect(imported).toContain('12.6');
		expect(imported).not.toBe(sample);
	});

	it('is still there after a reload', async () => {
		await page().reload();
		const li = page().locator('[data-testid="profile"] li[data-key="collective_income"] .value');
		await li.waitFor({ timeout: 90_000 });
		await expect(li.textContent()).resolves.toContain('12.6');
	});

	it('travels in a workspace file: saved, cleared, opened again', async () => {
		await page().goto(`${baseUrl}/import`);
		await page().getByTestId('kept-import').first().waitFor({ timeout: 90_000 });
		const download = page().waitForEvent('download');
		await page().getByTestId('workspace-save').click();
		const file = join(dir, 'workspace.zip');
		await (await download).saveAs(file);

		await page().getByTestId('import-clear').click();
		await page().getByText('还没有导入的数据').waitFor({ timeout: 60_000 });
		expect(await profileIncome()).toBe(sample);

		await page().goto(`${baseUrl}/import`);
		await page().getByTestId('import-drop').waitFor({ timeout: 60_000 });
		await page().getByTestId('workspace-open').setInputFiles(file);
		await page().getByText('已打开工作区').waitFor({ timeout: 60_000 });
		expect(await page().getByTestId('kept-import').count()).toBe(2);
		await expect(profileIncome()).resolves.toContain('12.6');
	});

	it('made no request outside its origin and logged no error', () => {
		expect(s.outside).toEqual([]);
		expect(s.errors).toEqual([]);
	});
});
