import { describe, expect, it } from 'vitest';
import { matchCity, nameStem, type OutlineFeature } from './outlines';

const square = (x: number): OutlineFeature['polygons'] => [
	[
		[
			[x, 0],
			[x + 1, 0],
			[x + 1, 1],
			[x, 1],
			[x, 0]
		]
	]
];
const feature = (id: string | null, name: string, x: number, area = 1): OutlineFeature => ({
	id,
	name,
	cp: null,
	polygons:
		area === 1
			? square(x)
			: square(x).map((p) =>
					p.map((r) => r.map(([a, b]) => [a * area, b * area] as [number, number]))
				),
	file: 'test.geojson'
});
const county = (code: string, name: string) => ({ code, name, cityCode: code.slice(0, 4) });

describe('outline matching', () => {
	it.each([
		['旬阳县', '旬阳'],
		['旬阳市', '旬阳'],
		['汉滨区', '汉滨'],
		['镇坪县', '镇坪'],
		['孟村回族自治县', '孟村回族'],
		['县', '县']
	])('stems %s as %s', (name, stem) => {
		expect(nameStem(name)).toBe(stem);
	});

	it('matches by code, then by name, then hosts what is left', () => {
		const { domains, report } = matchCity(
			[county('610924', '紫阳县'), county('610981', '旬阳市'), county('610999', '开发区')],
			[feature('610924', '紫阳县', 0), feature('610928', '旬阳县', 2, 3)]
		);
		const how = Object.fromEntries(domains.flatMap((d) => [...d.how]));
		expect(how).toEqual({ '610924': 'code', '610981': 'name', '610999': 'hosted:610981' });
		expect(report).toHaveLength(1);
		expect(report[0]).toMatch(/610999 开发区: no outline/);
	});

	it('puts a leftover county in an unclaimed feature of its city first', () => {
		const { domains } = matchCity(
			[county('610924', '紫阳县'), county('610999', '开发区')],
			[feature('610924', '紫阳县', 0), feature('610900', '旧县', 2)]
		);
		expect(domains.find((d) => d.counties[0]?.code === '610999')?.how.get('610999')).toBe(
			'feature:旧县'
		);
	});
});
