/**
 * The poverty-exit status of every village and community in a year, read straight from the
 * committed Arrow files with apache-arrow and the JS rule (no SQL): what the derived
 * `poverty_status` indicator must equal.
 */
import { readFileSync } from 'node:fs';
import { tableFromIPC } from 'apache-arrow';
import { povertyStatus } from '$lib/analysis/poverty-status';

const file = (region: string, t: string) =>
	tableFromIPC(readFileSync(`static/data/${region}/${t}.arrow`));

/** Code → status, ordered by code. */
export function statusesFromFiles(year: number, region = '610924'): Map<string, string> {
	const codes: string[] = [];
	for (const r of file(region, 'region'))
		if (r.level === 'village' || r.level === 'community') codes.push(String(r.code));
	const poor = new Map<string, boolean>();
	const exit = new Map<string, number | null>();
	for (const r of file(region, 'indicator')) {
		if (r.year !== year) continue;
		if (r.key === 'poor_village') poor.set(r.code, r.value === 1);
		if (r.key === 'exit_year') exit.set(r.code, r.value ?? null);
	}
	return new Map(
		codes.sort().map((c) => [c, povertyStatus(poor.get(c) ?? false, exit.get(c) ?? null, year)])
	);
}
