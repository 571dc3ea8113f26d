/**
 * A minimal Parquet writer for test fixtures (no Parquet writer is installed, and the app's
 * DuckDB cannot write Parquet offline): one row group, REQUIRED BYTE_ARRAY columns (UTF-8 text
 * or raw WKB), PLAIN encoding, uncompressed, one data page (v1) per column, and key/value
 * metadata such as GeoParquet's `geo`. The footer is Thrift's compact protocol, written by hand.
 */

/** Thrift compact protocol, the handful of types the Parquet footer needs. */
class Compact {
	bytes: number[] = [];
	private last: number[] = [0];

	private varint(n: bigint) {
		let v = n;
		while (v >= 0x80n) {
			this.bytes.push(Number(v & 0x7fn) | 0x80);
			v >>= 7n;
		}
		this.bytes.push(Number(v));
	}
	private zigzag(n: number | bigint) {
		const v = BigInt(n);
		this.varint(v >= 0n ? v << 1n : (-v << 1n) - 1n);
	}
	private field(id: number, type: number) {
		const last = this.last[this.last.length - 1] as number;
		const delta = id - last;
		if (delta > 0 && delta <= 15) this.bytes.push((delta << 4) | type);
		else {
			this.bytes.push(type);
			this.zigzag(id);
		}
		this.last[this.last.length - 1] = id;
	}
	private binaryValue(b: Uint8Array) {
		this.varint(BigInt(b.length));
		this.bytes.push(...b);
	}
	i32(id: number, v: number) {
		this.field(id, 5);
		this.zigzag(v);
	}
	i64(id: number, v: number) {
		this.field(id, 6);
		this.zigzag(v);
	}
	string(id: number, s: string) {
		this.field(id, 8);
		this.binaryValue(new TextEncoder().encode(s));
	}
	struct(id: number, body: () => void) {
		this.field(id, 12);
		this.structBody(body);
	}
	private structBody(body: () => void) {
		this.last.push(0);
		body();
		this.bytes.push(0);
		this.last.pop();
	}
	private listHeader(size: number, type: number) {
		if (size < 15) this.bytes.push((size << 4) | type);
		else {
			this.bytes.push(0xf0 | type);
			this.varint(BigInt(size));
		}
	}
	structList<T>(id: number, items: T[], body: (item: T) => void) {
		this.field(id, 9);
		this.listHeader(items.length, 12);
		for (const item of items) this.structBody(() => body(item));
	}
	i32List(id: number, items: number[]) {
		this.field(id, 9);
		this.listHeader(items.length, 5);
		for (const v of items) this.zigzag(v);
	}
	stringList(id: number, items: string[]) {
		this.field(id, 9);
		this.listHeader(items.length, 8);
		for (const s of items) this.binaryValue(new TextEncoder().encode(s));
	}
	/** A top-level struct (a page header or the file metadata). */
	static write(body: (c: Compact) => void): Uint8Array {
		const c = new Compact();
		c.structBody(() => body(c));
		return Uint8Array.from(c.bytes);
	}
}

export interface ParquetColumn {
	name: string;
	/** Text columns are annotated UTF8; binary columns (WKB) are plain BYTE_ARRAY. */
	kind: 'text' | 'binary';
	values: Uint8Array[] | string[];
}

const BYTE_ARRAY = 6;
const PLAIN = 0;
const RLE = 3;

function plainPage(values: Uint8Array[]): Uint8Array {
	const out = new Uint8Array(values.reduce((s, v) => s + 4 + v.length, 0));
	const view = new DataView(out.buffer);
	let at = 0;
	for (const v of values) {
		view.setUint32(at, v.length, true);
		out.set(v, at + 4);
		at += 4 + v.length;
	}
	return out;
}

export function writeParquet(
	columns: ParquetColumn[],
	metadata: Record<string, string>
): Uint8Array {
	const rows = columns[0]?.values.length ?? 0;
	const chunks: Uint8Array[] = [new TextEncoder().encode('PAR1')];
	let offset = 4;
	const meta: { name: string; offset: number; size: number }[] = [];
	for (const column of columns) {
		const values = column.values.map((v) =>
			typeof v === 'string' ? new TextEncoder().encode(v) : v
		);
		const page = plainPage(values);
		const header = Compact.write((c) => {
			c.i32(1, 0); // DATA_PAGE
			c.i32(2, page.length);
			c.i32(3, page.length);
			c.struct(5, () => {
				c.i32(1, values.length);
				c.i32(2, PLAIN);
				c.i32(3, RLE);
				c.i32(4, RLE);
			});
		});
		chunks.push(header, page);
		meta.push({ name: column.name, offset, size: header.length + page.length });
		offset += header.length + page.length;
	}
	const footer = Compact.write((c) => {
		c.i32(1, 1);
		c.structList(2, [null, ...columns], (col) => {
			if (!col) {
				c.string(4, 'schema');
				c.i32(5, columns.length);
				return;
			}
			c.i32(1, BYTE_ARRAY);
			c.i32(3, 0); // REQUIRED
			c.string(4, col.name);
			if (col.kind === 'text') c.i32(6, 0); // converted type UTF8
		});
		c.i64(3, rows);
		c.structList(4, [0], () => {
			c.structList(1, meta, (m) => {
				c.i64(2, m.offset);
				c.struct(3, () => {
					c.i32(1, BYTE_ARRAY);
					c.i32List(2, [PLAIN, RLE]);
					c.stringList(3, [m.name]);
					c.i32(4, 0); // UNCOMPRESSED
					c.i64(5, rows);
					c.i64(6, m.size);
					c.i64(7, m.size);
					c.i64(9, m.offset);
				});
			});
			c.i64(
				2,
				meta.reduce((s, m) => s + m.size, 0)
			);
			c.i64(3, rows);
		});
		c.structList(5, Object.entries(metadata), ([key, value]) => {
			c.string(1, key);
			c.string(2, value);
		});
		c.string(6, 'village-atlas boundary-fixtures');
	});
	const length = new Uint8Array(4);
	new DataView(length.buffer).setUint32(0, footer.length, true);
	chunks.push(footer, length, new TextEncoder().encode('PAR1'));
	const out = new Uint8Array(chunks.reduce((s, c) => s + c.length, 0));
	let at = 0;
	for (const c of chunks) {
		out.set(c, at);
		at += c.length;
	}
	return out;
}
