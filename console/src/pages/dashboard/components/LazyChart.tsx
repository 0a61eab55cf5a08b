import { Skeleton } from 'antd';
import { lazy, Suspense, type ComponentProps } from 'react';
import type { Chart as ChartType } from '../../../lib/chart.js';

// ECharts is the largest part of the page: it loads on its own, after the figures are on screen.
const Chart = lazy(() => import('../../../lib/chart.js').then((module) => ({ default: module.Chart })));

/** The console's chart, loaded on demand; a placeholder of the same height meanwhile. */
export function LazyChart(props: ComponentProps<typeof ChartType>) {
  return (
    <Suspense fallback={<Skeleton.Node active style={{ width: '100%', height: props.height ?? 320 }} />}>
      <Chart {...props} />
    </Suspense>
  );
}
