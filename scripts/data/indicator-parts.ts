/**
 * Indicator rows split into parts (`manifest.indicatorParts`, docs/dataset-format.md): the start
 * part, written to `files.indicator` and loaded with the other tables, holds the `startKeys` of
 * `startYear` (the inputs of the map's default view); every other (key, year) with rows is its
 * own file `indicators/<key>.<year>.arrow`, one key and one year per part, loaded when a view
 * needs it. Parts are listed start first, then in catalogue order, then by year; a part is
 * never empty, except the start part, which always exists. Rows keep their order within a part.
 *
 * - `splitColumns`: pure, rows → parts in memory;
 * - `PartFiles`: parts written as streams, piece by piece (the national build, city by city);
 * - `splitIndicatorParts`: rewrites a region folder in place into parts (tests, the pack of
 *   provinces built before parts existed).
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tableFromIPC } from 'apache-arrow';
import type { IndicatorPart } from '../../src/lib/data/contract';
import { indicatorTable, toIpc } from './arrow';
import { emptyColumns, type IndicatorColumns } from './indicator-rows';
import { IpcStreamFile } from './ipc-stream-file';

/** The folder of the parts loaded on demand. */
export const PARTS_DIR = 'indicators';

/** The file of the part holding `key` in `year`. */
export const partFile = (key: string, year: number) => `${PARTS_DIR}/${key}.${year}.arrow`;

/** Where the rows go: the start part and the order of the others. */
export interface PartLayout {
	/** `files.indicator`, the start part's file. */
	startFile: string;
	startKeys: readonly string[];
	startYear: number;
	/** Keys in catalogue order; keys not listed follow, sorted. */
	order: readonly string[];
}

export interface PartRows {
	part: IndicatorPart;
	columns: IndicatorColumns;
}

const isStart = (l: PartLayout, key: string, year: number) =>
	year === l.startYear && l.startKeys.includes(key);

/** The file a row goes to. */
export const fileOf = (l: PartLayout, key: string, year: number) =>
	isStart(l, key, year) ? l.startFile : partFile(key, year);

/** Parts in manifest order: the start part first, then by key (catalogue order), then year. */
export function sortParts<P extends { part: IndicatorPart }>(l: PartLayout, parts: P[]): P[] {
	const rank = new Map(l.order.map((k, i) => [k, i]));
	const keyRank = (k: string) => rank.get(k) ?? l.order.length;
	return [...parts].sort((a, b) => {
		const [pa, pb] = [a.part, b.part];
		const sa = pa.file === l.startFile ? 0 : 1;
		const sb = pb.file === l.startFile ? 0 : 1;
		if (sa !== sb) return sa - sb;
		const [ka, kb] = [pa.keys[0] ?? '', pb.keys[0] ?? ''];
		const byKey = keyRank(ka) - keyRank(kb) || (ka < kb ? -1 : ka > kb ? 1 : 0);
		return byKey || (pa.years[0] ?? 0) - (pb.years[0] ?? 0);
	});
}

function push(to: IndicatorColumns, from: IndicatorColumns, i: number) {
	to.code.push(from.code[i] as string);
	to.year.push(from.year[i] as number);
	to.key.push(from.key[i] as string);
	to.value.push(from.value[i] ?? null);
	to.text.push(from.text[i] ?? null);
}

/** Rows split into parts (the start part always, possibly empty; no other part empty). */
export function splitColumns(l: PartLayout, c: IndicatorColumns): PartRows[] {
	const start: PartRows = {
		part: { file: l.startFile, keys: [...l.startKeys], years: [l.startYear], rows: 0 },
		columns: emptyColumns()
	};
	const parts = new Map<string, PartRows>([[l.startFile, start]]);
	for (let i = 0; i < c.code.length; i++) {
		const key = c.key[i] as string;
		const year = c.year[i] as number;
		const file = fileOf(l, key, year);
		let p = parts.get(file);
		if (!p) {
			p = { part: { file, keys: [key], years: [year], rows: 0 }, columns: emptyColumns() };
			parts.set(file, p);
		}
		push(p.columns, c, i);
		p.part.rows++;
	}
	return sortParts(l, [...parts.values()]);
}

/**
 * Parts written as Arrow IPC streams under `dir`, a piece at a time: each piece's rows are
 * split and appended to their parts' files, a file opened when its first row comes. `close`
 * writes the start part even if no row came, and returns the parts in manifest order.
 */
export class PartFiles {
	private files = new Map<string, { part: IndicatorPart; file: IpcStreamFile }>();
	bytes = 0;

	constructor(
		private dir: string,
		private layout: PartLayout
	) {}

	append(c: IndicatorColumns) {
		for (const { part, columns } of splitColumns(this.layout, c))
			if (part.rows > 0) this.appendIpc(part, toIpc(indicatorTable(columns)));
	}

	/** Append a part's rows already as an IPC stream (`part.rows` of them). */
	appendIpc(part: IndicatorPart, ipc: Uint8Array) {
		let f = this.files.get(part.file);
		if (!f) {
			if (part.file.includes('/')) mkdirSync(join(this.dir, PARTS_DIR), { recursive: true });
			f = { part: { ...part, rows: 0 }, file: new IpcStreamFile(join(this.dir, part.file)) };
			this.files.set(part.file, f);
		}
		f.file.append(ipc);
		f.part.rows += part.rows;
	}

	close(): IndicatorPart[] {
		const l = this.layout;
		if (!this.files.has(l.startFile)) {
			const start = { file: l.startFile, keys: [...l.startKeys], years: [l.startYear], rows: 0 };
			this.appendIpc(start, toIpc(indicatorTable(emptyColumns())));
		}
		for (const f of this.files.values()) {
			f.file.close();
			this.bytes += f.file.bytes;
		}
		return sortParts(
			l,
			[...this.files.values()].map((f) => ({ part: f.part }))
		).map((p) => p.part);
	}
}

/** An indicator table's rows as column arrays (nulls kept). */
export function readIndicatorColumns(ipc: Uint8Array): IndicatorColumns {
	const t = tableFromIPC(ipc);
	const col = <T>(name: keyof IndicatorColumns): T[] => {
		const v = t.getChild(name);
		if (!v) throw new Error(`indicator table has no column ${name}`);
		const values = Array.from(v.toArray() as ArrayLike<T>);
		return v.nullCount > 0 ? values.map((x, i) => (v.isValid(i) ? x : (null as T))) : values;
	};
	return {
		code: col('code'),
		year: col('year'),
		key: col('key'),
		value: col('value'),
		text: col('text')
	};
}

/**
 * Rewrite a region folder (one `files.indicator`, no parts yet) into parts: the start part with
 * `startKeys` of `startYear` in `files.indicator`, every other (key, year) in its own file, the
 * manifest's `indicatorParts` listing them. Returns the parts.
 */
export function splitIndicatorParts(
	dir: string,
	startKeys: readonly string[],
	startYear: number
): IndicatorPart[] {
	const manifestFile = join(dir, 'manifest.json');
	const manifest = JSON.parse(readFileSync(manifestFile, 'utf8')) as Record<string, unknown> & {
		files: { indicator: string };
		catalogue: { key: string }[];
		counts: Record<string, number>;
	};
	if (manifest.indicatorParts) throw new Error(`${dir}: indicators are already in parts`);
	const startFile = manifest.files.indicator;
	const path = join(dir, startFile);
	if (!existsSync(path)) throw new Error(`${dir}: no ${startFile}`);
	const layout: PartLayout = {
		startFile,
		startKeys,
		startYear,
		order: manifest.catalogue.map((m) => m.key)
	};
	const rows = splitColumns(layout, readIndicatorColumns(new Uint8Array(readFileSync(path))));
	mkdirSync(join(dir, PARTS_DIR), { recursive: true });
	for (const { part, columns } of rows)
		writeFileSync(join(dir, part.file), toIpc(indicatorTable(columns)));
	const parts = rows.map((r) => r.part);
	const { report, ...rest } = manifest;
	const next = {
		...rest,
		counts: { ...manifest.counts, indicator: parts.reduce((s, p) => s + p.rows, 0) },
		indicatorParts: parts,
		...(report ? { report } : {})
	};
	writeFileSync(manifestFile, `${JSON.stringify(next, null, '\t')}\n`);
	return parts;
}
