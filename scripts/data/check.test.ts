/**
 * data:check must fail loudly and readably on a damaged dataset: here copies of the committed
 * 紫阳县 folder with one table rewritten wrong, or split into indicator parts with one part or
 * its listing wrong, and the CLI's exit code.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { tableFromIPC, tableToIPC } from 'apache-arrow';
import { afterAll, describe, expect, it } from 'vitest';
import type { IndicatorMeta } from '../../src/lib/data/contract';
import { hashSeed } from '../../src/lib/geo/random';
import { indicatorTable, metaTable, regionTable } from './arrow';
import { START_KEYS } from './catalogue';
import { checkDataset } from './check';
import { splitIndicatorParts } from './indicator-parts';
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

function readMeta(dir: string): Required<IndicatorMeta>[] {
	const t = tableFromIPC(readFileSync(join(dir, 'indicator_meta.arrow')));
	return t.toArray().map((r) => r.toJSON() as Required<IndicatorMeta>);
}

/** Rewrite the catalogue in the table and, unless `tableOnly`, in the manifest. */
function editCatalogue(
	dir: string,
	edit: (rows: Required<IndicatorMeta>[]) => void,
	tableOnly = false
) {
	const rows = readMeta(dir);
	edit(rows);
	writeFileSync(join(dir, 'indicator_meta.arrow'), tableToIPC(metaTable(rows), 'stream'));
	if (tableOnly) return;
	const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));
	manifest.catalogue = rows;
	writeFileSync(join(dir, 'manifest.json'), JSON.stringify(manifest));
}

const incidence = (rows: Required<IndicatorMeta>[]) =>
	rows.find((m) => m.key === 'incidence') as Required<IndicatorMeta>;

describe('data:check on the catalogue and its roll-ups', () => {
	it.each<[string, (rows: Required<IndicatorMeta>[]) => void, RegExp]>([
		[
			'a ratio part missing from the catalogue',
			(rows) => (incidence(rows).rollup = '{"op":"ratio","num":"poor_people","den":"people"}'),
			/incidence: rollup ratio part people is not in the catalogue/
		],
		[
			'an unreadable rollup',
			(rows) => (incidence(rows).rollup = '{"op":'),
			/incidence: rollup .* is not JSON/
		],
		[
			'a rollup unfit for the kind',
			(rows) =>
				((rows.find((m) => m.key === 'poor_village') as IndicatorMeta).rollup = '{"op":"sum"}'),
			/poor_village: rollup "sum" does not fit a flag indicator/
		],
		['an unknown kind', (rows) => ((rows[0] as IndicatorMeta).kind = 'bool' as never), /kind bool/]
	])('reports %s', (name, edit, message) => {
		const dir = damaged(name.replace(/\s/g, '-'), (d) => editCatalogue(d, edit));
		expect(checkDataset(dir).errors.join('\n')).toMatch(message);
	});

	it('reports a manifest whose rollup differs from the table', () => {
		const dir = damaged('rollup-differs', (d) =>
			editCatalogue(d, (rows) => (incidence(rows).rollup = '{"op":"mean"}'), true)
		);
		expect(checkDataset(dir).errors.join('\n')).toMatch(
			/incidence: manifest.catalogue rollup .* differs from the table's \{"op":"mean"\}/
		);
	});

	it('accepts a dataset built before the rollup column existed', () => {
		const dir = damaged('no-rollup', (d) => {
			const t = tableFromIPC(readFileSync(join(d, 'indicator_meta.arrow')));
			const names = t.schema.fields.map((f) => f.name).filter((n) => n !== 'rollup');
			writeFileSync(join(d, 'indicator_meta.arrow'), tableToIPC(t.select(names), 'stream'));
			const manifest = JSON.parse(readFileSync(join(d, 'manifest.json'), 'utf8'));
			for (const m of manifest.catalogue) delete m.rollup;
			writeFileSync(join(d, 'manifest.json'), JSON.stringify(manifest));
		});
		expect(checkDataset(dir).errors).toEqual([]);
	});

	it('reports a table whose columns are out of order', () => {
		const dir = damaged('column-order', (d) => {
			const t = tableFromIPC(readFileSync(join(d, 'region.arrow')));
			const names = t.schema.fields.map((f) => f.name).reverse();
			writeFileSync(join(d, 'region.arrow'), tableToIPC(t.select(names), 'stream'));
		});
		expect(checkDataset(dir).errors.join('\n')).toMatch(
			/table region: column 1 is parent_code, expected code/
		);
	});
});

describe('data:check on damaged datasets', () => {
	it.each<[string, (c: IndicatorColumns) => void, RegExp]>([
		['an unknown key', (c) => (c.key[0] = 'made_up'), /made_up is not in indicator_meta/],
		['a flag of 2', (c) => (c.value[c.key.indexOf('poor_village')] = 2), /flag value 2/],
		['a missing year', (c) => Object.values(c).forEach((col) => col.pop()), /9 of 10 years/],
		[
			'an incidence above 1',
			(c) => (c.value[c.key.indexOf('incidence')] = 1.5),
			/ratio 1.5 outside/
		],
		[
			'an incidence that is not poor_people / rural_population',
			(c) => {
				const i = c.key.findIndex((k, j) => k === 'incidence' && (c.value[j] ?? 0) > 0.1);
				c.value[i] = (c.value[i] as number) - 0.01;
			},
			/incidence: 0\.\d+ but poor_people \/ rural_population = \d+ \/ \d+/
		],
		[
			'collective incomes shuffled into confetti',
			(c) => {
				// The same 2023 incomes dealt out to the units in an order unrelated to place.
				const rows = c.key.flatMap((k, i) =>
					k === 'collective_income' && c.year[i] === 2023 ? [i] : []
				);
				const dealt = [...rows].sort(
					(a, b) => hashSeed(c.code[a] as string, 5) - hashSeed(c.code[b] as string, 5)
				);
				const values = dealt.map((i) => c.value[i] ?? null);
				rows.forEach((i, k) => (c.value[i] = values[k] ?? null));
			},
			/collective: Moran's I of collective_income in 2023 is -?0\.\d+, below 0\.2/
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
		expect(ok.stdout).toMatch(
			/Moran's I poverty 0\.\d+, collective 0\.\d+, party 0\.\d+, relocation 0\.\d+/
		);
	});
});

/** A copy of 紫阳县 with its indicators split into parts, then `edit`ed. */
const split = (name: string, edit: (dir: string) => void = () => {}) =>
	damaged(`parts-${name}`, (d) => {
		splitIndicatorParts(d, START_KEYS, 2023);
		edit(d);
	});

type PartsManifest = {
	counts: { indicator: number };
	indicatorParts: { file: string; keys: string[]; years: number[]; rows: number }[];
};

function editManifest(dir: string, edit: (m: PartsManifest) => void) {
	const m = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as PartsManifest;
	edit(m);
	writeFileSync(join(dir, 'manifest.json'), JSON.stringify(m));
}

const part = (m: PartsManifest, file: string) =>
	m.indicatorParts.find((p) => p.file === file) as PartsManifest['indicatorParts'][number];

describe('data:check on indicators in parts', () => {
	it('accepts a dataset split into parts, every row counted once', () => {
		const { errors, stats } = checkDataset(split('good'));
		expect(errors).toEqual([]);
		expect(stats.indicator_rows).toBe(
			tableFromIPC(readFileSync('static/data/610924/indicator.arrow')).numRows
		);
		expect(stats['morans_i:relocation']).toBeGreaterThan(0.2);
	});

	it.each<[string, (dir: string) => void, RegExp]>([
		[
			'a missing part file',
			(d) => rmSync(join(d, 'indicators/incidence.2020.arrow')),
			/missing file indicators\/incidence\.2020\.arrow for indicator part/
		],
		[
			'an unreadable part',
			(d) => writeFileSync(join(d, 'indicators/incidence.2020.arrow'), 'not arrow at all'),
			/indicator part indicators\/incidence\.2020\.arrow: unreadable/
		],
		[
			'a part without the indicator columns',
			(d) =>
				writeFileSync(
					join(d, 'indicators/incidence.2020.arrow'),
					readFileSync(join(d, 'region.arrow'))
				),
			/indicator part indicators\/incidence\.2020\.arrow: table indicator: column 2 is name, expected year/
		],
		[
			'rows of another year in a part, there and in their own part',
			(d) =>
				writeFileSync(
					join(d, 'indicators/incidence.2020.arrow'),
					readFileSync(join(d, 'indicators/incidence.2019.arrow'))
				),
			/indicators\/incidence\.2020\.arrow: row 0 \(\d{12} incidence 2019\) is not of its keys incidence in 2020[^]*duplicate row \(in indicators\/incidence\.2019\.arrow and indicators\/incidence\.2020\.arrow\)/
		],
		[
			'a row count other than the listed one',
			(d) => editManifest(d, (m) => (part(m, 'indicators/incidence.2020.arrow').rows += 1)),
			/indicator part indicators\/incidence\.2020\.arrow: (\d+) rows, manifest says \d+[^]*counts\.indicator = \d+, its parts list \d+/
		],
		[
			'counts.indicator other than the sum of the parts',
			(d) => editManifest(d, (m) => (m.counts.indicator += 5)),
			/manifest counts\.indicator = \d+, its parts list \d+/
		],
		[
			'two parts listing the same key and year',
			(d) => editManifest(d, (m) => part(m, 'indicators/incidence.2020.arrow').years.push(2019)),
			/indicator parts indicators\/incidence\.2019\.arrow and indicators\/incidence\.2020\.arrow both hold incidence 2019/
		],
		[
			'the start file not listed',
			(d) => editManifest(d, (m) => m.indicatorParts.shift()),
			/manifest: indicatorParts does not list the start file indicator\.arrow/
		],
		[
			'a part not listed',
			(d) =>
				editManifest(d, (m) => {
					const i = m.indicatorParts.findIndex((p) => p.file.includes('incidence.2020'));
					m.counts.indicator -= m.indicatorParts[i]?.rows ?? 0;
					m.indicatorParts.splice(i, 1);
				}),
			/indicator part indicators\/incidence\.2020\.arrow: a file not listed in manifest indicatorParts/
		],
		[
			'a part of a key not in the catalogue',
			(d) =>
				editManifest(d, (m) => (part(m, 'indicators/incidence.2020.arrow').keys = ['made_up'])),
			/indicator part indicators\/incidence\.2020\.arrow: key made_up is not in the catalogue/
		]
	])('reports %s', (name, edit, message) => {
		const dir = split(name.replace(/\W+/g, '-'), edit);
		expect(checkDataset(dir).errors.join('\n')).toMatch(message);
	});
});
