/**
 * The rejected rows of an import as a CSV to download, fix and import again: the row number, the
 * reason (Chinese and English) and the row's cells as the sheet had them. UTF-8 with a BOM, so
 * Excel on Chinese Windows opens it without garbling, and CRLF line ends as Excel writes. A cell
 * that starts with = + - @ (or a tab or carriage return) is prefixed with ' — a file built from a
 * user's sheet must not run formulas in the next person's Excel (CSV injection); the rule is the
 * one every export uses (`neutraliseFormula` in analysis/table-export.ts).
 */
import { neutraliseFormula } from '../analysis/table-export';

export interface RejectedRowLike {
	rowNumber: number;
	reason_zh: string;
	reason_en: string;
	cells: readonly string[];
}

function quote(text: string): string {
	const safe = neutraliseFormula(text);
	return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** The CSV text (with its BOM) of rejected rows; the header row names the sheet's columns. */
export function rejectedCsvText(
	rows: readonly RejectedRowLike[],
	headers: readonly string[] = []
): string {
	const width = Math.max(headers.length, ...rows.map((row) => row.cells.length));
	const columns = Array.from({ length: width }, (_, i) => headers[i] ?? `列${i + 1}`);
	const lines = [['行号 row', '原因', 'reason', ...columns].map(quote).join(',')];
	for (const row of rows) {
		lines.push(
			[String(row.rowNumber), row.reason_zh, row.reason_en, ...row.cells].map(quote).join(',')
		);
	}
	return '\ufeff' + lines.join('\r\n') + '\r\n';
}

/** The same CSV as bytes, ready for a Blob or a download. */
export function rejectedCsvBytes(
	rows: readonly RejectedRowLike[],
	headers?: readonly string[]
): Uint8Array {
	return new TextEncoder().encode(rejectedCsvText(rows, headers));
}
