/**
 * A leader's briefing from start to paper: save two views on the map, find them on /briefing,
 * play them as a story with the keyboard (clicker keys included), leave it; export and import
 * the views file; print the map as an A3 PDF (checked with pdfinfo and pdftotext: real Chinese
 * text, legend labels, township names), a township atlas (one page per township) and a PNG
 * (its size and its coloured pixels); the same in English.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import type { Download } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { openSession, type Session } from './browser';
import { units } from './dataset';

const baseUrl = inject('baseUrl');
let s: Session;
let dir = '';
const townships = [...units('township').values()];

beforeAll(async () => {
	s = await openSession(baseUrl, { width: 1366, height: 768 });
	dir = mkdtempSync(join(tmpdir(), 'story-print-'));
});
afterAll(async () => {
	await s?.close();
	if (dir) rmSync(dir, { recursive: true, force: true });
});

const page = () => s.page;
const text = (id: string) => page().getByTestId(id).textContent();

async function saved(d: Promise<Download>, name: string): Promise<string> {
	const file = join(dir, name);
	await (await d).saveAs(file);
	return file;
}

function pdfText(file: string): string {
	return execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
}

function pdfInfo(file: string): { pages: number; size: string } {
	const out = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
	return {
		pages: Number(/Pages:\s+(\d+)/.exec(out)?.[1]),
		size: /Page size:\s+(.*)/.exec(out)?.[1] ?? ''
	};
}

/** The screen legend's labels, as a person reads them. */
async function legendLabels(): Promise<string[]> {
	return page().locator('.legend .label').allTextContents();
}

async function saveView(title: string | null, note: string) {
	await page().getByTestId('save-view').click();
	if (title !== null) await page().getByTestId('save-view-title').fill(title);
	await page().getByTestId('save-view-note').fill(note);
	await page().getByTestId('save-view-ok').click();
	await page().getByTestId('save-view-message').waitFor();
}

describe('saved views and the story', () => {
	it('saves two views from the map', async () => {
		await page().goto(`${baseUrl}/?year=2019`);
		await page().waitForSelector('[data-testid="legend-count"]', { timeout: 90_000 });
		await saveView(null, '2019 年仍有贫困村在南部');
		await expect(text('save-view-message')).resolves.toContain('共 1 个视图');
		await page().goto(`${baseUrl}/?indicator=collective_income&level=township`);
		await page().waitForSelector('[data-testid="legend-count"]', { timeout: 60_000 });
		await saveView('集体经济：乡镇一览', '');
		await expect(text('save-view-message')).resolves.toContain('共 2 个视图');
	});

	it('lists them on the briefing, and the views file travels', async () => {
		await page().goto(`${baseUrl}/briefing`);
		const rows = page().getByTestId('saved-view');
		await rows.nth(1).waitFor({ timeout: 60_000 });
		expect(await rows.count()).toBe(2);
		await expect(rows.nth(0).textContent()).resolves.toContain('紫阳县 · 脱贫退出状态 · 2019');
		const download = saved(page().waitForEvent('download'), 'views.json');
		await page().getByTestId('views-export').click();
		const file = await download;
		const exported = JSON.parse(readFileSync(file, 'utf8'));
		expect(exported.views.map((v: { title: string }) => v.title)).toEqual([
			'紫阳县 · 脱贫退出状态 · 2019',
			'集体经济：乡镇一览'
		]);
		// Delete one, then bring it back from the file.
		await rows.nth(1).getByRole('button', { name: '删除' }).click();
		expect(await rows.count()).toBe(1);
		await page().getByTestId('views-import').setInputFiles(file);
		await expect(text('views-message')).resolves.toContain('已导入 2 个视图');
		expect(await rows.count()).toBe(2);
	});

	it('plays the story with the keyboard and clicker keys', async () => {
		await page().getByTestId('story-play').click();
		await page().getByTestId('story-bar').waitFor({ timeout: 60_000 });
		await expect(text('story-title')).resolves.toBe('紫阳县 · 脱贫退出状态 · 2019');
		await expect(text('story-note')).resolves.toBe('2019 年仍有贫困村在南部');
		await expect(text('story-counter')).resolves.toBe('1 / 2');
		expect(new URL(page().url()).searchParams.get('year')).toBe('2019');
		// Story mode is the map alone: no top bar, no charts.
		expect(await page().locator('header.bar').count()).toBe(0);

		await page().keyboard.press('PageDown');
		await page().waitForFunction(
			() => document.querySelector('[data-testid="story-counter"]')?.textContent === '2 / 2'
		);
		await expect(text('story-title')).resolves.toBe('集体经济：乡镇一览');
		const url = new URL(page().url());
		expect(url.searchParams.get('indicator')).toBe('collective_income');
		expect(url.searchParams.get('level')).toBe('township');
		expect(url.searchParams.get('story')).toBe('1');
		await page().waitForFunction(
			(n) => document.querySelector('[data-testid="legend-total"]')?.textContent === String(n),
			townships.length
		);

		await page().keyboard.press('ArrowLeft');
		await page().waitForFunction(
			() => document.querySelector('[data-testid="story-counter"]')?.textContent === '1 / 2'
		);
		await page().keyboard.press('PageUp'); // already at the first slide: stays
		await expect(text('story-counter')).resolves.toBe('1 / 2');
	});

	it('survives a reload on a slide, and Escape leaves the story', async () => {
		await page().keyboard.press('ArrowRight');
		await page().waitForURL(/story=1/);
		await page().reload();
		await page().getByTestId('story-bar').waitFor({ timeout: 60_000 });
		await expect(text('story-counter')).resolves.toBe('2 / 2');
		await page().keyboard.press('Escape');
		await page().locator('header.bar').waitFor();
		expect(await page().getByTestId('story-bar').count()).toBe(0);
		expect(new URL(page().url()).searchParams.get('story')).toBeNull();
	});
});

describe('print and export', () => {
	it('prints the map as an A3 PDF with real Chinese text', async () => {
		await page().goto(`${baseUrl}/?year=2019`);
		await page().waitForSelector('[data-testid="legend-count"]', { timeout: 60_000 });
		const labels = await legendLabels();
		await page().getByTestId('print-open').click();
		await page().getByTestId('print-title').fill('紫阳县脱贫退出图（2019年）');
		await page().getByTestId('print-paper').selectOption('A3');
		await page().getByTestId('print-approval').fill('GS(2024)0650号');
		const file = saved(page().waitForEvent('download', { timeout: 60_000 }), 'map.pdf');
		await page().getByTestId('print-pdf').click();
		const pdf = await file;
		expect(pdfInfo(pdf)).toEqual({ pages: 1, size: '1190.55 x 841.89 pts (A3)' });
		const words = pdfText(pdf);
		expect(words).toContain('紫阳县脱贫退出图（2019年）');
		for (const l of labels) expect(words).toContain(l);
		for (const t of townships) expect(words).toContain(t);
		expect(words).toContain('GS(2024)0650号');
		expect(words).toContain('示例数据');
		const fonts = execFileSync('pdffonts', [pdf], { encoding: 'utf8' });
		expect(fonts).toMatch(/\+NotoSansSC.*yes\s+yes\s+yes/);
	});

	it('exports the township atlas: one page per township', async () => {
		await page().getByTestId('print-paper').selectOption('A4');
		const file = saved(page().waitForEvent('download', { timeout: 120_000 }), 'atlas.pdf');
		await page().getByTestId('print-atlas').click();
		const pdf = await file;
		expect(pdfInfo(pdf)).toEqual({ pages: townships.length, size: '841.89 x 595.28 pts (A4)' });
		const words = pdfText(pdf);
		for (const t of townships) expect(words).toContain(`${t} · 脱贫退出状态 · 2019`);
	});

	it('exports a PNG of the A4 page with the map in colour', async () => {
		const file = saved(page().waitForEvent('download', { timeout: 60_000 }), 'map.png');
		await page().getByTestId('print-png').click();
		const png = PNG.sync.read(readFileSync(await file));
		expect([png.width, png.height]).toEqual([1754, 1240]); // A4 landscape at 150 dpi
		// The legend's orange (not yet exited) and blue (exited earlier) fill the map.
		let orange = 0;
		let blue = 0;
		for (let i = 0; i < png.data.length; i += 4) {
			const [r, g, b] = [png.data[i] ?? 0, png.data[i + 1] ?? 0, png.data[i + 2] ?? 0];
			if (r > 190 && g > 70 && g < 120 && b < 40) orange++;
			if (r < 110 && g > 160 && b > 210) blue++;
		}
		expect(orange).toBeGreaterThan(5_000);
		expect(blue).toBeGreaterThan(5_000);
	});

	it('prints in English when the app is in English', async () => {
		await page().goto(`${baseUrl}/?year=2019&lang=en`);
		await page().waitForSelector('[data-testid="legend-count"]', { timeout: 60_000 });
		const labels = await legendLabels();
		await page().getByRole('button', { name: 'Print / export' }).click();
		await page().getByRole('button', { name: 'Export PDF' }).waitFor();
		const file = saved(page().waitForEvent('download', { timeout: 60_000 }), 'map-en.pdf');
		await page().getByTestId('print-pdf').click();
		const words = pdfText(await file);
		for (const l of labels) expect(words).toContain(l);
		expect(words).toContain('Source');
		expect(words).toContain('generated sample data');
	});

	it('made no request outside its origin and logged no error', () => {
		expect(s.outside).toEqual([]);
		expect(s.errors).toEqual([]);
	});
});
