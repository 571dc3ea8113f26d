/**
 * Joining a sheet's rows to the region table, and checking the values that arrive: each row's code
 * (normalised) or its village name within its township finds one unit, none (unmatched) or several
 * (ambiguous); then the records are checked for the same code, year and indicator twice (the first
 * is kept, every row listed) and for values out of range (a negative count, a share above 1 or
 * above 100 %), which are kept but reported. A code whose registered name differs from the sheet's
 * name is reported too: it is the mark of a row shifted against its code.
 */

import { normaliseDivisionCode, shortDivisionCode } from './division-code';
import type { CatalogueIndicator } from './header-text';
import { buildNameIndex, matchVillageName, unitNameKey, type RegionUnit } from './name-match';
import type { LongRecord, RowIssue, SheetRow } from './sheet-table';

export interface JoinedRecord {
	code: string;
	year: number;
	key: string;
	value: number | null;
	text: string | null;
}

export interface Duplicate {
	code: string;
	year: number;
	key: string;
	/** Every row with this code, year and indicator; the first is the one kept. */
	rows: number[];
}

export interface OutOfRange {
	rowNumber: number;
	code: string;
	year: number;
	key: string;
	value: number;
	reason_zh: string;
	reason_en: string;
}

export interface JoinIssue extends RowIssue {
	cause: 'code' | 'unmatched' | 'ambiguous' | 'no-key';
	candidates?: string[];
}

export interface NameConflict {
	rowNumber: number;
	code: string;
	sheetName: string;
	regionName: string;
}

export interface JoinResult {
	matched: number;
	records: JoinedRecord[];
	issues: JoinIssue[];
	duplicates: Duplicate[];
	outOfRange: OutOfRange[];
	nameConflicts: NameConflict[];
}

/** Resolve each row to a region code; rows that do not resolve become issues. */
function resolveRows(rows: readonly SheetRow[], regions: readonly RegionUnit[]) {
	const byCode = new Map(regions.map((r) => [r.code, r]));
	const names = buildNameIndex(regions);
	const codes = new Map<number, string>();
	const issues: JoinIssue[] = [];
	const nameConflicts: NameConflict[] = [];
	for (const row of rows) {
		const { rowNumber } = row;
		if (row.code !== null) {
			const code = normaliseDivisionCode(row.code);
			if ('error' in code) {
				issues.push({
					rowNumber,
					cause: 'code',
					reason_zh: code.reason_zh,
					reason_en: code.reason_en
				});
				continue;
			}
			// The region table keeps townships in 9 digits and counties in 6 (the dataset contract).
			const region = byCode.get(code.code) ?? byCode.get(shortDivisionCode(code.code));
			if (!region) {
				issues.push({
					rowNumber,
					cause: 'unmatched',
					reason_zh: `代码 ${code.code} 不在本地区的区划中`,
					reason_en: `code ${code.code} is not a unit of this region`
				});
				continue;
			}
			if (row.village && unitNameKey(row.village) !== unitNameKey(region.name)) {
				const full = region.full_name ? unitNameKey(region.full_name) : '';
				if (unitNameKey(row.village) !== full) {
					nameConflicts.push({
						rowNumber,
						code: region.code,
						sheetName: row.village,
						regionName: region.name
					});
				}
			}
			codes.set(rowNumber, region.code);
		} else if (row.village) {
			const match = matchVillageName(names, row.village, row.township);
			if (match.status === 'matched') codes.set(rowNumber, match.code);
			else {
				const { status: cause, reason_zh, reason_en } = match;
				const candidates = match.status === 'ambiguous' ? { candidates: match.candidates } : {};
				issues.push({ rowNumber, cause, reason_zh, reason_en, ...candidates });
			}
		} else {
			issues.push({
				rowNumber,
				cause: 'no-key',
				reason_zh: '没有代码，也没有村名',
				reason_en: 'neither a code nor a village name'
			});
		}
	}
	return { codes, issues, nameConflicts };
}

/** Why a value is out of range for its indicator, or null when it is in range. */
function rangeProblem(
	value: number,
	entry: CatalogueIndicator | undefined
): [string, string] | null {
	if (!entry) return null;
	if ((entry.kind === 'count' || entry.kind === 'ratio') && value < 0) return ['负数', 'negative'];
	if (entry.kind === 'ratio' && entry.unit === '' && value > 1) {
		return ['比例大于 1', 'a share above 1'];
	}
	if (entry.unit === '%' && value > 100) return ['百分比大于 100', 'a percentage above 100'];
	if (entry.kind === 'year' && (value < 1949 || value > 2100 || !Number.isInteger(value))) {
		return ['年份不合理', 'not a plausible year'];
	}
	if (entry.kind === 'count' && !Number.isInteger(value))
		return ['个数不是整数', 'a count with a fraction'];
	return null;
}

/** Join rows and records to the region table and check what arrives. */
export function joinRecords(
	rows: readonly SheetRow[],
	records: readonly LongRecord[],
	regions: readonly RegionUnit[],
	catalogue: readonly CatalogueIndicator[]
): JoinResult {
	const { codes, issues, nameConflicts } = resolveRows(rows, regions);
	const entries = new Map(catalogue.map((e) => [e.key, e]));
	const seen = new Map<string, Duplicate>();
	const duplicates: Duplicate[] = [];
	const outOfRange: OutOfRange[] = [];
	const joined: JoinedRecord[] = [];
	for (const record of records) {
		const code = codes.get(record.rowNumber);
		if (code === undefined) continue;
		const id = `${code}\u0000${record.year}\u0000${record.key}`;
		const earlier = seen.get(id);
		if (earlier) {
			if (earlier.rows.length === 1) duplicates.push(earlier);
			earlier.rows.push(record.rowNumber);
			continue;
		}
		seen.set(id, { code, year: record.year, key: record.key, rows: [record.rowNumber] });
		const { year, key, value, text } = record;
		joined.push({ code, year, key, value, text });
		const problem = value === null ? null : rangeProblem(value, entries.get(key));
		if (problem && value !== null) {
			const [zh, en] = problem;
			outOfRange.push({
				rowNumber: record.rowNumber,
				code,
				year,
				key,
				value,
				reason_zh: zh,
				reason_en: en
			});
		}
	}
	return { matched: codes.size, records: joined, issues, duplicates, outOfRange, nameConflicts };
}
