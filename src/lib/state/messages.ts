/**
 * UI text in Chinese (first) and English. Keys are grouped by screen part; a missing English
 * text falls back to the Chinese one so the UI never shows a bare key.
 */
export type Lang = 'zh' | 'en';

const zh = {
	'app.title': '村情地图',
	'app.subtitle': '脱贫村与乡村振兴',
	'region.label': '区域',
	'year.label': '年份',
	'lang.switch': 'English',
	'theme.poverty': '脱贫退出',
	'theme.collective': '集体经济',
	'theme.party': '党组织覆盖',
	'theme.relocation': '易地搬迁',
	'theme.soon': '即将推出',
	'legend.title': '脱贫退出状态',
	'legend.total': '合计',
	'legend.unit': '个村（社区）',
	'loading.title': '正在准备地图',
	'step.index': '读取区域目录',
	'step.engine': '启动数据引擎',
	'step.data': '加载数据',
	'step.map': '绘制地图',
	'error.title': '地图无法显示',
	'error.engine': '数据引擎（DuckDB）未能启动。请使用新版 Chrome、Edge 或 360 极速浏览器。',
	'error.webgl':
		'此浏览器无法使用 WebGL，地图无法绘制。请在浏览器设置中开启硬件加速，或换用新版 Chrome / Edge。',
	'error.data': '数据集无法加载，文件可能缺失或已损坏。',
	'error.region': '找不到所选区域的数据。',
	'error.retry': '重新加载',
	'error.detail': '技术信息',
	'tooltip.township': '所属乡镇',
	'tooltip.exitYear': '退出年份',
	'tooltip.notExited': '未退出',
	'provenance.short': '示例数据：边界与指标为生成数据',
	'provenance.title': '数据来源说明',
	'provenance.real': '真实：',
	'provenance.realText':
		'县、乡镇、村（社区）的统计用区划代码和名称（国家统计局 2023 年版）；县界轮廓。',
	'provenance.generated': '生成：',
	'provenance.generatedText':
		'村和乡镇边界（在真实县界内按随机种子剖分）、安置社区与社区工厂的位置，以及全部指标数值（依据公开报告的数字校准的合成数据）。',
	'provenance.sources': '来源：'
};

export type MessageKey = keyof typeof zh;

const en: Partial<Record<MessageKey, string>> = {
	'app.title': 'Village Atlas',
	'app.subtitle': 'Poverty exit and rural revitalisation',
	'region.label': 'Region',
	'year.label': 'Year',
	'lang.switch': '中文',
	'theme.poverty': 'Poverty exit',
	'theme.collective': 'Collective economy',
	'theme.party': 'Party organisation',
	'theme.relocation': 'Relocation',
	'theme.soon': 'coming soon',
	'legend.title': 'Poverty-exit status',
	'legend.total': 'Total',
	'legend.unit': 'villages / communities',
	'loading.title': 'Preparing the map',
	'step.index': 'Reading the region list',
	'step.engine': 'Starting the data engine',
	'step.data': 'Loading data',
	'step.map': 'Drawing the map',
	'error.title': 'The map cannot be shown',
	'error.engine':
		'The data engine (DuckDB) did not start. Please use a recent Chrome, Edge or 360 browser.',
	'error.webgl':
		'This browser cannot use WebGL, so the map cannot be drawn. Turn on hardware acceleration or use a recent Chrome or Edge.',
	'error.data': 'The dataset could not be loaded; a file may be missing or damaged.',
	'error.region': 'There is no data for the chosen region.',
	'error.retry': 'Reload',
	'error.detail': 'Technical details',
	'tooltip.township': 'Township',
	'tooltip.exitYear': 'Exit year',
	'tooltip.notExited': 'not exited',
	'provenance.short': 'Sample data: boundaries and indicators are generated',
	'provenance.title': 'Where the data comes from',
	'provenance.real': 'Real:',
	'provenance.realText':
		'statistical division codes and names of the county, townships, villages and communities (National Bureau of Statistics, 2023); the county outline.',
	'provenance.generated': 'Generated:',
	'provenance.generatedText':
		'village and township boundaries (a seeded tessellation inside the real county outline), the places of resettlement communities and factories, and every indicator value (synthetic, calibrated to figures in published reports).',
	'provenance.sources': 'Sources:'
};

export function message(lang: Lang, key: MessageKey): string {
	return (lang === 'en' ? en[key] : undefined) ?? zh[key];
}
