/**
 * The print dialog's work: from the map screen's dataset and answer to a file on disk — a PDF
 * of the map, a PNG of the same page, or the atlas (one page per township, villages coloured in
 * the view's classes). `busy` and `status` are what the dialog shows; a failure is a status line,
 * never an exception in the page.
 */
import type { Lang } from '$lib/analysis/format';
import type { PaperName } from '$lib/print/paper';
import type { PageContent } from '$lib/print/page-layout';
import { briefingText } from './briefing-messages';
import type { ChoroplethResult } from './choropleth-client';
import { downloadBlob } from './download';
import type { PageSpec } from './print-job';
import { regionScene, townshipScene } from './print-scene';
import type { LoadedDataset } from './session.svelte';

/** pdf-lib, fontkit and the page painter load when a page is first printed, not with the map. */
const printJob = () => import('./print-job');

export interface PrintOrder {
	format: 'pdf' | 'png' | 'atlas';
	title: string;
	paper: PaperName;
	approvalNo: string;
}

export interface PrintContext {
	dataset: LoadedDataset;
	result: ChoroplethResult;
	lang: Lang;
	/** The indicator's label (with the roll-up statistic at township or county level). */
	indicatorLabel: string;
}

function today(lang: Lang): string {
	return new Intl.DateTimeFormat(lang === 'zh' ? 'zh-CN' : 'en-GB', { dateStyle: 'long' }).format(
		new Date()
	);
}

export class PrintState {
	busy = $state(false);
	status = $state('');

	/** The page text besides the map, for a title. */
	#content(order: PrintOrder, ctx: PrintContext, title: string): PageContent {
		const { lang } = ctx;
		const t = (k: Parameters<typeof briefingText>[1]) => briefingText(lang, k);
		const subtitle = `${ctx.dataset.region.name} · ${ctx.indicatorLabel} · ${ctx.result.view.year}`;
		return {
			title,
			subtitle: subtitle === title.trim() ? undefined : subtitle,
			legendTitle: ctx.indicatorLabel,
			legend: [],
			date: today(lang),
			source: t('print.source'),
			provenance: t('print.provenance'),
			approvalNo: order.approvalNo.trim() || undefined,
			lang
		};
	}

	/** The pages of an order: the region's map, or one per township for the atlas. */
	#pages(order: PrintOrder, ctx: PrintContext): PageSpec[] {
		const { dataset: ds, result, lang } = ctx;
		if (order.format !== 'atlas') {
			const scene = regionScene(ds, result, lang);
			const content = { ...this.#content(order, ctx, order.title), legend: scene.legend };
			return [{ scene, content, paper: order.paper }];
		}
		return ds.townships.codes.flatMap((code, i) => {
			const scene = townshipScene(ds, result, code, lang);
			if (!scene) return [];
			const name = ds.townships.names[i] ?? code;
			const content = this.#content(
				order,
				ctx,
				`${name} · ${ctx.indicatorLabel} · ${result.view.year}`
			);
			return [{ scene, content: { ...content, legend: scene.legend }, paper: order.paper }];
		});
	}

	async run(order: PrintOrder, ctx: PrintContext): Promise<void> {
		if (this.busy) return;
		const say = (k: Parameters<typeof briefingText>[1], vars?: Record<string, string | number>) =>
			briefingText(ctx.lang, k, vars);
		this.busy = true;
		this.status = say('print.busy');
		try {
			const pages = this.#pages(order, ctx);
			const base =
				order.format === 'atlas'
					? `${ctx.dataset.region.name}-${ctx.indicatorLabel}-${ctx.result.view.year}-${say('print.atlas')}`
					: order.title;
			let name: string;
			if (order.format === 'png') {
				name = `${base}.png`;
				const { pngOfPage } = await printJob();
				downloadBlob(await pngOfPage(pages[0] as PageSpec), name);
			} else {
				name = `${base}.pdf`;
				const { pdfOfPages } = await printJob();
				const bytes = await pdfOfPages(pages, (done, total) => {
					this.status = `${say('print.busy')} ${done} / ${total}`;
				});
				downloadBlob(
					new Blob([bytes as Uint8Array<ArrayBuffer>], { type: 'application/pdf' }),
					name
				);
			}
			this.status = say('print.done', { name });
		} catch (e) {
			this.status = say('print.failed', { reason: e instanceof Error ? e.message : String(e) });
		} finally {
			this.busy = false;
		}
	}
}
