import { describe, expect, it } from 'vitest';
import { ROLLUP_BY_KIND, ROLLUP_KINDS } from '../analysis/rollup';
import { COLUMNS, KINDS, ROLLUP_OPS, TABLE_FILES, TABLES, type IndicatorMeta } from './contract';

describe('the dataset contract', () => {
	it('names a file for every table, in load order', () => {
		expect(Object.keys(TABLE_FILES)).toEqual([...TABLES]);
		expect(Object.keys(COLUMNS)).toEqual([...TABLES]);
	});

	it('gives every kind a default roll-up that fits it, and every roll-up a kind', () => {
		for (const kind of KINDS) {
			const rule = ROLLUP_BY_KIND[kind];
			expect(rule, kind).toBeDefined();
			expect(ROLLUP_KINDS[rule!.op], kind).toContain(kind);
		}
		for (const op of ROLLUP_OPS)
			for (const kind of ROLLUP_KINDS[op]) expect(KINDS as readonly string[]).toContain(kind);
	});

	it('lists a column of indicator_meta for every field of IndicatorMeta', () => {
		const all: Required<IndicatorMeta> = {
			key: '',
			theme: 'poverty',
			label_zh: '',
			label_en: '',
			unit: '',
			kind: 'count',
			default_classes: '',
			better: 'none',
			description_zh: '',
			rollup: ''
		};
		expect(COLUMNS.indicator_meta.map((c) => c.name)).toEqual(Object.keys(all));
	});

	it('marks only trailing columns optional, so older files are a prefix of newer ones', () => {
		for (const t of TABLES) {
			const flags = COLUMNS[t].map((c) => !!c.optional);
			expect(flags, t).toEqual([...flags].sort((a, b) => Number(a) - Number(b)));
		}
	});
});
