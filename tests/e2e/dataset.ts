/**
 * Independent reading of the committed dataset files (apache-arrow, not the app's DuckDB), so
 * the e2e tests can compare what the page shows with what the files hold.
 */
import { readFileSync } from 'node:fs';
import { tableFromIPC, type Table } from 'apache-arrow';

export const DEFAULT_REGION = '610924';

const tables = new Map<string, Table>();

/** A committed table, read once per test file. */
export function readTable(region: string, table: string): Table {
	const key = `${region}/${table}`;
	if (!tables.has(key)) tables.set(key, tableFromIPC(readFileSync(`static/data/${key}.arrow`)));
	return tables.get(key) as Table;
}

/** Code → name of every unit of a level in a region. */
export function units(level: string, region = DEFAULT_REGION): Map<string, string> {
	const out = new Map<string, string>();
	for (const row of readTable(region, 'region')) {
		if (row.level === level) out.set(row.code, String(row.name));
	}
	return out;
}

/** Code → name of every village and community of a region (names repeat across townships). */
export function villages(region = DEFAULT_REGION): Map<string, string> {
	const t = readTable(region, 'region');
	const out = new Map<string, string>();
	for (const row of t) {
		if (row.level === 'village' || row.level === 'community') out.set(row.code, String(row.name));
	}
	return out;
}

/** Each village's value (number) and text of an indicator in a year, from indicator.arrow. */
export function villageValues(
	key: string,
	year: number,
	region = DEFAULT_REGION
): Map<string, { value: number | null; text: string | null }> {
	const out = new Map<string, { value: number | null; text: string | null }>();
	for (const r of readTable(region, 'indicator')) {
		if (r.key !== key || r.year !== year) continue;
		out.set(String(r.code), { value: r.value ?? null, text: r.text ?? null });
	}
	return out;
}

/** Code → parent code of every row of `region`. */
export function parents(region = DEFAULT_REGION): Map<string, string> {
	const out = new Map<string, string>();
	for (const r of readTable(region, 'region')) out.set(String(r.code), String(r.parent_code));
	return out;
}
