/**
 * fontkit for pdf-lib, with the one fix its TrueType subsets need. @pdf-lib/fontkit 1.1.1, a
 * fork of fontkit 1.7, writes a subset's `loca` table in the short format (offsets halved)
 * whenever the subset is small, without padding glyph records to even lengths: after the first
 * odd-length glyph every offset is a byte off, and those glyphs print blank or as garbage — while
 * `pdftotext` still reads the text, since the ToUnicode map is right. Noto Sans SC has such
 * glyphs: unpatched, 紫阳县 prints as 紫 and 县 with a gap. Upstream fontkit fixed it in 1.8.0
 * (foliojs/fontkit#191) by keeping the long format; `subsetSafeFontkit` does the same, presetting
 * the format on the `loca` object each subset's encoder assigns, so its short-format branch never
 * runs. That reaches into a private field of a pinned, unmaintained package:
 * `font-subset.test.ts` compares subset outlines with the original's to keep it honest.
 *
 * CFF-flavoured OpenType fonts (.otf, e.g. Noto Sans CJK) have a second subset bug in this fork
 * (the whole font is rejected by viewers); ship a TrueType (.ttf) font.
 */
import fontkit from '@pdf-lib/fontkit';
import type { PDFDocument } from 'pdf-lib';

/** What `PDFDocument.registerFontkit` takes (pdf-lib does not export the type by name). */
export type Fontkit = Parameters<PDFDocument['registerFontkit']>[0];
type FontkitFont = ReturnType<typeof fontkit.create>;
type Subset = ReturnType<FontkitFont['createSubset']>;

/** The long `loca` format: 32-bit offsets, any glyph length. */
const LONG_LOCA = 1;

function withLongLoca(subset: Subset): Subset {
	let loca: { version?: number } | undefined;
	// TTFSubset.encode assigns `this.loca = { offsets: [] }` and then, finding no version,
	// picks one; a version set on assignment makes it keep the long format.
	Object.defineProperty(subset, 'loca', {
		configurable: true,
		enumerable: true,
		get: () => loca,
		set: (value: { version?: number } | undefined) => {
			if (value && value.version == null) value.version = LONG_LOCA;
			loca = value;
		}
	});
	return subset;
}

/** `fontkit.create` whose fonts make subsets with a long `loca` (harmless for CFF fonts). */
export function createFont(bytes: Uint8Array, postscriptName?: string): FontkitFont {
	const font = fontkit.create(bytes, postscriptName);
	const createSubset = font.createSubset.bind(font);
	font.createSubset = () => withLongLoca(createSubset());
	return font;
}

/** Register this with `pdfDoc.registerFontkit` instead of `@pdf-lib/fontkit` itself. */
export const subsetSafeFontkit: Fontkit = { create: createFont };
