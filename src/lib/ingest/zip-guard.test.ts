import { describe, expect, it } from 'vitest';
import { zipSync } from 'fflate';
import { checkZipDirectory } from './zip-guard';

const zip = zipSync({
	'a.xml': new TextEncoder().encode('<a/>'.repeat(100)),
	'b.xml': new Uint8Array(10)
});

/** The zip with the first central entry's uncompressed size set to `size`. */
function declaring(size: number): Uint8Array {
	const copy = zip.slice();
	const view = new DataView(copy.buffer);
	let at = copy.length - 22;
	while (view.getUint32(at, true) !== 0x06054b50) at--;
	view.setUint32(view.getUint32(at + 16, true) + 24, size, true);
	return copy;
}

describe('checkZipDirectory', () => {
	it('reads a sound zip: entries and declared sizes', () => {
		expect(checkZipDirectory(zip)).toEqual({ ok: true, entries: 2, uncompressedBytes: 410 });
	});

	it.each([
		['a zip declaring more than the limit', declaring(0xfffffff0), 'too-large'],
		['a zip cut short (no end record)', zip.slice(0, zip.length - 30), 'no-directory'],
		['bytes that are no zip', new TextEncoder().encode('PK\x03\x04 not really'), 'no-directory'],
		['an empty file', new Uint8Array(0), 'no-directory']
	])('refuses %s', (_, bytes, problem) => {
		expect(checkZipDirectory(bytes)).toMatchObject({ ok: false, problem });
	});

	it('refuses a directory that points outside the file', () => {
		const copy = zip.slice();
		const view = new DataView(copy.buffer);
		view.setUint32(copy.length - 22 + 16, copy.length, true);
		expect(checkZipDirectory(copy)).toMatchObject({ ok: false, problem: 'bad-directory' });
	});

	it('applies a caller’s lower limit', () => {
		expect(checkZipDirectory(zip, 100)).toMatchObject({ ok: false, problem: 'too-large' });
	});
});
