import { Typography } from 'antd';
import type { ReactNode } from 'react';

/**
 * Figures side by side, each its label over its amount: a list (one item per figure, its words and amount together), so
 * a screen reader reads "标价 52.00 元" as one, and the row wraps on a narrow phone instead of scrolling.
 */
export function PriceLines({ label, lines }: { label: string; lines: Array<{ key: string; label: string; value: ReactNode; strong?: boolean }> }) {
  return (
    <ul aria-label={label} style={{ listStyle: 'none', margin: 0, padding: 0, display: 'flex', flexWrap: 'wrap', gap: '8px 20px' }}>
      {lines.map((line) => (
        <li key={line.key} style={{ display: 'flex', flexDirection: 'column', minWidth: 72 }}>
          <Typography.Text type="secondary" style={{ fontSize: 13 }}>
            {line.label}
          </Typography.Text>
          <Typography.Text strong={line.strong ?? false} style={{ fontSize: line.strong ? 18 : 16 }}>
            {line.value}
          </Typography.Text>
        </li>
      ))}
    </ul>
  );
}
