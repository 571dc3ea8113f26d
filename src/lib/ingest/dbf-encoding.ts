/**
 * Which text encoding a shapefile's attribute table (.dbf) is in. Chinese shapefiles are GBK as
 * often as UTF-8, and say so in three ways, trusted in this order: a `.cpg` file ('936', 'CP936',
 * 'GBK', 'UTF-8'…), the language-driver byte at offset 29 of the DBF header (0x4D = code page
 * 936), or nothing — then the text fields themselves decide: strict UTF-8 if they decode as
 * such, else GB18030 (a superset of GBK). A .cpg that claims UTF-8 over bytes that are not is
 * overruled, since following it would turn every Chinese name into replacement characters.
 */
import type { Reason } from './boundary-types';
import { encodingFromCpg, encodingFromDbfLanguageDriver, isStrictUtf8 } from './text-encoding';

export interface DbfEncoding {
	/** The label handed to TextDecoder ('gbk', 'utf-8', 'gb18030', 'windows-1252'…). */
	encoding: string;
	source: 'cpg' | 'language-driver' | 'detected';
	note?: Reason;
}

/** The raw bytes of the field names and of every character (C) field value, concatenated. */
export function dbfTextBytes(dbf: Uint8Array, limit = 1 << 20): Uint8Array {
	if (dbf.length < 32) return new Uint8Array(0);
	const view = new DataView(dbf.buffer, dbf.byteOffset, dbf.byteLength);
	const records = view.getUint32(4, true);
	const headerLength = view.getUint16(8, true);
	const recordLength = view.getUint16(10, true);
	const parts: Uint8Array[] = [];
	const fields: { offset: number; length: number }[] = [];
	let offset = 1; // each record starts with its deletion flag
	for (let at = 32; at + 32 <= Math.min(headerLength, dbf.length) && dbf[at] !== 0x0d; at += 32) {
		const nameEnd = dbf.subarray(at, at + 11).indexOf(0);
		parts.push(dbf.subarray(at, at + (nameEnd < 0 ? 11 : nameEnd)));
		const length = dbf[at + 16] ?? 0;
		if (dbf[at + 11] === 0x43) fields.push({ offset, length }); // 'C'
		offset += length;
	}
	let total = 0;
	for (let r = 0; r < records && recordLength > 0 && total < limit; r++) {
		const start = headerLength + r * recordLength;
		if (start + recordLength > dbf.length) break;
		for (const f of fields) {
			const value = dbf.subarray(start + f.offset, start + f.offset + f.length);
			parts.push(value);
			total += value.length;
		}
	}
	const out = new Uint8Array(parts.reduce((s, p) => s + p.length, 0));
	let at = 0;
	for (const p of parts) {
		out.set(p, at);
		at += p.length;
	}
	return out;
}

/** Whether this runtime's TextDecoder knows the label (ibm437, for one, it does not). */
function decodable(label: string): boolean {
	try {
		new TextDecoder(label);
		return true;
	} catch {
		return false;
	}
}

/** The DBF's encoding from its .cpg text (if any), its header, or its text fields. */
export function resolveDbfEncoding(dbf: Uint8Array, cpg?: string | null): DbfEncoding {
	const text = dbfTextBytes(dbf);
	const detected = (): DbfEncoding => ({
		encoding: isStrictUtf8(text) ? 'utf-8' : 'gb18030',
		source: 'detected'
	});
	let note: Reason | undefined;
	if (cpg != null) {
		const label = encodingFromCpg(cpg);
		if (label === 'utf-8' && !isStrictUtf8(text)) {
			return {
				...detected(),
				note: {
					reason_zh: '.cpg 标明 UTF-8，但属性文字不是 UTF-8；已按 GB18030 读取',
					reason_en: 'the .cpg says UTF-8 but the attribute text is not; read as GB18030'
				}
			};
		}
		if (label && decodable(label)) return { encoding: label, source: 'cpg' };
		note = {
			reason_zh: `.cpg 中的编码「${cpg.trim().slice(0, 40)}」无法识别，已自动判断`,
			reason_en: `the .cpg encoding "${cpg.trim().slice(0, 40)}" is not known; detected instead`
		};
	}
	const driver = dbf.length > 29 ? encodingFromDbfLanguageDriver(dbf[29] ?? 0) : null;
	if (driver && decodable(driver)) {
		return note
			? { encoding: driver, source: 'language-driver', note }
			: { encoding: driver, source: 'language-driver' };
	}
	return note ? { ...detected(), note } : detected();
}
