import { BarChart, LineChart, type BarSeriesOption, type LineSeriesOption } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent, type GridComponentOption, type LegendComponentOption, type TooltipComponentOption } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
// The ESM build of echarts-for-react's core (lib/core is its CommonJS twin, whose default export Vite hands over wrapped).
import ReactEChartsCore from 'echarts-for-react/esm/core';
import type { CSSProperties } from 'react';

// The one place ECharts is set up: only the charts and components the console uses, so the rest stays out of the bundle.
echarts.use([BarChart, LineChart, GridComponent, TooltipComponent, LegendComponent, CanvasRenderer]);

/** The options a console chart may use (just what is registered above). */
export type ChartOption = echarts.ComposeOption<BarSeriesOption | LineSeriesOption | GridComponentOption | TooltipComponentOption | LegendComponentOption>;

/**
 * A chart: an image with an accessible name (the canvas says nothing to a screen reader, so the page shows the same
 * figures in a table and the label says where). Build `option` in useMemo, with series names through i18n.
 */
export function Chart({ option, 'aria-label': ariaLabel, height = 320, style }: { option: ChartOption; 'aria-label': string; height?: number; style?: CSSProperties }) {
  return (
    <div role="img" aria-label={ariaLabel} style={{ width: '100%', ...style }}>
      <ReactEChartsCore echarts={echarts} option={option} notMerge lazyUpdate style={{ height, width: '100%' }} />
    </div>
  );
}
