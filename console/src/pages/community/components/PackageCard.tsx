import { Card, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatShanghaiTime } from '../../../lib/dates.js';
import { getFragmentData, graphql, type FragmentType } from '../../../gql/index.js';
import { PriceLines } from './PriceLines.js';

export const PackageCard_PackageFragment = graphql(`
  fragment PackageCard_PackageFragment on Package {
    id
    name
    category
    date
    listPrice
    subsidy
    residentPrice
    orderCutoff
    items {
      name
      quantity
      unit
    }
    supplier {
      id
      name
    }
  }
`);

/** One published package as a card: what it costs at list price, the city's subsidy, what a resident pays, when orders close, what is in it. */
export function PackageCard(props: { package: FragmentType<typeof PackageCard_PackageFragment> }) {
  const { t, i18n } = useTranslation();
  const pkg = getFragmentData(PackageCard_PackageFragment, props.package);
  const money = (amount: string | null) => (amount == null ? t('community.packages.unavailable') : t('community.money', { amount }));
  return (
    <Card
      size="small"
      title={
        <Typography.Title level={3} style={{ fontSize: 16, margin: 0, whiteSpace: 'normal' }}>
          {pkg.name}
        </Typography.Title>
      }
      extra={<Tag color="#0958d9">{t(`common.enums.PackageCategory.${pkg.category}`)}</Tag>}
    >
      <PriceLines
        label={t('community.packages.pricesOf', { name: pkg.name })}
        lines={[
          { key: 'list', label: t('community.prices.listPrice'), value: money(pkg.listPrice) },
          { key: 'subsidy', label: t('community.prices.subsidy'), value: money(pkg.subsidy) },
          { key: 'resident', label: t('community.prices.residentPrice'), value: money(pkg.residentPrice), strong: true },
          { key: 'cutoff', label: t('community.packages.cutoff'), value: formatShanghaiTime(pkg.orderCutoff, i18n.language) },
        ]}
      />
      <Typography.Paragraph style={{ marginTop: 12, marginBottom: 4 }}>
        {t('community.packages.items', { items: pkg.items.map((item) => t('community.packages.item', { name: item.name, quantity: item.quantity, unit: item.unit })).join(t('community.listSeparator')) })}
      </Typography.Paragraph>
      <Typography.Text type="secondary">{t('community.packages.supplier', { name: pkg.supplier?.name ?? t('community.packages.unavailable') })}</Typography.Text>
    </Card>
  );
}
