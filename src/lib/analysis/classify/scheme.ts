/**
 * One entry point over the classification methods: given the method and its parameters, the
 * classes (keys, names, bounds or categories) and a function giving the class of unit `i`, or −1
 * for no data. `legend.ts` turns a scheme into the legend and `classOf`; nothing else should
 * need to call a method directly.
 */
import type { Formatter, IndicatorKind, Label } from '../format';
import { formatNumber, formatterFor } from '../format';
import type { Texts } from './categorical';
import {
	capCategories,
	categoricalClasses,
	isCategory,
	OTHER_KEY,
	OTHER_LABEL
} from './categorical';
import { textsOfValues } from './categorical';
import { ckmeansBreaks } from './ckmeans';
import { equalBreaks } from './equal';
import { classIndex, intervalClasses } from './interval';
import { manualBreaks } from './manual';
import { policyBands, type PolicyBandSpec } from './policy';
import { quantileBreaks } from './quantile';
import { isValue, sortedValues, type Values } from './values';

export type Method = 'categorical' | 'quantile' | 'equal' | 'ckmeans' | 'manual' | 'policy';

interface NumericInput {
	values: Values;
	/** How bounds are written: a formatter, or an indicator kind to pick one. Default: plain. */
	format?: Formatter | IndicatorKind;
}

export type SchemeInput =
	| {
			method: 'categorical';
			/** Category per unit; without it, `values` are used as categories (flags, years). */
			texts?: Texts;
			values?: Values;
			/** Legend order (the indicator's `default_classes`). */
			categories?: readonly (string | number)[];
			/** Names of categories; a category without one is named by itself. */
			categoryLabels?: Readonly<Record<string, Label>>;
	  }
	| (NumericInput & { method: 'quantile' | 'equal' | 'ckmeans'; k: number })
	| (NumericInput & { method: 'manual'; breaks: readonly number[] })
	| { method: 'policy'; values: Values; bands?: PolicyBandSpec };

export interface SchemeClass {
	key: string;
	label: Label;
	/** Lower bound, included (numeric classes). */
	min?: number;
	/** Upper bound, excluded (numeric classes). */
	max?: number;
	/** The category (categorical classes, except "other"). */
	category?: string;
}

export interface Scheme {
	kind: 'categorical' | 'numeric';
	/** Numeric breaks (the interval rule); empty for categories. */
	breaks: number[];
	classes: SchemeClass[];
	/** Number of units. */
	count: number;
	/** Class of unit `i`, or −1 for no data. */
	indexOf: (i: number) => number;
}

/** Categories in legend order; past `room` classes the rest share one "other" class. */
function categoricalScheme(
	input: Extract<SchemeInput, { method: 'categorical' }>,
	room: number
): Scheme {
	const texts = input.texts ?? (input.values ? textsOfValues(input.values) : undefined);
	if (!texts) throw new Error('classify: a categorical scheme needs texts or values');
	const all = Array.from(texts).some(isCategory) ? categoricalClasses(texts, input.categories) : [];
	const { keys, folded } = capCategories(all, Math.max(room, 1));
	const index = new Map(keys.map((c, i) => [c, i]));
	for (const c of folded) index.set(c, keys.length - 1);
	const classes = keys.map((c) =>
		c === OTHER_KEY && folded.length > 0
			? { key: c, label: OTHER_LABEL }
			: { key: c, label: input.categoryLabels?.[c] ?? { zh: c, en: c }, category: c }
	);
	const indexOf = (i: number) => index.get(texts[i] ?? '') ?? -1;
	return { kind: 'categorical', breaks: [], classes, count: texts.length, indexOf };
}

function numericScheme(input: Exclude<SchemeInput, { method: 'categorical' }>): Scheme {
	const { values } = input;
	const sorted = sortedValues(values);
	let breaks: number[];
	let classes: SchemeClass[];
	if (input.method === 'policy') {
		const policy = policyBands(input.bands);
		breaks = policy.breaks;
		classes = policy.bands.map((b, i) => ({ ...b, min: breaks[i - 1], max: breaks[i] }));
	} else {
		const { format } = input;
		const fmt =
			typeof format === 'function' ? format : format ? formatterFor(format) : formatNumber;
		if (input.method === 'manual') breaks = manualBreaks(input.breaks);
		else if (input.method === 'quantile') breaks = quantileBreaks(values, input.k);
		else if (input.method === 'equal') breaks = equalBreaks(values, input.k);
		else breaks = ckmeansBreaks(values, input.k);
		const lowest = input.method === 'manual' ? undefined : sorted[0];
		classes = intervalClasses(breaks, lowest, fmt, sorted[0] === sorted[sorted.length - 1]);
	}
	if (sorted.length === 0) [breaks, classes] = [[], []];
	const indexOf = (i: number) => {
		const v = values[i];
		return isValue(v) ? classIndex(v, breaks) : -1;
	};
	return { kind: 'numeric', breaks, classes, count: values.length, indexOf };
}

/**
 * The scheme for a method. `room`: how many categorical classes can have a colour of their own
 * (ignored for numeric methods, which make only as many classes as asked).
 */
export function classifyUnits(input: SchemeInput, room = Infinity): Scheme {
	return input.method === 'categorical' ? categoricalScheme(input, room) : numericScheme(input);
}
