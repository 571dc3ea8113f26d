/**
 * The measurement hook: with `?bench=1` the app fills `window.__bench` so any outside harness
 * can time it the same way (times in ms since navigation start, from `performance.now()`).
 */

export interface BenchRecord {
	status: 'loading' | 'ready' | 'error';
	error: string | null;
	features: number;
	tFirstFrame: number | null;
	tComplete: number | null;
	heapUsed: number | null;
	/** Township names placed on the map. */
	labels: string[];
	steps: Record<string, number>;
	/**
	 * Open the view of a query string (`indicator=…&level=…`) as a click would, through the
	 * URL; resolves with the ms until the new colours are drawn. Set by the map screen.
	 */
	go?: (query: string) => Promise<number>;
	/** Resolves when every query asked so far is answered and drawn. */
	settle?: () => Promise<void>;
	/** The same as `go`, resolving as soon as the map has repainted in the new view's colours. */
	repaint?: (query: string) => Promise<number>;
	/** Run the aggregate over all units × years (`queries/yearly-totals.ts`); resolves with its ms. */
	aggregate?: () => Promise<number>;
}

export interface Bench {
	step(name: string): void;
	set(patch: Partial<BenchRecord>): void;
	done(features: number): void;
	fail(message: string): void;
	/** Whether a harness is reading (`?bench=1`). */
	readonly enabled: boolean;
}

const NOOP: Bench = { step() {}, set() {}, done() {}, fail() {}, enabled: false };

function heapUsed(): number | null {
	const mem = (performance as unknown as { memory?: { usedJSHeapSize: number } }).memory;
	return mem ? mem.usedJSHeapSize : null;
}

/** A recorder writing to `window.__bench`, or one that does nothing when not enabled. */
export function createBench(enabled: boolean): Bench {
	if (!enabled || typeof window === 'undefined') return NOOP;
	const rec: BenchRecord = {
		status: 'loading',
		error: null,
		features: 0,
		tFirstFrame: null,
		tComplete: null,
		heapUsed: null,
		labels: [],
		steps: {}
	};
	(window as unknown as { __bench: BenchRecord }).__bench = rec;
	return {
		enabled: true,
		step(name) {
			rec.steps[name] = Math.round(performance.now());
		},
		set(patch) {
			Object.assign(rec, patch);
		},
		done(features) {
			Object.assign(rec, {
				features,
				status: 'ready',
				tComplete: Math.round(performance.now()),
				heapUsed: heapUsed()
			});
		},
		fail(message) {
			Object.assign(rec, { status: 'error', error: message });
		}
	};
}
