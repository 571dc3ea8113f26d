/**
 * Keeps `npm run bench` working in CI without judging its times: the county size once, app
 * against the naive baseline, on the fresh build the e2e run made. The JSON must hold finite
 * first frames for both and finite ratios; how large they are is the bench's business.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

interface Figures {
	firstFrame: number | null;
	theme: number | null;
	year: number | null;
	level: number | null;
	aggregate: number | null;
	heapMB: number | null;
	features: number | null;
	errors: string[];
}

interface SizesJson {
	runs: number;
	sizes: {
		size: string;
		units: number;
		app: Figures;
		baseline: Figures;
		ratio: Record<string, number | null>;
	}[];
}

const dir = mkdtempSync(path.join(tmpdir(), 'va-bench-e2e-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Run the bench script; resolves with its exit code and output. */
function runBench(args: string[]): Promise<{ code: number | null; output: string }> {
	return new Promise((resolve) => {
		const child = spawn('node', ['scripts/bench.js', ...args], { stdio: 'pipe' });
		let output = '';
		child.stdout.on('data', (d) => (output += d));
		child.stderr.on('data', (d) => (output += d));
		child.on('close', (code) => resolve({ code, output }));
	});
}

describe('npm run bench --sizes', () => {
	it('measures the county once, app and naive baseline, with finite ratios', async () => {
		const json = path.join(dir, 'sizes.json');
		const args = ['--no-build', '--runs', '1', '--monkey', '0', '--sizes', 'county'];
		const { code, output } = await runBench([...args, '--json', json]);
		expect(code, output).toBe(0);
		const result = JSON.parse(readFileSync(json, 'utf8')) as SizesJson;
		expect(result.runs).toBe(1);
		expect(result.sizes.map((s) => s.size)).toEqual(['county']);
		const county = result.sizes[0]!;
		expect(county.app.errors, output).toEqual([]);
		expect(county.baseline.errors, output).toEqual([]);
		// The same polygons on both sides.
		expect(county.app.features).toBe(county.units);
		expect(county.baseline.features).toBe(county.units);
		for (const who of [county.app, county.baseline]) {
			for (const m of ['firstFrame', 'theme', 'year', 'level', 'heapMB'] as const) {
				expect(Number.isFinite(who[m]), `${m}: ${who[m]}`).toBe(true);
				expect(who[m]!).toBeGreaterThan(0);
			}
		}
		for (const m of ['firstFrame', 'theme', 'year', 'level', 'heapMB']) {
			expect(Number.isFinite(county.ratio[m]), `ratio ${m}: ${county.ratio[m]}`).toBe(true);
		}
		// The aggregate over all units × years is the app's alone: the baseline has no SQL.
		expect(county.app.aggregate).toBeGreaterThan(0);
		expect(county.baseline.aggregate).toBeNull();
		expect(county.ratio.aggregate).toBeNull();
		expect(output).toContain('aggregate SQL (ms)');
		expect(output).toContain('app ÷ baseline');
	}, 90_000);
});
