import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { DEFINITIONS, SOURCES, sourcesOf } from './definitions';
import { DERIVED_INDICATORS } from './derived-indicators';

const catalogue = JSON.parse(readFileSync('static/data/610924/manifest.json', 'utf8'))
	.catalogue as {
	key: string;
}[];

describe('definitions', () => {
	it('define every catalogue and derived indicator in English', () => {
		const keys = [...catalogue.map((m) => m.key), ...DERIVED_INDICATORS.map((m) => m.key)];
		for (const k of keys) expect(DEFINITIONS[k]?.en, k).toMatch(/^[A-Z“]/);
	});
	it('cite only source documents that exist in shared/seeds', () => {
		const seeds = ['000', '001', '002', '003', '004'];
		for (const def of Object.values(DEFINITIONS))
			for (const s of def.sources) expect(seeds).toContain(s);
		expect(Object.keys(SOURCES)).toEqual(seeds);
	});
	it('give the sources of a key in order, and none for an unknown key', () => {
		expect(sourcesOf('incidence').map((s) => s.id)).toEqual(['001']);
		expect(sourcesOf('collective_income')[1]?.issuer.zh).toContain('达州');
		expect(sourcesOf('imported_key')).toEqual([]);
	});
});
