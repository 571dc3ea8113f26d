/**
 * A look at a zip's central directory before anything unpacks it. The unzipper allocates each
 * entry at the size the directory declares, so a damaged or hostile xlsx that declares gigabytes
 * would take the import worker down instead of giving a message; and a zip without a readable
 * directory is damaged however its first bytes look. This reads only the directory: entry count
 * and declared sizes, nothing decompressed.
 */

export type ZipCheck =
	| { ok: true; entries: number; uncompressedBytes: number }
	| {
			ok: false;
			problem: 'no-directory' | 'bad-directory' | 'too-large';
			uncompressedBytes?: number;
	  };

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
/** What unpacked text a worker may hold for one sheet file: generous for any real county table. */
export const MAX_UNCOMPRESSED_BYTES = 512 * 1024 * 1024;

/** Check the directory of a zip: found, consistent, and not declaring more than `maxBytes`. */
export function checkZipDirectory(bytes: Uint8Array, maxBytes = MAX_UNCOMPRESSED_BYTES): ZipCheck {
	const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
	// The end record is 22 bytes plus a comment of up to 65,535 bytes, at the very end.
	let end = -1;
	for (let at = bytes.byteLength - 22; at >= Math.max(0, bytes.byteLength - 22 - 0xffff); at--) {
		if (view.getUint32(at, true) === EOCD) {
			end = at;
			break;
		}
	}
	if (end < 0) return { ok: false, problem: 'no-directory' };
	const entries = view.getUint16(end + 10, true);
	const size = view.getUint32(end + 12, true);
	const offset = view.getUint32(end + 16, true);
	if (offset + size > end) return { ok: false, problem: 'bad-directory' };
	let at = offset;
	let total = 0;
	for (let i = 0; i < entries; i++) {
		if (at + 46 > end || view.getUint32(at, true) !== CENTRAL) {
			return { ok: false, problem: 'bad-directory' };
		}
		// 0xFFFFFFFF marks a ZIP64 size: more than 4 GB, far past any limit here.
		total += view.getUint32(at + 24, true);
		if (total > maxBytes) return { ok: false, problem: 'too-large', uncompressedBytes: total };
		at +=
			46 +
			view.getUint16(at + 28, true) +
			view.getUint16(at + 30, true) +
			view.getUint16(at + 32, true);
	}
	return { ok: true, entries, uncompressedBytes: total };
}
