/**
 * ProfileState on the real engine: it loads a unit, keeps only the newest of overlapping opens,
 * drops an answer that arrives after `close()`, and reports an unknown code as not found.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Connector } from '$lib/data/connector';
import type { Manifest } from '$lib/data/contract';
import { DERIVED_INDICATORS } from '$lib/analysis/derived-indicators';
import { ProfileState, type ProfileDataset } from '$lib/state/profile.svelte';
import { openRegion } from './dataset-fixture';

let db: Connector;
let dataset: ProfileDataset;
beforeAll(async () => {
	let manifest: Manifest;
	({ db, manifest } = await openRegion('610924'));
	dataset = { catalogue: [...DERIVED_INDICATORS, ...manifest.catalogue], manifest };
});
afterAll(async () => {
	await db?.close();
});

describe('ProfileState', () => {
	it('loads a village: loading while it runs, then its profile', async () => {
		const s = new ProfileState();
		const done = s.open(db, dataset, '610924101215', 2018);
		expect([s.code, s.loading, s.data]).toEqual(['610924101215', true, null]);
		await done;
		expect([s.loading, s.error, s.data?.name, s.data?.year]).toEqual([
			false,
			null,
			'王家河村',
			2018
		]);
	});

	it('keeps the newest of two overlapping opens', async () => {
		const s = new ProfileState();
		const first = s.open(db, dataset, '610924101215', 2018);
		const second = s.open(db, dataset, '610924101', 2020);
		await Promise.all([first, second]);
		expect([s.code, s.data?.name, s.data?.year, s.loading]).toEqual([
			'610924101',
			'蒿坪镇',
			2020,
			false
		]);
	});

	it('drops an answer that arrives after close()', async () => {
		const s = new ProfileState();
		const pending = s.open(db, dataset, '610924101215', 2018);
		s.close();
		await pending;
		expect([s.code, s.data, s.loading, s.error]).toEqual([null, null, false, null]);
	});

	it('says "not found" for a code the dataset does not have', async () => {
		const s = new ProfileState();
		await s.open(db, dataset, '610924999999', 2018);
		expect([s.data, s.error]).toEqual([null, { kind: 'notFound', detail: '610924999999' }]);
	});

	it('does not re-read the unit and year already shown, and re-reads another year', async () => {
		const s = new ProfileState();
		await s.open(db, dataset, '610924101215', 2018);
		const shown = s.data;
		await s.open(db, dataset, '610924101215', 2018);
		expect(s.data).toBe(shown);
		await s.open(db, dataset, '610924101215', 2019);
		expect(s.data?.year).toBe(2019);
	});
});
