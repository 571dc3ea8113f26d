/**
 * The console's rules that need no state: which names a statement may not touch, where an
 * engine error points in the editor, and the moment a history entry is stamped with.
 */
import { TABLES, THEMES } from '$lib/data/contract';
import { SPATIAL_FUNCTIONS, SPATIAL_MACROS } from '$lib/data/spatial-functions';

/** Names a console statement may not create, change or drop: the dataset and the app's own. */
export function protectedNames(): Set<string> {
	const macros = SPATIAL_MACROS.map((m) => /MACRO\s+(\w+)/i.exec(m)?.[1] ?? '');
	return new Set(
		[
			...TABLES,
			'v_village',
			...THEMES.map((t) => `v_${t}`),
			...macros,
			...SPATIAL_FUNCTIONS.map((f) => f.name),
			'_va_site',
			'_va_hotspot',
			'hotspots'
		]
			.filter(Boolean)
			.map((n) => n.toLowerCase())
	);
}

/**
 * Where an engine error points, in editor terms: `pos` is relative to the statement, which
 * starts at `from` in `text`, which starts at `at` in the editor.
 */
export function editorPosition(
	text: string,
	from: number,
	pos: { line: number; column: number },
	at: { line: number; column: number }
): { line: number; column: number } {
	const before = text.slice(0, from);
	const linesBefore = before.split('\n').length - 1;
	const line = at.line + linesBefore + pos.line - 1;
	if (pos.line > 1) return { line, column: pos.column };
	const startCol = before.length - (before.lastIndexOf('\n') + 1);
	const firstLine = linesBefore === 0 ? at.column - 1 : 0;
	return { line, column: firstLine + startCol + pos.column };
}

/** Now, as ISO text (history entries and saved queries carry it). */
export function isoNow(): string {
	return new Date().toISOString();
}

/** The distinct values, in first-seen order. */
export function distinct<T>(values: readonly T[]): T[] {
	return [...new Set(values)];
}

/** A set of string keys kept by a state class for its own bookkeeping (not rendered). */
export function newKeySet(): Set<string> {
	return new Set();
}
