import { Card, List, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { getFragmentData, graphql, type FragmentType } from '../../../gql/index.js';

export const PackageList_PackageFragment = graphql(`
  fragment PackageList_PackageFragment on Package {
    id
    name
    listPrice
    subsidy
    residentPrice
    items {
      name
      quantity
      unit
    }
  }
`);

/** Tomorrow's packages with their list price, the subsidy per unit and the resident price, and what is in each. */
export function PackageList(props: { packages: ReadonlyArray<FragmentType<typeof PackageList_PackageFragment>> }) {
  const { t } = useTranslation();
  const packages = getFragmentData(PackageList_PackageFragment, props.packages);
  return (
    <Card size="small" title={<Typography.Title level={3} style={{ margin: 0, fontSize: 16 }}>{t('floors.orders.packages')}</Typography.Title>} style={{ marginBottom: 12 }}>
      <List
        size="small"
        dataSource={[...packages]}
        rowKey="id"
        renderItem={(pkg) => (
          <List.Item>
            <List.Item.Meta
              title={pkg.name}
              description={
                <>
                  <div>
                    {pkg.subsidy !== null && pkg.residentPrice !== null
                      ? t('floors.orders.price', { list: pkg.listPrice, subsidy: pkg.subsidy, resident: pkg.residentPrice })
                      : t('floors.orders.priceUnknown', { list: pkg.listPrice })}
                  </div>
                  <div>{t('floors.orders.contents', { items: pkg.items.map((item) => `${item.name} ${item.quantity}${item.unit}`).join(t('common.listSeparator')) })}</div>
                </>
              }
            />
          </List.Item>
        )}
      />
      <Typography.Paragraph type="secondary" style={{ margin: '8px 0 0' }}>
        {t('floors.orders.subsidyRule')}
      </Typography.Paragraph>
    </Card>
  );
}
