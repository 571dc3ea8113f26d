/**
 * The unit profile the right-hand panel shows: one village, community or township at a time.
 *
 * Contract: `open(db, dataset, code, year)` loads the profile of `code` for `year` (every
 * indicator over all years, ranks in `year`, the unit's sites that year); while it runs
 * `loading` is true and `code` is already the new one. If another `open` (or `close`) comes
 * before an answer, that answer is dropped, so a slow query never overwrites a newer unit.
 * A code that is not a village, community or township of the dataset ends with `data` null
 * and `error.kind = 'notFound'`; a failed query with `error.kind = 'query'`. Re-opening the
 * unit and year already shown (same dataset) does nothing. `close()` empties it all.
 */
import type { Connector } from '$lib/data/connector';
import type { IndicatorMeta, Manifest } from '$lib/data/contract';
import { queryProfile, type Profile } from '$lib/data/queries/profile';

export type {
	Profile,
	ProfileCommunity,
	ProfileFactory,
	ProfileIndicator,
	ProfileRank
} from '$lib/data/queries/profile';

/** What `open` needs of a loaded dataset (`LoadedDataset` fits). */
export interface ProfileDataset {
	catalogue: readonly IndicatorMeta[];
	manifest: Pick<Manifest, 'years'>;
}

export interface ProfileError {
	kind: 'notFound' | 'query';
	detail: string;
}

export class ProfileState {
	code = $state<string | null>(null);
	loading = $state(false);
	error = $state<ProfileError | null>(null);
	data = $state.raw<Profile | null>(null);

	#ticket = 0;
	#dataset: ProfileDataset | null = null;

	async open(db: Connector, dataset: ProfileDataset, code: string, year: number): Promise<void> {
		const shown = this.data;
		if (!this.loading && shown?.code === code && shown.year === year && this.#dataset === dataset)
			return;
		const ticket = ++this.#ticket;
		// Another unit: its predecessor's numbers must not stay on screen while this one loads.
		if (code !== this.code || dataset !== this.#dataset) this.data = null;
		this.code = code;
		this.#dataset = dataset;
		this.loading = true;
		this.error = null;
		try {
			const r = await queryProfile(db, {
				code,
				year,
				years: dataset.manifest.years,
				catalogue: dataset.catalogue
			});
			if (ticket !== this.#ticket) return;
			this.data = r.found ? r.profile : null;
			this.error = r.found ? null : { kind: 'notFound', detail: code };
		} catch (e) {
			if (ticket !== this.#ticket) return;
			this.data = null;
			this.error = { kind: 'query', detail: e instanceof Error ? e.message : String(e) };
		} finally {
			if (ticket === this.#ticket) this.loading = false;
		}
	}

	close(): void {
		this.#ticket++;
		this.code = null;
		this.data = null;
		this.error = null;
		this.loading = false;
	}
}
