/**
 * Plot functions `(data, options) → SVGElement` over Observable Plot, for the browser (the
 * page's document) and off the page — the build and the experiment worker — in the drawing
 * document of svg-document.ts (server.ts wraps it for the build). Styles: plots.css.
 */
export { lineChart, lineChartDefaults, type LineChartOptions } from './line-chart.ts';
export { histogramGrid, histogramGridDefaults, type HistogramFacet, type HistogramGridOptions } from './histogram-grid.ts';
export { heatmapWithPoints, heatmapDefaults, type Grid, type ClassPoints, type HeatmapData, type HeatmapOptions } from './heatmap-with-points.ts';
export { pointsChart, pointsChartDefaults, type PointsData, type PointsChartOptions } from './points-chart.ts';
export { barChart, barChartDefaults, type Bar, type BarChartOptions } from './bar-chart.ts';
export { summarizeRuns, quantileSorted } from './summarize.ts';
export { tableFor, lineTable, pointsTable, barTable, histogramTable, heatmapTable, type Table, type PlotKind } from './tables.ts';
export { svgMarkup, roundNumbers } from './markup.ts';
export type { BaseOptions } from './base.ts';
export type { Series } from './series.ts';
export type { Bins } from './bins.ts';
export { PALETTE, CLASS_NAME } from './theme.ts';
