/**
 * Independent reading of the committed dataset files (apache-arrow, not the app's DuckDB), so
 * the e2e tests can compare what the page shows with what the files hold.
 */
import { readFileSync } from 'node:fs';
import { tableFromIPC } from 'apache-arrow';

export const DEFAULT_REGION = '610924';

export function readTable(region: string, table: string) {
	return tableFromIPC(readFileSync(`static/data/${region}/${table}.arrow`));
}

/** Names of all villages and communities of a region. */
export function villageNames(region = DEFAULT_REGION): Set<string> {
	const t = readTable(region, 'region');
	const names = new Set<string>();
	for (const row of t) {
		if (row.level === 'village' || row.level === 'community') names.add(String(row.name));
	}
	return names;
}
