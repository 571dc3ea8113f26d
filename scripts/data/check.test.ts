/**
 * data:check must fail loudly and readably on a damaged dataset: here copies of the committed
 * 紫阳县 folder with one table rewritten wrong, and the CLI's exit code.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { tableFromIPC, tableToIPC } from 'apache-arrow';
import { afterAll, describe, expect, it } from 'vitest';
import { indicatorTable, regionTable } from './arrow';
import { checkDataset } from './check';
import type { IndicatorColumns } from './indicator-rows';

const root = mkdtempSync(join(tmpdir(), 'village-atlas-check-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

function damaged(name: string, edit: (dir: string) => void): string {
	const dir = join(root, name);
	cpSync('static/data/610924', dir, { recursive: true });
	edit(dir);
	return dir;
}

function readIndicators(dir: string): IndicatorColumns {
	const t = tableFromIPC(readFileSync(join(dir, 'indicator.arrow')));
	const col = <T>(n: string) => t.toArray().map((r) => r[n] as T);
	return {
		code: col('code'),
		year: col('year'),
		key: col('key'),
		value: col('value'),
		text: col('text')
	};
}

describe('data:check on damaged datasets', () => {
	it.each<[string, (c: IndicatorColumns) => void, RegExp]>([
		['an unknown key', (c) => (c.key[0] = 'made_up'), /made_up is not in indicator_meta/],
		['a flag of 2', (c) => (c.value[c.key.indexOf('poor_village')] = 2), /flag value 2/],
		['a missing year', (c) => Object.values(c).forEach((col) => col.pop()), /9 of 10 years/],
		[
			'an incidence above 1',
			(c) => (c.value[c.key.indexOf('incidence')] = 1.5),
			/ratio 1.5 outside/
		]
	])('reports %s in indicators', (name, edit, message) => {
		const dir = damaged(name.replace(/\s/g, '-'), (d) => {
			const c = readIndicators(d);
			edit(c);
			writeFileSync(join(d, 'indicator.arrow'), tableToIPC(indicatorTable(c), 'stream'));
			const manifest = JSON.parse(readFileSync(join(d, 'manifest.json'), 'utf8'));
			manifest.counts.indicator = c.code.length;
			writeFileSync(join(d, 'manifest.json'), JSON.stringify(manifest));
		});
		expect(checkDataset(dir).errors.join('\n')).toMatch(message);
	});

	it('reports a village whose township is missing and a bad code', () => {
		const dir = damaged('bad-region', (d) => {
			const t = tableFromIPC(readFileSync(join(d, 'region.arrow')));
			const rows = t.toArray().map(
				(r) =>
					r.toJSON() as {
						code: string;
						name: string;
						full_name: string;
						level: string;
						parent_code: string | null;
					}
			);
			const village = rows.find((r) => r.level === 'village');
			if (village) village.parent_code = '610924999';
			const town = rows.find((r) => r.level === 'township');
			if (town) town.code = '61092';
			writeFileSync(join(d, 'region.arrow'), tableToIPC(regionTable(rows), 'stream'));
		});
		const errors = checkDataset(dir).errors.join('\n');
		expect(errors).toMatch(/parent 610924999 is not a township/);
		expect(errors).toMatch(/township code must have 9 digits/);
	});

	it('exits non-zero from the CLI with the problems listed', () => {
		const dir = damaged('cli', (d) => rmSync(join(d, 'site.arrow')));
		const run = spawnSync('npx', ['tsx', 'scripts/data-check.ts', dir], { encoding: 'utf8' });
		expect(run.status).toBe(1);
		expect(run.stderr).toMatch(/missing file site.arrow/);
		const ok = spawnSync('npx', ['tsx', 'scripts/data-check.ts', 'static/data/610924'], {
			encoding: 'utf8'
		});
		expect(ok.status).toBe(0);
		expect(ok.stdout).toMatch(/✓ static\/data\/610924/);
	});
});
