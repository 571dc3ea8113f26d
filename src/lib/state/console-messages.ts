/**
 * The console's UI text in Chinese (first) and English; kept beside the map's `messages.ts` so
 * neither grows past a page. A missing English text falls back to the Chinese one.
 */
import type { Lang } from './messages';
import { fillText } from './text-fill';

const zh = {
	'console.title': 'SQL 查询',
	'console.run': '运行',
	'console.runHint': 'Ctrl+Enter 运行光标所在语句或选中部分',
	'console.cancel': '取消',
	'console.running': '正在运行…',
	'console.cancelled': '查询已取消',
	'console.rows': '{n} 行',
	'console.time': '{ms} 毫秒',
	'console.noRows': '没有符合条件的行',
	'console.done': '语句已执行',
	'console.errorAt': '第 {line} 行第 {column} 列',
	'console.showOnMap': '在地图上显示',
	'console.onMap': '地图上显示 {n} 个',
	'console.notOnMap': '结果中没有区划代码、经纬度或几何列，不能在地图上显示',
	'console.clearMap': '清除',
	'console.export': '导出',
	'console.exportCsv': 'CSV',
	'console.exportXlsx': 'Excel',
	'console.exportGeojson': 'GeoJSON',
	'console.schema': '数据表',
	'console.catalogue': '指标目录',
	'console.functions': '空间函数',
	'console.examples': '示例',
	'console.history': '历史',
	'console.saved': '已保存',
	'console.save': '保存',
	'console.saveName': '查询名称',
	'console.delete': '删除',
	'console.open': '打开',
	'console.noHistory': '还没有运行过的查询',
	'console.noSaved': '还没有保存的查询',
	'console.storageFull': '浏览器拒绝保存（存储已满或处于隐私模式），本次内容未保存',
	'console.temp': '临时',
	'console.view': '视图',
	'console.table': '表',
	'console.insert': '插入',
	'console.spatialNote': '这些函数在浏览器内计算，不需要下载 DuckDB 扩展。',
	'console.map': '结果地图',
	'console.help': '帮助'
};

const en: Partial<Record<keyof typeof zh, string>> = {
	'console.title': 'SQL console',
	'console.run': 'Run',
	'console.runHint': 'Ctrl+Enter runs the statement at the cursor, or the selection',
	'console.cancel': 'Cancel',
	'console.running': 'Running…',
	'console.cancelled': 'Query cancelled',
	'console.rows': '{n} rows',
	'console.time': '{ms} ms',
	'console.noRows': 'No rows match',
	'console.done': 'Statement executed',
	'console.errorAt': 'line {line}, column {column}',
	'console.showOnMap': 'Show on map',
	'console.onMap': '{n} shown on the map',
	'console.notOnMap': 'The result has no division code, lon/lat or geometry column to map',
	'console.clearMap': 'Clear',
	'console.export': 'Export',
	'console.schema': 'Tables',
	'console.catalogue': 'Indicators',
	'console.functions': 'Spatial functions',
	'console.examples': 'Examples',
	'console.history': 'History',
	'console.saved': 'Saved',
	'console.save': 'Save',
	'console.saveName': 'Query name',
	'console.delete': 'Delete',
	'console.open': 'Open',
	'console.noHistory': 'No query run yet',
	'console.noSaved': 'No saved query yet',
	'console.storageFull':
		'The browser refused to store this (storage full or private mode); it was not saved',
	'console.temp': 'temp',
	'console.view': 'view',
	'console.table': 'table',
	'console.insert': 'Insert',
	'console.spatialNote': 'These functions run in the browser; no DuckDB extension is downloaded.',
	'console.map': 'Result map',
	'console.help': 'Help'
};

export type ConsoleMessageKey = keyof typeof zh;

/** The text for `key`, with `{name}` placeholders filled from `vars`. */
export function consoleText(
	lang: Lang,
	key: ConsoleMessageKey,
	vars: Record<string, string | number> = {}
): string {
	const text = (lang === 'en' ? en[key] : undefined) ?? zh[key];
	return fillText(text, vars);
}
