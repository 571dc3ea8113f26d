/**
 * The planner's settings — year, rules and their thresholds, AND/OR, the composite score's
 * indicators, weights and method, the rectification share, and the pairing's thresholds — as
 * one plain object, and its round trip through the URL (`?year=2023&rules=weak_collective:
 * max_income=50000,lax_branch&combine=or&score=collective_income:3:up,incidence:2:down&…`).
 *
 * Contract: `decodePlannerSettings` never throws: an unknown rule, a bad number or a missing part
 * falls back to the default for that part, so any link opens a working planner;
 * `encodePlannerSettings` writes only what differs from the defaults.
 */
import type { RuleChoice, RuleId } from '$lib/data/queries/planner-rules';
import type { Direction, Normalisation } from '$lib/analysis/composite-score';

export interface ScoreChoice {
	key: string;
	weight: number;
	direction: Direction;
}

export interface PlannerSettings {
	year: number | null;
	rules: RuleChoice[];
	combine: 'and' | 'or';
	score: ScoreChoice[];
	method: Normalisation;
	/** The rectification list's share, 0–1 (每年倒排10%以上). */
	bottom: number;
	/** Strong villages: collective income at least this (yuan). */
	strongMin: number;
	capacity: number;
	/** Pairs further apart are not made; 0: no limit. */
	maxKm: number;
}

export const DEFAULT_SCORE: readonly ScoreChoice[] = [
	{ key: 'collective_income', weight: 3, direction: 'higher-better' },
	{ key: 'incidence', weight: 2, direction: 'lower-better' },
	{ key: 'reserve_cadres', weight: 1, direction: 'higher-better' },
	{ key: 'members_under_35', weight: 1, direction: 'higher-better' },
	{ key: 'secretary_trained', weight: 1, direction: 'higher-better' }
];

export const DEFAULT_SETTINGS: PlannerSettings = {
	year: null,
	rules: [{ id: 'weak_collective' }, { id: 'lax_branch' }],
	combine: 'or',
	score: [...DEFAULT_SCORE],
	method: 'rank',
	bottom: 0.1,
	strongMin: 100_000,
	capacity: 1,
	maxKm: 0
};

const METHODS: readonly Normalisation[] = ['rank', 'minmax', 'zscore'];
const num = (s: string | null | undefined, min = -Infinity, max = Infinity): number | null => {
	if (s === null || s === undefined || s.trim() === '') return null;
	const n = Number(s);
	return Number.isFinite(n) && n >= min && n <= max ? n : null;
};

function encodeRules(rules: readonly RuleChoice[]): string {
	return rules
		.map((r) => {
			const ps = Object.entries(r.params ?? {}).filter(([, v]) => v !== undefined);
			return ps.length ? `${r.id}:${ps.map(([k, v]) => `${k}=${v}`).join(':')}` : r.id;
		})
		.join(',');
}

function decodeRules(s: string, known: ReadonlySet<string>): RuleChoice[] | null {
	const rules: RuleChoice[] = [];
	for (const part of s.split(',').filter(Boolean)) {
		const [id, ...ps] = part.split(':');
		if (!id || !known.has(id)) continue;
		const params: Record<string, number> = {};
		for (const p of ps) {
			const [k, v] = p.split('=');
			const n = num(v);
			if (k && n !== null) params[k] = n;
		}
		rules.push(Object.keys(params).length ? { id: id as RuleId, params } : { id: id as RuleId });
	}
	return rules;
}

function encodeScore(score: readonly ScoreChoice[]): string {
	return score
		.map((c) => `${c.key}:${c.weight}:${c.direction === 'lower-better' ? 'down' : 'up'}`)
		.join(',');
}

function decodeScore(s: string): ScoreChoice[] {
	const out: ScoreChoice[] = [];
	for (const part of s.split(',').filter(Boolean)) {
		const [key, w, d] = part.split(':');
		const weight = num(w, 0, 1000);
		if (!key || !/^[\w-]+$/.test(key) || weight === null) continue;
		out.push({ key, weight, direction: d === 'down' ? 'lower-better' : 'higher-better' });
	}
	return out;
}

export function encodePlannerSettings(s: PlannerSettings): URLSearchParams {
	const q = new URLSearchParams();
	const d = DEFAULT_SETTINGS;
	if (s.year !== null) q.set('year', String(s.year));
	if (encodeRules(s.rules) !== encodeRules(d.rules)) q.set('rules', encodeRules(s.rules));
	if (s.combine !== d.combine) q.set('combine', s.combine);
	if (encodeScore(s.score) !== encodeScore(d.score)) q.set('score', encodeScore(s.score));
	if (s.method !== d.method) q.set('method', s.method);
	if (s.bottom !== d.bottom) q.set('bottom', String(s.bottom));
	if (s.strongMin !== d.strongMin) q.set('strong', String(s.strongMin));
	if (s.capacity !== d.capacity) q.set('capacity', String(s.capacity));
	if (s.maxKm !== d.maxKm) q.set('maxkm', String(s.maxKm));
	return q;
}

export function decodePlannerSettings(
	q: URLSearchParams,
	knownRules: ReadonlySet<string>
): PlannerSettings {
	const d = DEFAULT_SETTINGS;
	const rules = q.has('rules') ? decodeRules(q.get('rules') ?? '', knownRules) : null;
	const method = q.get('method') as Normalisation | null;
	return {
		year: num(q.get('year'), 1900, 2100),
		rules: rules ?? d.rules,
		combine: q.get('combine') === 'and' ? 'and' : 'or',
		score: q.has('score') ? decodeScore(q.get('score') ?? '') : [...d.score],
		method: method && METHODS.includes(method) ? method : d.method,
		bottom: num(q.get('bottom'), 0.01, 1) ?? d.bottom,
		strongMin: num(q.get('strong'), 0) ?? d.strongMin,
		capacity: Math.round(num(q.get('capacity'), 1, 50) ?? d.capacity),
		maxKm: num(q.get('maxkm'), 0) ?? d.maxKm
	};
}
