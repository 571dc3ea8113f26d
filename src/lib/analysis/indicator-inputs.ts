/**
 * The stored indicator keys a catalogue indicator is read from: a derived indicator's inputs,
 * a ratio's numerator and denominator (its roll-up recomputes it from them), or the key itself.
 * What a view must have loaded before it is asked (`data/indicator-parts.ts`).
 */
import { derivedIndicator } from './derived-indicators';
import { rollupOf } from './rollup';

type CatalogueLike = { key: string; kind: string; rollup?: string | null };

export function indicatorInputs(key: string, catalogue: readonly CatalogueLike[]): string[] {
	const derived = derivedIndicator(key);
	if (derived) return [...derived.inputs];
	const meta = catalogue.find((m) => m.key === key);
	if (!meta) return [key];
	const rule = rollupOf(meta);
	return rule.op === 'ratio' ? [key, rule.num, rule.den] : [key];
}
