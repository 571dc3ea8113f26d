/**
 * Poverty-exit status classes (脱贫退出状态) for a chosen year: the categories of the first map,
 * their order in the legend, their colours and their names in both languages.
 *
 * Colours come from the Okabe–Ito palette, distinguishable with the common colour-vision
 * deficiencies; "never poor" is a quiet grey so the story stays on the poor villages.
 */
import type { Rgba } from './palette';

export type PovertyStatus = 'poor' | 'exited_this_year' | 'exited' | 'never';

export interface StatusClass {
	key: PovertyStatus;
	label: { zh: string; en: string };
	color: Rgba;
}

export const POVERTY_STATUS_CLASSES: readonly StatusClass[] = [
	{
		key: 'poor',
		label: { zh: '未退出贫困村', en: 'Poor, not yet exited' },
		color: [213, 94, 0, 255]
	},
	{
		key: 'exited_this_year',
		label: { zh: '当年退出', en: 'Exited this year' },
		color: [230, 159, 0, 255]
	},
	{ key: 'exited', label: { zh: '往年已退出', en: 'Exited earlier' }, color: [86, 180, 233, 255] },
	{ key: 'never', label: { zh: '非贫困村', en: 'Never poor' }, color: [221, 221, 216, 255] }
];

/**
 * The status of a unit in `year`, given whether it was a poor village and its exit year.
 * The same rule is written in SQL in `data/queries/poverty-status.ts`; tests keep them equal.
 */
export function povertyStatus(poor: boolean, exitYear: number | null, year: number): PovertyStatus {
	if (!poor) return 'never';
	if (exitYear === null || exitYear > year) return 'poor';
	return exitYear === year ? 'exited_this_year' : 'exited';
}

/** Index of a status key in the class list (the legend order), or -1. */
export function statusIndex(key: string): number {
	return POVERTY_STATUS_CLASSES.findIndex((c) => c.key === key);
}
