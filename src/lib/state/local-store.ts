/**
 * What the app keeps across reloads (the console's history and saved queries, later the
 * briefing's views and the planner's settings), in the browser's localStorage as versioned JSON.
 *
 * Contract: `read` never throws — a missing, unreadable or foreign value gives the fallback, and
 * the unreadable text is kept aside under `<key>.unreadable` instead of being overwritten, so
 * nothing a user saved is lost silently; `write` answers false (and keeps nothing half-written)
 * when the browser refuses (storage full, private mode), so the caller can say so.
 */
const PREFIX = 'village-atlas.';

function storage(): Storage | null {
	try {
		return typeof localStorage === 'undefined' ? null : localStorage;
	} catch {
		return null; // a sandboxed frame throws on access
	}
}

/** The stored value under `key` if `valid` accepts it, else `fallback`. */
export function readStored<T>(key: string, valid: (v: unknown) => v is T, fallback: T): T {
	const s = storage();
	const text = s?.getItem(PREFIX + key);
	if (text === null || text === undefined) return fallback;
	try {
		const v: unknown = JSON.parse(text);
		if (valid(v)) return v;
	} catch {
		// fall through: keep the text aside below
	}
	try {
		s?.setItem(`${PREFIX}${key}.unreadable`, text);
	} catch {
		// nothing more can be done without losing something else
	}
	return fallback;
}

/** Store `value` under `key`; false when the browser refused. */
export function writeStored(key: string, value: unknown): boolean {
	const s = storage();
	if (!s) return false;
	try {
		s.setItem(PREFIX + key, JSON.stringify(value));
		return true;
	} catch {
		return false;
	}
}
