/**
 * The briefing's UI text — saved views, story mode, print and export — in Chinese (first) and
 * English. A missing English text falls back to the Chinese one; `{name}` placeholders are
 * filled from `vars`.
 */
import type { Lang } from './messages';
import { fillText } from './text-fill';

const zh = {
	'views.save': '保存视图',
	'views.saveTitle': '保存当前视图',
	'views.title': '标题',
	'views.note': '说明',
	'views.ok': '保存',
	'views.cancel': '取消',
	'views.saved': '已保存“{title}”，共 {n} 个视图',
	'views.heading': '保存的视图',
	'views.empty': '还没有保存的视图：在地图页设好专题、年份和范围后点“保存视图”。',
	'views.open': '打开',
	'views.up': '上移',
	'views.down': '下移',
	'views.delete': '删除',
	'views.play': '播放汇报',
	'views.export': '导出视图文件',
	'views.import': '导入视图文件',
	'views.imported': '已导入 {n} 个视图',
	'story.of': '{i} / {n}',
	'story.prev': '上一页',
	'story.next': '下一页',
	'story.exit': '退出汇报',
	'story.fullscreen': '全屏',
	'story.keys': '← → / PageUp PageDown 翻页 · F 全屏 · Esc 退出',
	'story.missing': '第 {i} 页不存在（共 {n} 个视图）',
	'print.open': '打印 / 导出',
	'print.heading': '打印与导出',
	'print.title': '图题',
	'print.paper': '纸张',
	'print.approval': '审图号（可选）',
	'print.pdf': '导出 PDF',
	'print.png': '导出 PNG',
	'print.atlas': '分乡镇图集 PDF',
	'print.atlasVillages': '图集按村着色：请先把层级切换到“村”',
	'print.busy': '正在生成…',
	'print.done': '已生成 {name}',
	'print.failed': '导出失败：{reason}',
	'print.close': '关闭',
	'print.source': '区划代码与名称为国家统计局 2023 年真实数据；村界与指标为生成的示例数据',
	'print.provenance': '本图村级边界与各项指标为按真实区划生成的示例数据，不代表实际情况',
	'print.date': '制图日期',
	'print.approvalLabel': '审图号',
	'print.legend': '图例',
	'print.township': '乡镇'
};

const en: Partial<Record<keyof typeof zh, string>> = {
	'views.save': 'Save view',
	'views.saveTitle': 'Save the current view',
	'views.title': 'Title',
	'views.note': 'Note',
	'views.ok': 'Save',
	'views.cancel': 'Cancel',
	'views.saved': 'Saved “{title}”; {n} views in all',
	'views.heading': 'Saved views',
	'views.empty': 'No saved views yet: set the theme, year and extent on the map, then “Save view”.',
	'views.open': 'Open',
	'views.up': 'Up',
	'views.down': 'Down',
	'views.delete': 'Delete',
	'views.play': 'Play briefing',
	'views.export': 'Export views file',
	'views.import': 'Import views file',
	'views.imported': 'Imported {n} views',
	'story.prev': 'Previous',
	'story.next': 'Next',
	'story.exit': 'Leave briefing',
	'story.fullscreen': 'Full screen',
	'story.keys': '← → / PageUp PageDown: slides · F: full screen · Esc: leave',
	'story.missing': 'Slide {i} does not exist ({n} views)',
	'print.open': 'Print / export',
	'print.heading': 'Print and export',
	'print.title': 'Title',
	'print.paper': 'Paper',
	'print.approval': 'Map approval no. (optional)',
	'print.pdf': 'Export PDF',
	'print.png': 'Export PNG',
	'print.atlas': 'Township atlas PDF',
	'print.atlasVillages': 'The atlas colours villages: switch the level to “village” first',
	'print.busy': 'Working…',
	'print.done': 'Made {name}',
	'print.failed': 'Export failed: {reason}',
	'print.close': 'Close',
	'print.source':
		'division codes and names are real (NBS 2023); village boundaries and indicators are generated sample data',
	'print.provenance':
		'village boundaries and indicators on this map are generated sample data on real divisions, not actual figures',
	'print.date': 'Date',
	'print.approvalLabel': 'Approval no.',
	'print.legend': 'Legend',
	'print.township': 'Township'
};

export type BriefingMessageKey = keyof typeof zh;

export function briefingText(
	lang: Lang,
	key: BriefingMessageKey,
	vars: Record<string, string | number> = {}
): string {
	const text = (lang === 'en' ? en[key] : undefined) ?? zh[key];
	return fillText(text, vars);
}
