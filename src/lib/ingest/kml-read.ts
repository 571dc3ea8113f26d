/**
 * KML (and the KML inside a KMZ) in, boundary features out. Import runs in a Web Worker, where
 * there is no DOMParser, so the XML is parsed with @xmldom/xmldom and converted by
 * @tmcw/togeojson, which accepts xmldom's documents. KML is always WGS84 lon/lat by its
 * specification; the caller reports that. A malformed document is an error, never a partial
 * import: xmldom's recoverable errors are raised too, since a half-read file would lose records
 * silently.
 */
import { kml } from '@tmcw/togeojson';
import { DOMParser } from '@xmldom/xmldom';
import { unzipSync } from 'fflate';
import { IngestError, MAX_UNZIPPED_BYTES, type RawBoundaries } from './boundary-types';
import { rawFromFeatures } from './geojson-read';
import { decodeText } from './text-encoding';

export interface KmlRead {
	raw: RawBoundaries;
	encoding: string;
}

/** The encoding an XML declaration names (`<?xml … encoding="GBK"?>`), if any. */
export function xmlDeclaredEncoding(bytes: Uint8Array): string | undefined {
	const head = String.fromCharCode(...bytes.subarray(0, 200));
	return /^\s*<\?xml[^>]*encoding\s*=\s*["']([A-Za-z0-9_.:-]+)["']/.exec(head)?.[1];
}

export function readKml(bytes: Uint8Array): KmlRead {
	const { text, encoding } = decodeText(bytes, xmlDeclaredEncoding(bytes));
	let doc;
	try {
		const parser = new DOMParser({
			onError: (level, message) => {
				if (level !== 'warning') throw new Error(message);
			}
		});
		doc = parser.parseFromString(text, 'text/xml');
	} catch {
		throw new IngestError(
			'corrupt',
			'KML 文件无法解析（XML 格式错误，可能已损坏或不完整）',
			'the KML file cannot be parsed (malformed XML; corrupt or incomplete?)'
		);
	}
	if (doc.getElementsByTagName('kml').length === 0 && !hasPlacemark(doc)) {
		throw new IngestError(
			'unsupported',
			'XML 文件不是 KML（没有 kml 元素或 Placemark）',
			'the XML file is not KML (no kml element or Placemark)'
		);
	}
	const collection = kml(doc);
	return { raw: rawFromFeatures(collection.features), encoding };
}

function hasPlacemark(doc: { getElementsByTagName(name: string): { length: number } }): boolean {
	return doc.getElementsByTagName('Placemark').length > 0;
}

/** A KMZ is a zip whose main document is doc.kml, or else its first .kml file. */
export function readKmz(bytes: Uint8Array): KmlRead {
	let files: Record<string, Uint8Array>;
	let total = 0;
	try {
		files = unzipSync(bytes, {
			filter: (f) => {
				if (!/\.kml$/i.test(f.name)) return false;
				// The size a zip claims is checked before fflate allocates it.
				total += f.originalSize;
				if (total > MAX_UNZIPPED_BYTES) throw new Error('too large');
				return true;
			}
		});
	} catch {
		throw new IngestError(
			'corrupt',
			'KMZ 文件无法解压（压缩包已损坏或不完整）',
			'the KMZ file cannot be unzipped (corrupt or incomplete archive)'
		);
	}
	const names = Object.keys(files).sort();
	const main = names.find((n) => /(^|\/)doc\.kml$/i.test(n)) ?? names[0];
	const data = main ? files[main] : undefined;
	if (!data) {
		throw new IngestError('missing-part', 'KMZ 中没有 KML 文件', 'the KMZ holds no KML file');
	}
	return readKml(data);
}
