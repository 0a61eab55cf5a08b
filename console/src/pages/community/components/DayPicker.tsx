import { DatePicker } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';

/**
 * A labelled delivery-date picker that reads and writes the platform's "YYYY-MM-DD"; big enough for a thumb, and never
 * empty (a section always shows some day).
 */
export function DayPicker({ id, label, value, onChange }: { id: string; label: string; value: string; onChange: (date: string) => void }) {
  const { t } = useTranslation();
  return (
    <div style={{ display: 'flex', alignItems: 'center', gap: 8, flexWrap: 'wrap' }}>
      <label htmlFor={id} style={{ fontWeight: 500 }}>
        {label}
      </label>
      <DatePicker
        id={id}
        size="large"
        allowClear={false}
        value={dayjs(value)}
        onChange={(day) => day && onChange(day.format('YYYY-MM-DD'))}
        format="YYYY-MM-DD"
        placeholder={t('community.date.placeholder')}
        style={{ width: 170 }}
      />
    </div>
  );
}
