/**
 * Indicators loaded when a view needs them. A large dataset (the national build) ships its
 * indicator rows split into parts, one file per key and year (`manifest.indicatorParts`); the
 * engine starts with the start part (`files.indicator`: what the default view reads) and
 * `IndicatorParts` appends the others to the `indicator` table as views ask for them.
 *
 * Contract: `need(keys, years)` resolves once every part holding any of those keys in any of
 * those years is in the engine, loading each part at most once and one at a time (concurrent
 * calls queue); it resolves `true` if it loaded something (cached answers are then stale).
 * A dataset in one file has everything from the start: `need` resolves `false` at once and
 * `yearsOf` is the manifest's years for every key. A failed load rejects naming the file and
 * leaves that part unloaded, so a later `need` tries it again.
 */
import type { Connector } from './connector';
import type { IndicatorPart, Manifest } from './contract';
import { appendParts, type ReadBytes } from './load-dataset';

/** The parts holding any of `keys` in any of `years`. */
export function partsFor(
	parts: readonly IndicatorPart[],
	keys: Iterable<string>,
	years: Iterable<number>
): IndicatorPart[] {
	const k = new Set(keys);
	const y = new Set(years);
	return parts.filter((p) => p.keys.some((x) => k.has(x)) && p.years.some((x) => y.has(x)));
}

/** The years in which `key` has a part, ascending (`[]` for a key in no part). */
export function partYears(parts: readonly IndicatorPart[], key: string): number[] {
	const years = new Set<number>();
	for (const p of parts) if (p.keys.includes(key)) for (const y of p.years) years.add(y);
	return [...years].sort((a, b) => a - b);
}

export class IndicatorParts {
	readonly #loaded = new Set<string>();
	#queue: Promise<unknown> = Promise.resolve();

	constructor(
		private readonly db: Connector,
		private readonly manifest: Manifest,
		private readonly read: ReadBytes
	) {
		this.#loaded.add(manifest.files.indicator);
	}

	/** Every part of the dataset (none for a dataset in one file). */
	get parts(): readonly IndicatorPart[] {
		return this.manifest.indicatorParts ?? [];
	}

	/** Whether some part is not in the engine yet. */
	get partial(): boolean {
		return this.parts.some((p) => !this.#loaded.has(p.file));
	}

	/** Rows in the engine's `indicator` table so far. */
	get rowsLoaded(): number {
		if (!this.manifest.indicatorParts) return this.manifest.counts.indicator ?? 0;
		return this.parts.reduce((s, p) => s + (this.#loaded.has(p.file) ? p.rows : 0), 0);
	}

	/** The parts a view of these keys and years still lacks. */
	missing(keys: Iterable<string>, years: Iterable<number>): IndicatorPart[] {
		return partsFor(this.parts, keys, years).filter((p) => !this.#loaded.has(p.file));
	}

	/** The years `key` has data in: the manifest's years unless the dataset comes in parts. */
	yearsOf(key: string): number[] {
		return this.manifest.indicatorParts
			? partYears(this.parts, key)
			: [...this.manifest.years].sort((a, b) => a - b);
	}

	/** Load what `keys` × `years` lacks; true if anything was loaded. */
	need(keys: Iterable<string>, years: Iterable<number>): Promise<boolean> {
		const ks = [...keys];
		const ys = [...years];
		return this.#enqueue(() => this.missing(ks, ys));
	}

	/** Load every part (what a screen that may ask anything needs). */
	needAll(): Promise<boolean> {
		return this.#enqueue(() => this.parts.filter((p) => !this.#loaded.has(p.file)));
	}

	#enqueue(which: () => IndicatorPart[]): Promise<boolean> {
		const run = this.#queue.then(async () => {
			const parts = which();
			for (const part of parts) {
				await appendParts(this.db, this.manifest, this.read, [part]);
				this.#loaded.add(part.file);
			}
			return parts.length > 0;
		});
		this.#queue = run.catch(() => {});
		return run;
	}
}
