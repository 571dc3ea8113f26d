/**
 * data:check of a dataset whose indicators come in parts (`manifest.indicatorParts`,
 * docs/dataset-format.md): the list itself (every part with a file, keys, years and rows; the
 * start file `files.indicator` listed; no file and no (key, year) listed twice; keys in the
 * catalogue, years in the manifest's), then every part file (it exists and reads, has the
 * indicator columns, holds only rows of its keys and years, as many as `rows` says), and no file
 * under `indicators/` left out of the list. Returns the
 * parts' rows as one indicator table for the other checks, with the part each row came from,
 * and what each key's series should span (the years of the parts that list it).
 */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { IndicatorPart } from '../../src/lib/data/contract';
import { checkColumns } from './check-catalogue';
import { readTable, type Columns } from './check-tables';
import { PARTS_DIR } from './indicator-parts';

type Fail = (message: string) => void;

export interface PartsTable {
	/** Every part's rows, in the listed order. */
	table: Columns;
	/** The file a row of `table` came from. */
	fileOf: (row: number) => string;
	/** How many years a key's series has (the years of the parts listing it). */
	yearsOf: (key: string) => number;
	/** The sum of the parts' `rows`. */
	listedRows: number;
}

interface ManifestParts {
	indicatorParts?: unknown;
	files?: Partial<Record<string, string>>;
	years?: number[];
	catalogue?: { key?: string }[];
}

const COLUMN_NAMES = ['code', 'year', 'key', 'value', 'text'] as const;

function isPart(p: unknown): p is IndicatorPart {
	const o = p as Partial<IndicatorPart> | null;
	return (
		typeof o === 'object' &&
		o !== null &&
		typeof o.file === 'string' &&
		Array.isArray(o.keys) &&
		o.keys.every((k) => typeof k === 'string') &&
		Array.isArray(o.years) &&
		o.years.every((y) => Number.isInteger(y)) &&
		Number.isInteger(o.rows)
	);
}

/** The manifest's part list; problems reported. Only well-formed parts are returned. */
function listedParts(manifest: ManifestParts, fail: Fail): IndicatorPart[] {
	const list = manifest.indicatorParts;
	if (!Array.isArray(list)) {
		fail('manifest: indicatorParts is not a list');
		return [];
	}
	const parts: IndicatorPart[] = [];
	list.forEach((p: unknown, i) => {
		if (isPart(p)) parts.push(p);
		else fail(`manifest: indicator part ${i + 1} needs file, keys, years and rows`);
	});
	const start = manifest.files?.indicator;
	if (start && !parts.some((p) => p.file === start))
		fail(`manifest: indicatorParts does not list the start file ${start}`);
	const catalogue = new Set((manifest.catalogue ?? []).map((m) => m.key));
	const years = new Set(manifest.years ?? []);
	const files = new Set<string>();
	const holder = new Map<string, string>();
	for (const p of parts) {
		if (files.has(p.file)) fail(`manifest: indicator part ${p.file} is listed twice`);
		files.add(p.file);
		for (const k of p.keys) {
			if (!catalogue.has(k))
				fail(`manifest: indicator part ${p.file}: key ${k} is not in the catalogue`);
			for (const y of p.years) {
				const other = holder.get(`${k} ${y}`);
				if (other && other !== p.file)
					fail(`manifest: indicator parts ${other} and ${p.file} both hold ${k} ${y}`);
				holder.set(`${k} ${y}`, p.file);
			}
		}
		for (const y of p.years)
			if (!years.has(y))
				fail(`manifest: indicator part ${p.file}: year ${y} not in manifest years`);
	}
	return parts;
}

/** Read and check every part; null when the manifest lists none that could be read. */
export function readParts(dir: string, manifest: ManifestParts, fail: Fail): PartsTable | null {
	const parts = listedParts(manifest, fail);
	const cols = { code: [], year: [], key: [], value: [], text: [] } as Record<
		(typeof COLUMN_NAMES)[number],
		unknown[]
	>;
	const ends: number[] = [];
	const files: string[] = [];
	let fields: Columns['fields'] | null = null;
	for (const part of parts) {
		let t: Columns | null;
		try {
			t = readTable(dir, part.file);
		} catch (e) {
			fail(`indicator part ${part.file}: unreadable (${(e as Error).message})`);
			continue;
		}
		if (!t) {
			fail(`missing file ${part.file} for indicator part`);
			continue;
		}
		const before = fails(fail);
		checkColumns('indicator', t, (m) => before.fail(`indicator part ${part.file}: ${m}`));
		if (before.count > 0) continue;
		fields ??= t.fields;
		if (t.rows !== part.rows)
			fail(`indicator part ${part.file}: ${t.rows} rows, manifest says ${part.rows}`);
		const keys = new Set(part.keys);
		const years = new Set(part.years);
		const [code, year, key] = [t.col('code'), t.col('year'), t.col('key')] as [
			string[],
			number[],
			string[]
		];
		let outside = 0;
		for (let i = 0; i < t.rows; i++)
			if (!keys.has(key[i] as string) || !years.has(year[i] as number)) {
				if (outside++ === 0)
					fail(
						`indicator part ${part.file}: row ${i} (${code[i]} ${key[i]} ${year[i]}) is not of its keys ${part.keys.join(', ')} in ${part.years.join(', ')}`
					);
			}
		if (outside > 1)
			fail(`indicator part ${part.file}: ${outside} rows outside its keys and years in all`);
		for (const name of COLUMN_NAMES) {
			const to = cols[name];
			for (const v of t.col(name)) to.push(v);
		}
		files.push(part.file);
		ends.push(cols.code.length);
	}
	const listed = new Set(parts.map((p) => p.file));
	if (existsSync(join(dir, PARTS_DIR)))
		for (const f of readdirSync(join(dir, PARTS_DIR)).sort())
			if (!listed.has(`${PARTS_DIR}/${f}`))
				fail(`indicator part ${PARTS_DIR}/${f}: a file not listed in manifest indicatorParts`);
	if (!fields) return null;
	const span = new Map<string, Set<number>>();
	for (const p of parts)
		for (const k of p.keys) for (const y of p.years) span.set(k, (span.get(k) ?? new Set()).add(y));
	const f = fields;
	return {
		table: { rows: cols.code.length, fields: f, col: (name) => cols[name as 'code'] ?? [] },
		fileOf: (row) => files[ends.findIndex((end) => row < end)] ?? '?',
		yearsOf: (key) => span.get(key)?.size ?? 0,
		listedRows: parts.reduce((s, p) => s + p.rows, 0)
	};
}

/** A fail that counts what it reports. */
function fails(fail: Fail) {
	const f = {
		count: 0,
		fail: (m: string) => {
			f.count++;
			fail(m);
		}
	};
	return f;
}
