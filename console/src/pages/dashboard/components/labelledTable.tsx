import { useMemo, type TableHTMLAttributes } from 'react';

/** antd Table's `components` that give its <table> an accessible name (antd does not pass aria-label through). */
export function useLabelledTable(label: string) {
  return useMemo(
    () => ({
      table: (props: TableHTMLAttributes<HTMLTableElement>) => <table {...props} aria-label={label} />,
    }),
    [label],
  );
}
