/**
 * An Arrow IPC stream written to disk piece by piece, so the national build never holds more
 * than one city's rows: the schema message is taken from the first piece, record batches from
 * every piece, and one end-of-stream marker closes the file. Each piece is a complete stream
 * from tableToIPC with the same schema.
 */
import { closeSync, openSync, writeSync } from 'node:fs';

const EOS = new Uint8Array([0xff, 0xff, 0xff, 0xff, 0, 0, 0, 0]);

/** Byte length of the leading schema message (continuation, length, flatbuffer). */
function schemaLength(bytes: Uint8Array): number {
	const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
	if (view.getUint32(0, true) !== 0xffffffff)
		throw new Error('expected an IPC continuation marker');
	return 8 + view.getInt32(4, true);
}

export class IpcStreamFile {
	private fd: number;
	private started = false;
	bytes = 0;

	constructor(path: string) {
		this.fd = openSync(path, 'w');
	}

	append(stream: Uint8Array) {
		const head = schemaLength(stream);
		const body = stream.subarray(head, stream.length - EOS.length);
		if (!this.started) {
			this.write(stream.subarray(0, head));
			this.started = true;
		}
		this.write(body);
	}

	close() {
		this.write(EOS);
		closeSync(this.fd);
	}

	private write(bytes: Uint8Array) {
		writeSync(this.fd, bytes);
		this.bytes += bytes.length;
	}
}
