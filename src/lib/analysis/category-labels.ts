/**
 * Names of the categories the catalogue's category indicators use, in both languages. The data
 * carries them in Chinese (标准, 软弱涣散 …); the English switch needs a name for each. A
 * category not listed here (an imported one) is shown as it is written in both languages.
 */
import type { Label } from './format';

export const CATEGORY_LABELS: Readonly<Record<string, Label>> = {
	标准: { zh: '标准', en: 'Standard' },
	软弱涣散: { zh: '软弱涣散', en: 'Weak and lax' },
	省级: { zh: '省级', en: 'Provincial' },
	市级: { zh: '市级', en: 'Municipal' },
	县级: { zh: '县级', en: 'County' },
	无: { zh: '无', en: 'None' },
	深度贫困: { zh: '深度贫困', en: 'Deep poverty' },
	优秀: { zh: '优秀', en: 'Excellent' },
	称职: { zh: '称职', en: 'Competent' },
	基本称职: { zh: '基本称职', en: 'Basically competent' },
	不称职: { zh: '不称职', en: 'Not competent' }
};

/** The name of `category` (a key of `extra` first, then the table above, else itself). */
export function categoryLabel(
	category: string,
	extra: Readonly<Record<string, Label>> = {}
): Label {
	return extra[category] ?? CATEGORY_LABELS[category] ?? { zh: category, en: category };
}
