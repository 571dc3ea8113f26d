/**
 * Manual classes: thresholds a person typed. They are kept whatever the data (a class may be
 * empty: that is information), sorted and de-duplicated; a threshold that is not a finite
 * number is an input mistake and is rejected rather than silently dropped.
 */
import { tidyBreaks } from './values';

/** The thresholds as breaks: sorted, each once. */
export function manualBreaks(thresholds: readonly number[]): number[] {
	for (const t of thresholds) {
		if (!Number.isFinite(t)) {
			throw new RangeError(`manualBreaks: every break must be a finite number, got ${t}`);
		}
	}
	return tidyBreaks(thresholds);
}
