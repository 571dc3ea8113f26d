import { describe, expect, it } from 'vitest';
import { lineColumn, readEngineError } from './engine-error';

describe('readEngineError', () => {
	it('reads duckdb-wasm’s JSON error, without the caret block', () => {
		const raw =
			'{"exception_type":"Parser","exception_message":"syntax error at or near \\"region\\"\\n\\nLINE 3: FORM region\\n     ^","error_subtype":"SYNTAX_ERROR","position":"64"}';
		expect(readEngineError(raw, '', 50)).toEqual({
			type: 'Parser',
			message: 'syntax error at or near "region"',
			position: 14
		});
	});

	it('has no position when the engine gives none, or one before the statement', () => {
		const raw = '{"exception_type":"Catalog","exception_message":"Table x does not exist"}';
		expect(readEngineError(raw).position).toBeNull();
		expect(readEngineError('{"exception_message":"m","position":"3"}', '', 10).position).toBeNull();
	});

	it('reads the text form', () => {
		expect(readEngineError('Binder Error: column "x" not found')).toEqual({
			type: 'Binder',
			message: 'column "x" not found',
			position: null
		});
		expect(readEngineError('something odd').message).toBe('something odd');
	});

	it('finds the offset in the text form from LINE and the caret, less the wrapping', () => {
		const sent = 'WRAP (\nSELECT *\nFORM region\n)';
		const raw =
			'Parser Error: syntax error at or near "region"\n\nLINE 3: FORM region\n             ^';
		const e = readEngineError(raw, sent, 'WRAP (\n'.length);
		expect(e.message).toBe('syntax error at or near "region"');
		expect('SELECT *\nFORM region'.slice(e.position ?? 0)).toBe('region');
	});
});

describe('lineColumn', () => {
	it.each([
		['SELECT 1', 0, 1, 1],
		['SELECT *\nFORM region', 9, 2, 1],
		['SELECT *\nFORM region', 14, 2, 6]
	])('%j at %i is line %i, column %i', (text, offset, line, column) => {
		expect(lineColumn(text, offset)).toEqual({ line, column });
	});
});
