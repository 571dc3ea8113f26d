// The subset a PDF embeds must draw each glyph exactly as the font does. @pdf-lib/fontkit's own
// subsets of Noto Sans SC do not (short `loca`, see font-subset.ts); createFont's do.
import fontkit from '@pdf-lib/fontkit';
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { createFont } from './font-subset';

const FONT_PATH =
	'node_modules/@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf';
const TEXT = '紫阳县 2020年 脱贫退出 城关镇 蒿坪镇 未脱贫 当年脱贫 Ziyang 10 km 公里 北 N';

type Font = ReturnType<typeof fontkit.create>;

/** Subsets the glyphs of TEXT; the characters whose outline in the subset is not the font's. */
async function garbledCharacters(font: Font): Promise<string> {
	const subset = font.createSubset();
	const { glyphs } = font.layout(TEXT);
	const ids = glyphs.map((g) => subset.includeGlyph(g));
	const parts: Uint8Array[] = [];
	await new Promise<void>((resolve, reject) => {
		const stream = subset.encodeStream();
		stream.on('data', (b: Uint8Array) => parts.push(b));
		stream.on('end', () => resolve());
		(stream as unknown as { on(e: 'error', f: (e: Error) => void): void }).on('error', reject);
	});
	const bytes = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
	parts.reduce((offset, p) => (bytes.set(p, offset), offset + p.length), 0);
	const embedded = fontkit.create(bytes);
	let garbled = '';
	glyphs.forEach((g, i) => {
		let outline: string;
		try {
			outline = embedded.getGlyph(ids[i] ?? 0).path.toSVG();
		} catch {
			outline = 'unreadable';
		}
		if (outline !== g.path.toSVG()) garbled += String.fromCodePoint(...g.codePoints);
	});
	return garbled;
}

describe('createFont', () => {
	let bytes = new Uint8Array();
	beforeAll(() => {
		bytes = new Uint8Array(readFileSync(FONT_PATH));
	});

	it('makes subsets that draw every glyph as the font does', async () => {
		expect(await garbledCharacters(createFont(bytes))).toBe('');
	});

	it('is needed: @pdf-lib/fontkit 1.1.1 alone garbles glyphs of Noto Sans SC', async () => {
		// When this fails, the installed fontkit subsets correctly and font-subset.ts can go.
		expect(await garbledCharacters(fontkit.create(bytes))).not.toBe('');
	});

	it('still reads the font as fontkit does', () => {
		const font = createFont(bytes);
		expect(font.postscriptName).toBe('NotoSansSC-Regular');
		expect(font.hasGlyphForCodePoint('紫'.codePointAt(0)!)).toBe(true);
	});
});
