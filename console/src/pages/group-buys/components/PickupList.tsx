import { PrinterOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Empty, Flex, Tag, Typography } from 'antd';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation, type CombinedError } from 'urql';
import { ErrorNotice } from '../../../components/ErrorNotice.js';
import { getFragmentData, graphql, type FragmentType } from '../../../gql/index.js';
import { errorCodes } from '../../../lib/client.js';
import { formatShanghaiTime } from '../../../lib/dates.js';
import { formatFen, toFen } from '../../../lib/money.js';
import { useLineWords } from './labels.js';
import { nameLines, totalsOf } from './lines.js';

export const PickupList_GroupBuyFragment = graphql(`
  fragment PickupList_GroupBuy on GroupBuy {
    id
    title
    status
    pickupAt
    pickupPoint
    items {
      id
      name
      unit
      unitPrice
    }
    participations {
      id
      householdLabel
      amount
      joinedAt
      pickedUp
      pickedUpAt
      household {
        id
        floor
        room
        building {
          id
          name
        }
      }
      lines {
        quantity
        unitPrice
        item {
          id
        }
      }
    }
  }
`);

const MarkPickedUpMutation = graphql(`
  mutation CommitteeMarkPickedUp($participationId: ID!) {
    markPickedUp(participationId: $participationId) {
      id
      pickedUp
      pickedUpAt
    }
  }
`);

const byName = new Intl.Collator('zh-CN', { numeric: true });

/**
 * The pickup list: every household that joined, by building and room, with what it takes and pays, and whether it has
 * picked up (marked here while the goods are shared out); totals for the volunteers; a print button, and a print
 * stylesheet (print.css) that leaves the console's frame and the page's controls off the paper.
 */
export function PickupList({ groupBuy: masked, compoundName, onChanged }: { groupBuy: FragmentType<typeof PickupList_GroupBuyFragment>; compoundName: string; onChanged: () => void }) {
  const { t, i18n } = useTranslation();
  const groupBuy = getFragmentData(PickupList_GroupBuyFragment, masked);
  const headingId = useId();
  const [markResult, mark] = useMutation(MarkPickedUpMutation);
  const [marking, setMarking] = useState<string | null>(null);
  const [refusal, setRefusal] = useState<{ error: CombinedError; conflict: boolean } | null>(null);
  const participations = groupBuy.participations ?? [];
  const unknownBuilding = t('groupBuys.pickup.unknownBuilding');

  const lineWords = useLineWords();
  const rows = participations.map((participation) => ({
    ...participation,
    lines: nameLines(participation.lines, groupBuy.items),
    building: participation.household?.building.name ?? unknownBuilding,
    room: participation.household?.room ?? participation.householdLabel,
    place: participation.household ? null : participation.householdLabel,
  }));
  const buildings = [...new Set(rows.map((row) => row.building))].sort(byName.compare);
  const households = new Set(rows.map((row) => row.household?.id ?? row.householdLabel)).size;
  const picked = rows.filter((row) => row.pickedUp).length;
  const totals = totalsOf(rows.flatMap((row) => row.lines), groupBuy.items);
  const total = rows.reduce((sum, row) => sum + toFen(row.amount), 0);

  async function markPickedUp(participationId: string) {
    setMarking(participationId);
    const answer = await mark({ participationId });
    setMarking(null);
    if (answer.data?.markPickedUp) setRefusal(null);
    else if (answer.error) {
      setRefusal({ error: answer.error, conflict: errorCodes(answer.error).includes('CONFLICT') });
      onChanged();
    }
  }

  return (
    <section aria-labelledby={headingId}>
      <Card
        size="small"
        className="cgov-pickup-list"
        title={
          <Typography.Title level={3} id={headingId} style={{ fontSize: 18, margin: 0 }}>
            {t('groupBuys.pickup.heading')}
          </Typography.Title>
        }
        extra={
          <Button icon={<PrinterOutlined />} size="large" className="cgov-no-print" onClick={() => window.print()} disabled={rows.length === 0}>
            {t('groupBuys.pickup.print')}
          </Button>
        }
      >
        <Flex vertical gap={12}>
          <div className="cgov-print-only">
            <Typography.Title level={4} style={{ fontSize: 18, margin: 0 }}>
              {t('groupBuys.pickup.printTitle', { compound: compoundName, title: groupBuy.title })}
            </Typography.Title>
            <Typography.Text>{t('groupBuys.pickup.printMeta', { time: formatShanghaiTime(groupBuy.pickupAt, i18n.language, { weekday: true }), point: groupBuy.pickupPoint })}</Typography.Text>
          </div>
          {rows.length === 0 ? (
            <Empty description={t('groupBuys.pickup.none')} />
          ) : (
            <>
              <Typography.Text strong>
                {t('groupBuys.pickup.totals', {
                  households,
                  items: lineWords(totals),
                  amount: formatFen(total),
                })}
              </Typography.Text>
              {groupBuy.status === 'DISTRIBUTING' || groupBuy.status === 'COMPLETED' ? (
                <Typography.Text>{t('groupBuys.pickup.pickedCount', { picked, total: rows.length })}</Typography.Text>
              ) : null}
              {refusal ? refusal.conflict ? <Alert type="error" showIcon role="alert" title={t('groupBuys.pickup.refusedConflict')} /> : <ErrorNotice error={refusal.error} /> : null}
              {buildings.map((building) => (
                <section key={building} className="cgov-pickup-building" aria-label={t('groupBuys.pickup.buildingLabel', { building })}>
                  <Typography.Title level={4} style={{ fontSize: 16, margin: '8px 0' }}>
                    {building}
                  </Typography.Title>
                  <ul style={{ listStyle: 'none', padding: 0, margin: 0 }}>
                    {rows
                      .filter((row) => row.building === building)
                      .sort((a, b) => byName.compare(a.room, b.room) || Date.parse(a.joinedAt) - Date.parse(b.joinedAt))
                      .map((row) => (
                        <li key={row.id} style={{ padding: '10px 0', borderTop: '1px solid #f0f0f0' }}>
                          <Flex justify="space-between" align="center" gap={8} wrap>
                            <div style={{ minWidth: 0, flex: 1 }}>
                              <Typography.Text strong style={{ fontSize: 16 }}>
                                {row.place ?? t('groupBuys.pickup.room', { room: row.room })}
                              </Typography.Text>
                              <br />
                              <Typography.Text>{lineWords(row.lines)}</Typography.Text>
                              <br />
                              <Typography.Text>{t('groupBuys.pickup.amount', { amount: row.amount })}</Typography.Text>
                            </div>
                            <Flex vertical align="end" gap={4}>
                              {row.pickedUp ? (
                                <Tag color="#237804">{row.pickedUpAt ? t('groupBuys.pickup.pickedUpAt', { time: formatShanghaiTime(row.pickedUpAt, i18n.language) }) : t('groupBuys.pickup.pickedUp')}</Tag>
                              ) : (
                                <Tag>{t('groupBuys.pickup.notPickedUp')}</Tag>
                              )}
                              {groupBuy.status === 'DISTRIBUTING' && !row.pickedUp ? (
                                <Button
                                  type="primary"
                                  size="large"
                                  className="cgov-no-print"
                                  loading={markResult.fetching && marking === row.id}
                                  disabled={markResult.fetching && marking !== row.id}
                                  onClick={() => void markPickedUp(row.id)}
                                  aria-label={t('groupBuys.pickup.markPickedUpNamed', { place: row.place ?? t('groupBuys.pickup.roomOf', { building, room: row.room }) })}
                                >
                                  {t('groupBuys.pickup.markPickedUp')}
                                </Button>
                              ) : null}
                            </Flex>
                          </Flex>
                        </li>
                      ))}
                  </ul>
                </section>
              ))}
            </>
          )}
        </Flex>
      </Card>
    </section>
  );
}
