import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { GroupBuyCategory, GroupBuyStatus } from '../../../gql/graphql.js';

/** The contract's group buy categories, in its order. */
export const GROUP_BUY_CATEGORIES = ['FRUIT', 'SEAFOOD', 'MEAT', 'VEGETABLE', 'GRAIN_OIL', 'DAILY_NECESSITIES', 'MEDICINE', 'OTHER'] as const satisfies readonly GroupBuyCategory[];

// Solid tags with white text, each dark enough for 4.5:1 contrast.
const STATUS_COLORS: Record<GroupBuyStatus, string> = {
  OPEN: '#0958d9',
  CONFIRMED: '#237804',
  CANCELLED: '#595959',
  DISTRIBUTING: '#ad4e00',
  COMPLETED: '#135200',
};

/** A group buy's status as a coloured tag with its name in words (also used on the resident's page). */
export function GroupBuyStatusTag({ status }: { status: GroupBuyStatus }) {
  const { t } = useTranslation();
  return <Tag color={STATUS_COLORS[status]}>{t(`common.enums.GroupBuyStatus.${status}`)}</Tag>;
}

/** A group buy's category as a tag. */
export function GroupBuyCategoryTag({ category }: { category: GroupBuyCategory }) {
  const { t } = useTranslation();
  return <Tag>{t(`common.enums.GroupBuyCategory.${category}`)}</Tag>;
}

/** What a participation takes, in words: "阳光玫瑰葡萄 2箱，砂糖橘 1箱" (each line's item by its id, see lines.ts). */
export function useLineWords(): (lines: ReadonlyArray<{ quantity: number; unitPrice: string; item: { name: string; unit: string } | null }>) => string {
  const { t } = useTranslation();
  return (lines) =>
    lines
      .map((line) =>
        line.item
          ? t('groupBuys.pickup.line', { name: line.item.name, quantity: line.quantity, unit: line.item.unit })
          : t('groupBuys.pickup.lineUnknown', { quantity: line.quantity, price: line.unitPrice }),
      )
      .join(t('groupBuys.pickup.lineSeparator'));
}
