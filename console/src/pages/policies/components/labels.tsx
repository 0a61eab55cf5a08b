import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { PackageCategory, SubsidyPolicyStatus } from '../../../gql/graphql.js';

/** The contract's package categories, in its order. */
export const CATEGORIES = ['VEGETABLE_BASIC', 'PORK_BASIC', 'EGG_BASIC', 'GRAIN_OIL', 'MILK', 'MEDICINE'] as const satisfies readonly PackageCategory[];

/** The contract's policy statuses. */
export const STATUSES = ['SCHEDULED', 'ACTIVE', 'ENDED', 'REVOKED'] as const satisfies readonly SubsidyPolicyStatus[];

// Solid tags with white text, each colour dark enough for 4.5:1 contrast (the light preset tags fall short).
const STATUS_COLORS: Record<SubsidyPolicyStatus, string> = { SCHEDULED: '#0958d9', ACTIVE: '#237804', ENDED: '#595959', REVOKED: '#a8071a' };

/** A policy's status as a coloured tag with its name in words. */
export function StatusTag({ status }: { status: SubsidyPolicyStatus }) {
  const { t } = useTranslation();
  return <Tag color={STATUS_COLORS[status]}>{t(`common.enums.SubsidyPolicyStatus.${status}`)}</Tag>;
}

/** The category options for a Select, in the current language. */
export function useCategoryOptions(): Array<{ value: PackageCategory; label: string }> {
  const { t } = useTranslation();
  return CATEGORIES.map((category) => ({ value: category, label: t(`common.enums.PackageCategory.${category}`) }));
}
