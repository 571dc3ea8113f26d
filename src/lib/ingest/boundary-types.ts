/**
 * The shapes every boundary reader hands on: one feature per source record with its properties
 * and polygons, notes that name the record they are about (its index in the file, so a report
 * can account for every record), and the one error type the readers throw. The orchestrator
 * (boundary-import.ts) catches every error and turns it into a plain zh/en message, so what a
 * reader throws is never seen raw by a person.
 */
import type { Polygons } from '../geo/types';

/** A message in both languages the app speaks. */
export interface Reason {
	reason_zh: string;
	reason_en: string;
}

/** One record of a boundary file: polygons in the file's coordinates until reprojected. */
export interface BoundaryFeature {
	/** Position of the record in the source file (0-based), so reports can name it. */
	featureIndex: number;
	properties: Record<string, unknown>;
	polygons: Polygons;
}

/** Something said about one record: skipped, fixed, repaired or rejected, and why. */
export interface FeatureNote extends Reason {
	featureIndex: number;
}

/** What a format reader returns before coordinates and geometry are checked. */
export interface RawBoundaries {
	features: BoundaryFeature[];
	/** Records with no polygon (points, lines, null shapes): counted, not imported. */
	skipped: FeatureNote[];
	/** Records whose geometry could not be read at all (corrupt WKB…). */
	rejected: FeatureNote[];
	/** Records in the file, so that features + skipped + rejected accounts for every one. */
	total: number;
	/** File-level remarks (a record-count mismatch, parts of a collection dropped…). */
	notes: Reason[];
}

/** Larger than this unpacked, and the browser tab would run out of memory first. */
export const MAX_UNZIPPED_BYTES = 1 << 30;

/**
 * A failure the user can act on (corrupt zip, no .shp, unknown projection). Readers throw it;
 * readBoundaryFile converts it, and anything else thrown, into an error result.
 */
export class IngestError extends Error {
	readonly reason_zh: string;
	readonly reason_en: string;
	readonly kind: string;
	readonly layers?: string[];

	constructor(kind: string, zh: string, en: string, layers?: string[]) {
		super(en);
		this.name = 'IngestError';
		this.kind = kind;
		this.reason_zh = zh;
		this.reason_en = en;
		if (layers) this.layers = layers;
	}
}
