import { Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import type { CombinedError } from 'urql';
import { ErrorNotice } from '../../../components/ErrorNotice.js';

/** A list's first page under the filters set: how many rows the whole list has, and a table of the first ones. */
export function PreviewTable<Row extends object>({
  label,
  total,
  rows,
  columns,
  fetching,
  error,
  onRetry,
  rowKey,
  paginate = false,
}: {
  label: string;
  total: number | undefined;
  rows: readonly Row[];
  columns: ColumnsType<Row>;
  fetching: boolean;
  error: CombinedError | undefined;
  onRetry: () => void;
  rowKey: (row: Row) => string;
  paginate?: boolean;
}) {
  const { t } = useTranslation();
  return (
    <section aria-label={label}>
      <ErrorNotice error={error} onRetry={onRetry} />
      <Typography.Paragraph style={{ marginTop: 12 }} aria-live="polite">
        {total === undefined ? (fetching ? t('common.status.loading') : null) : (
          <>
            {t('exports.total', { count: total })}{' '}
            {!paginate && total > rows.length ? <Typography.Text type="secondary">{t('exports.firstRows', { count: rows.length })}</Typography.Text> : null}
          </>
        )}
      </Typography.Paragraph>
      <Table<Row>
        aria-label={label}
        size="small"
        loading={fetching}
        columns={columns}
        dataSource={rows as Row[]}
        rowKey={rowKey}
        pagination={paginate ? { pageSize: 20, showSizeChanger: false, hideOnSinglePage: true } : false}
        scroll={{ x: 'max-content' }}
      />
    </section>
  );
}
