import { describe, expect, it } from 'vitest';
import { schemaStatements, themeViewSql } from './schema';
import { quoteIdent, quoteLiteral } from '../sql-quote';

const meta = (key: string, theme: string, kind = 'count') => ({
	key,
	theme,
	kind,
	label_zh: key,
	label_en: key,
	unit: '',
	default_classes: '[]',
	better: 'none'
});

describe('quoting', () => {
	it('doubles quotes inside identifiers and literals', () => {
		expect(quoteIdent('a"b')).toBe('"a""b"');
		expect(quoteLiteral("it's")).toBe("'it''s'");
	});
});

describe('themeViewSql', () => {
	it('makes one column per indicator of the theme, text for categories', () => {
		const sql = themeViewSql('party', [
			meta('branch_status', 'party', 'category'),
			meta('x', 'poverty')
		]);
		expect(sql).toContain(
			`any_value(text) FILTER (WHERE key = 'branch_status') AS "branch_status"`
		);
		expect(sql).not.toContain('"x"');
	});
	it('quotes a hostile key instead of running it', () => {
		const sql = themeViewSql('party', [meta(`a'); DROP TABLE region; --`, 'party')]);
		expect(sql).toContain(`key = 'a''); DROP TABLE region; --'`);
	});
	it('makes no view for a theme with no indicators', () => {
		expect(themeViewSql('relocation', [])).toBeNull();
		expect(schemaStatements([]).length).toBe(2);
	});
});
