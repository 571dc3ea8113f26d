/**
 * The parts of a workspace this browser keeps in localStorage (through `local-store.ts`, under the
 * keys the briefing, the console and the planner already use), read for saving a workspace and
 * written when one is opened.
 *
 * Contract: `writeLocalParts` writes all three or none — when the browser refuses one (storage
 * full), those already written are put back and it answers false. The screens read these keys
 * when they are created, so after writing, the caller reloads the screens (or the page) rather
 * than expecting a live `SavedViews` or `ConsoleState` to notice.
 */
import { readStored, writeStored } from './local-store';
import { isViewList } from './saved-views-file';
import { isQueryList, type WorkspaceParts } from './workspace-file';

export type LocalParts = Pick<WorkspaceParts, 'views' | 'queries' | 'planner'>;

/** localStorage keys (without the `village-atlas.` prefix local-store adds). */
export const LOCAL_KEYS = {
	views: 'briefing.views',
	queries: 'console.saved',
	planner: 'planner.settings'
} as const;

const isText = (v: unknown): v is string => typeof v === 'string';

export function readLocalParts(): LocalParts {
	return {
		views: readStored(LOCAL_KEYS.views, isViewList, []),
		queries: readStored(LOCAL_KEYS.queries, isQueryList, []),
		planner: readStored(LOCAL_KEYS.planner, isText, '')
	};
}

export function writeLocalParts(parts: LocalParts): boolean {
	const before = readLocalParts();
	const keys = ['views', 'queries', 'planner'] as const;
	for (const [i, k] of keys.entries()) {
		if (writeStored(LOCAL_KEYS[k], parts[k])) continue;
		for (const done of keys.slice(0, i)) writeStored(LOCAL_KEYS[done], before[done]);
		return false;
	}
	return true;
}
