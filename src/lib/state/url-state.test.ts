import { describe, expect, it } from 'vitest';
import { decodeUrlState, encodeUrlState, type ViewState } from './url-state';

const FULL: ViewState = {
	region: '610924',
	theme: 'collective',
	indicator: 'collective_income',
	level: 'township',
	year: 2020,
	compareYear: 2016,
	method: 'manual',
	classes: 5,
	breaks: [0, 30000, 50000, 100000],
	stat: 'median',
	category: '软弱涣散',
	filters: [
		{ field: 'township', op: 'in', values: ['610924101', '610924102'] },
		{ field: 'branch_status', op: 'in', values: ['软弱涣散'] },
		{ field: 'collective_income', op: 'range', values: [30000, null] }
	],
	selected: '610924101212',
	extent: { lon: 108.5312, lat: 32.5201, zoom: 9.25 },
	lang: 'en',
	bench: true
};

const keysOf = (q: string) => [...new URLSearchParams(q).keys()];

describe('URL state', () => {
	it('reads region, year, language and the bench switch', () => {
		expect(decodeUrlState('?region=6109&year=2019&lang=en&bench=1')).toEqual({
			region: '6109',
			year: 2019,
			lang: 'en',
			bench: true
		});
	});

	it('drops values that are not a division code, a year or a known language', () => {
		expect(decodeUrlState('region=abc&year=20x9&lang=fr')).toEqual({});
		expect(decodeUrlState('region=6109;DROP&year=99999')).toEqual({});
	});

	it('leaves out values equal to the defaults, so the plain URL means the default view', () => {
		const defaults = { region: '610924', year: 2023 };
		expect(encodeUrlState({ region: '610924', year: 2023, lang: 'zh' }, defaults)).toBe('');
		expect(encodeUrlState({ region: '610924', year: 2018, lang: 'en' }, defaults)).toBe(
			'year=2018&lang=en'
		);
	});

	it('leaves out every kind of value equal to its default, lists and extent included', () => {
		expect(encodeUrlState(FULL, FULL)).toBe('');
		const { bench: _bench, ...rest } = FULL;
		expect(encodeUrlState(FULL, rest)).toBe('bench=1');
		const moved = { ...rest, extent: { lon: 108.53121, lat: 32.52009, zoom: 9.2501 } };
		expect(encodeUrlState(moved, rest)).toBe(''); // the same after rounding
		expect(encodeUrlState({ ...rest, breaks: [0, 30000, 60000] }, rest)).toBe(
			'breaks=0,30000,60000'
		);
		expect(encodeUrlState({ filters: [], breaks: [], bench: false })).toBe('');
	});

	it('writes a readable query string', () => {
		const s: ViewState = {
			indicator: 'collective_income',
			level: 'township',
			year: 2020,
			method: 'quantile',
			classes: 5,
			breaks: [0, 30000, 50000],
			filters: [{ field: 'township', op: 'in', values: ['610924101', '610924102'] }],
			extent: { lon: 108.53123456789, lat: 32.520098765, zoom: 9.2549999 },
			lang: 'en'
		};
		expect(encodeUrlState(s)).toBe(
			'indicator=collective_income&level=township&year=2020&method=quantile&k=5' +
				'&breaks=0,30000,50000&filter=township:in:610924101,610924102&at=108.5312,32.5201,9.25&lang=en'
		);
	});

	it('percent-encodes Chinese text and nothing it need not', () => {
		const q = encodeUrlState({
			filters: [{ field: 'branch_status', op: 'in', values: ['软弱涣散'] }]
		});
		expect(q).toBe(`filter=branch_status:in:${encodeURIComponent('软弱涣散')}`);
		expect(q).toMatch(/^[\x21-\x7e]+$/); // plain ASCII, no spaces
	});

	it('writes its keys in one fixed order, whatever order the state was built in', () => {
		const q = encodeUrlState(FULL);
		expect(keysOf(q)).toEqual([
			'region',
			'theme',
			'indicator',
			'level',
			'year',
			'compare',
			'method',
			'k',
			'breaks',
			'stat',
			'category',
			'filter',
			'filter',
			'filter',
			'selected',
			'at',
			'lang',
			'bench'
		]);
		const reversed = Object.fromEntries(Object.entries(FULL).reverse()) as ViewState;
		expect(encodeUrlState(reversed)).toBe(q);
	});

	const ROUND_TRIPS: [string, ViewState][] = [
		['nothing', {}],
		['the old three', { region: '6109', year: 2016, lang: 'en' }],
		['everything', FULL],
		['a poverty view', { theme: 'poverty', indicator: 'exit_year', method: 'categorical' }],
		['county level with a share', { level: 'county', stat: 'share', category: '省级' }],
		['decimals and negatives', { breaks: [-1.5, 0, 0.03, 0.1, 1e21], classes: 12 }],
		['an extent west and south', { extent: { lon: -73.9857, lat: -40.7484, zoom: 0 } }],
		[
			'Chinese categories',
			{
				filters: [
					{ field: 'fs_grade', op: 'in', values: ['优秀', '基本称职', '不称职'] },
					{ field: 'sanbian_pilot', op: 'in', values: ['省级（试点）', 'A·B 2'] }
				]
			}
		],
		[
			'ranges open on either side',
			{
				filters: [
					{ field: 'incidence', op: 'range', values: [null, 0.03] },
					{ field: 'collective_income', op: 'range', values: [-5000, 1e6] }
				]
			}
		],
		['a township and a village', { selected: '610924101', compareYear: 1900, year: 2100 }],
		['a village', { selected: '610924101212', method: 'policy', classes: 2 }]
	];

	it.each(ROUND_TRIPS)('round-trips %s', (_name, s) => {
		expect(decodeUrlState(encodeUrlState(s))).toEqual(s);
		expect(decodeUrlState(`?${encodeUrlState(s)}`)).toEqual(s);
	});

	it('writes open range ends and Infinity alike, as empty bounds', () => {
		const q = encodeUrlState({
			filters: [{ field: 'collective_income', op: 'range', values: [50000, Infinity] }]
		});
		expect(q).toBe('filter=collective_income:range:50000,');
		expect(decodeUrlState(q).filters).toEqual([
			{ field: 'collective_income', op: 'range', values: [50000, null] }
		]);
	});

	const MALFORMED: [string, string][] = [
		['a code with letters', 'region=61o9'],
		['a code too long', 'selected=6109241012121'],
		['a township-length selection of 8 digits', 'selected=61092410'],
		['a year before 1900', 'year=1899'],
		['a year after 2100', 'compare=2101'],
		['a fractional year', 'year=2019.5'],
		['a year with a sign', 'year=+2019'],
		['k below 2', 'k=1'],
		['k above 12', 'k=13'],
		['k not a number', 'k=five'],
		['breaks with a word', 'breaks=0,abc,5'],
		['breaks with an empty item', 'breaks=0,,5'],
		['breaks out of order', 'breaks=0,50000,30000'],
		['breaks in hex', 'breaks=0x10,20'],
		['an unknown method', 'method=jenks'],
		['an unknown level', 'level=province'],
		['an unknown theme', 'theme=economy'],
		['an indicator with capitals', 'indicator=Collective_income'],
		['an indicator with SQL', "indicator=x'%3B%20DROP%20TABLE%20region"],
		['an indicator too long', `indicator=a${'b'.repeat(64)}`],
		['a stat with a quote', "stat=sum'"],
		['a category with a quote', "category=a'b"],
		['a filter value with a quote', "filter=branch_status:in:');%20DROP%20TABLE%20region;%20--"],
		['a filter value with angle brackets', 'filter=branch_status:in:%3Cscript%3E'],
		['a filter on an unknown op', 'filter=branch_status:eq:a'],
		['a filter with no values', 'filter=branch_status:in:'],
		['a township filter of short codes', 'filter=township:in:6109241'],
		['a range with a word', 'filter=collective_income:range:a,5'],
		['an empty range', 'filter=collective_income:range:5,5'],
		['a range with no bounds', 'filter=collective_income:range:,'],
		['an extent off the globe', 'at=200,30,5'],
		['an extent too deep', 'at=108,30,25'],
		['an extent with two numbers', 'at=108,30'],
		['an extent with four numbers', 'at=108,30,5,1'],
		['a language we lack', 'lang=fr'],
		['a bench switch not 1', 'bench=yes']
	];

	it.each(MALFORMED)('drops %s', (_name, q) => {
		expect(decodeUrlState(q)).toEqual({});
	});

	it('drops only the malformed part and keeps the rest', () => {
		expect(
			decodeUrlState(
				'year=2020&k=40&filter=township:in:610924101&filter=branch_status:in:a%27b&lang=en'
			)
		).toEqual({
			year: 2020,
			filters: [{ field: 'township', op: 'in', values: ['610924101'] }],
			lang: 'en'
		});
	});

	it('keeps the first filter of a field and ignores unknown keys', () => {
		expect(
			decodeUrlState('filter=township:in:610924101&filter=township:in:610924102&zoom=3&foo=bar')
		).toEqual({ filters: [{ field: 'township', op: 'in', values: ['610924101'] }] });
	});

	it('never writes what it would not read back', () => {
		const s: ViewState = {
			year: 3000,
			classes: 20,
			indicator: 'Bad Key',
			category: 'a,b',
			filters: [
				{ field: 'branch_status', op: 'in', values: ['has,comma'] },
				{ field: 'township', op: 'in', values: ['610924101'] }
			]
		};
		expect(encodeUrlState(s)).toBe('filter=township:in:610924101');
	});
});
