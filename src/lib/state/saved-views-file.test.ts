import { describe, expect, it } from 'vitest';
import { readViewsFile, viewQuery, viewsFileText, type SavedView } from './saved-views-file';

const view = (over: Partial<SavedView> = {}): SavedView => ({
	id: 'a1',
	title: '紫阳县 2020 年脱贫',
	note: '当年退出 12 个村',
	query: 'indicator=poverty_status&year=2020',
	savedAt: '2026-12-02T10:00:00.000Z',
	...over
});

describe('saved views file', () => {
	it('a view keeps the map query but not the story slide, language or bench switch', () => {
		expect(viewQuery('indicator=collective_income&year=2019&story=3&lang=en&bench=1')).toBe(
			'indicator=collective_income&year=2019'
		);
	});

	it('a view keeps the extent and filters', () => {
		const q = 'indicator=collective_income&filter=collective_income:range:0,50000&at=108.5,32.5,9';
		expect(viewQuery(q)).toBe(q);
	});

	it('the exported file reads back as the same views', () => {
		const views = [
			view(),
			view({ id: 'b2', title: 'Second', query: 'theme=party&level=township' })
		];
		const read = readViewsFile(viewsFileText(views));
		expect(read).toEqual({ ok: true, views });
	});

	it('a file that is not JSON is refused with a reason', () => {
		const read = readViewsFile('PK\u0003\u0004 not json');
		expect(read.ok).toBe(false);
		if (!read.ok) expect(read.reason.zh).toContain('JSON');
	});

	it('a JSON file of another kind or version is refused', () => {
		expect(readViewsFile('{"kind":"other","version":1,"views":[]}').ok).toBe(false);
		expect(readViewsFile('{"kind":"village-atlas/views","version":9,"views":[]}').ok).toBe(false);
	});

	it('a view with a missing title or an oversized note is refused, not half-read', () => {
		const bad = JSON.parse(viewsFileText([view()]));
		delete bad.views[0].title;
		expect(readViewsFile(JSON.stringify(bad)).ok).toBe(false);
		const big = viewsFileText([view({ note: 'x'.repeat(5000) })]);
		expect(readViewsFile(big).ok).toBe(false);
	});

	it('an unknown parameter in a file is dropped from the query rather than opened', () => {
		const read = readViewsFile(viewsFileText([view({ query: 'year=2020&evil=<script>' })]));
		expect(read.ok && read.views[0]?.query).toBe('year=2020');
	});
});
