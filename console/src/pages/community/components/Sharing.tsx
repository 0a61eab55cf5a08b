import { Alert, Button, Card, Descriptions, Flex, Select, Tag, Typography } from 'antd';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation, useQuery } from 'urql';
import { ErrorNotice } from '../../../components/ErrorNotice.js';
import { RefusalNotice, type Refusal } from '../../../components/Refusal.js';
import { HouseholdSharing } from '../../../components/sharing/HouseholdSharing.js';
import { sharingRefusal } from '../../../components/sharing/sharingWords.js';
import { graphql } from '../../../gql/index.js';
import type { CommunityInfo } from './community.js';

const CommunitySharingFiguresQuery = graphql(`
  query CommunitySharingFigures($communityId: ID!) {
    community(id: $communityId) {
      id
      sharing {
        openNeeds
        openOffers
        matchedWithin48hRate
        completedMatches
        activeHouseholds
      }
    }
  }
`);

const SharingBuildingHouseholdsQuery = graphql(`
  query SharingBuildingHouseholds($buildingId: ID!) {
    building(id: $buildingId) {
      id
      households {
        id
        floor
        room
        headOfHousehold
        needsDoorToDoor
        verified
      }
    }
  }
`);

const SharingVerifyHouseholdMutation = graphql(`
  mutation SharingVerifyHousehold($householdId: ID!) {
    verifyHousehold(householdId: $householdId) {
      id
      verified
    }
  }
`);

/**
 * The shared community (共享社区) at the residents' committee's desk: the community's figures, and for a household it
 * picks (by compound, building and room; those without a phone marked) verifying its identity, posting a need or an
 * offer for it and taking its steps in a match (assisted: the platform records that the staff acted for it).
 */
export function Sharing({ community }: { community: CommunityInfo }) {
  const { t } = useTranslation();
  const [compoundId, setCompoundId] = useState<string | null>(null);
  const [buildingId, setBuildingId] = useState<string | null>(null);
  const [householdId, setHouseholdId] = useState<string | null>(null);
  const [households] = useQuery({
    query: SharingBuildingHouseholdsQuery,
    variables: { buildingId: buildingId ?? '' },
    pause: !buildingId,
  });
  const compound = community.compounds?.find((candidate) => candidate.id === compoundId);
  const list = households.data?.building?.households ?? [];
  const household = list.find((candidate) => candidate.id === householdId);
  const pickId = useId();
  return (
    <Flex vertical gap={16}>
      <Figures communityId={community.id} />
      <section aria-labelledby={pickId}>
        <Card size="small">
          <Typography.Title level={3} id={pickId} style={{ fontSize: 18, marginTop: 0 }}>
            {t('sharing.desk.pickHeading')}
          </Typography.Title>
          <Typography.Paragraph type="secondary">{t('sharing.desk.pickNote')}</Typography.Paragraph>
          <Flex gap={8} wrap>
            <Picker
              label={t('sharing.desk.compound')}
              value={compoundId}
              options={(community.compounds ?? []).map((candidate) => ({
                value: candidate.id,
                label: candidate.name,
              }))}
              onChange={(value) => {
                setCompoundId(value);
                setBuildingId(null);
                setHouseholdId(null);
              }}
            />
            <Picker
              label={t('sharing.desk.building')}
              value={buildingId}
              options={(compound?.buildings ?? []).map((candidate) => ({
                value: candidate.id,
                label: candidate.name,
              }))}
              onChange={(value) => {
                setBuildingId(value);
                setHouseholdId(null);
              }}
            />
            <Picker
              label={t('sharing.desk.household')}
              value={householdId}
              options={list.map((candidate) => ({
                value: candidate.id,
                label: `${candidate.headOfHousehold ? t('sharing.desk.householdOptionNamed', { room: candidate.room, name: candidate.headOfHousehold }) : t('sharing.desk.householdOption', { room: candidate.room })}${candidate.needsDoorToDoor ? t('sharing.desk.noPhone') : ''}`,
              }))}
              onChange={setHouseholdId}
            />
          </Flex>
          <ErrorNotice error={households.error} />
          {household ? <Verification household={household} /> : null}
        </Card>
      </section>
      {household ? <HouseholdSharing key={household.id} householdId={household.id} assisted /> : null}
    </Flex>
  );
}

/** A labelled choice that a person can type into (the rooms of a tall building are many). */
function Picker({ label, value, options, onChange }: { label: string; value: string | null; options: Array<{ value: string; label: string }>; onChange: (value: string) => void }) {
  const id = useId();
  return (
    <Flex vertical gap={4} style={{ flex: '1 1 180px' }}>
      <label htmlFor={id}>{label}</label>
      <Select id={id} size="large" showSearch={{ optionFilterProp: 'label' }} value={value} options={options} onChange={onChange} disabled={options.length === 0} />
    </Flex>
  );
}

/** Whether the household is verified, and verifying it (others then see only "verified"). */
function Verification({ household }: { household: { id: string; room: string; verified: boolean } }) {
  const { t } = useTranslation();
  const [state, verify] = useMutation(SharingVerifyHouseholdMutation);
  const [refusal, setRefusal] = useState<Refusal | null>(null);
  return (
    <Flex vertical gap={8} style={{ marginTop: 12 }}>
      {household.verified ? (
        <span>
          <Tag color="#237804">{t('sharing.desk.verified')}</Tag>
        </span>
      ) : (
        <>
          <Typography.Text>{t('sharing.desk.notVerified')}</Typography.Text>
          <Alert type="info" showIcon title={t('sharing.desk.verifyNote')} />
          <Button
            type="primary"
            size="large"
            loading={state.fetching}
            aria-label={t('sharing.desk.verifyNamed', { room: household.room })}
            onClick={async () => {
              setRefusal(null);
              const answer = await verify({ householdId: household.id });
              if (answer.error) setRefusal(sharingRefusal(answer.error, t));
            }}
            style={{ alignSelf: 'flex-start' }}
          >
            {t('sharing.desk.verify')}
          </Button>
        </>
      )}
      <RefusalNotice refusal={refusal} />
    </Flex>
  );
}

/** The community's sharing counted, as the platform answers it. */
function Figures({ communityId }: { communityId: string }) {
  const { t } = useTranslation();
  const [result, refetch] = useQuery({
    query: CommunitySharingFiguresQuery,
    variables: { communityId },
  });
  const figures = result.data?.community?.sharing;
  return (
    <>
      <ErrorNotice error={result.error} onRetry={() => refetch({ requestPolicy: 'network-only' })} />
      {figures ? (
        <Descriptions
          bordered
          size="small"
          title={t('sharing.desk.figures')}
          column={{ xs: 1, sm: 2, lg: 3 }}
          items={[
            {
              key: 'openNeeds',
              label: t('sharing.desk.openNeeds'),
              children: figures.openNeeds,
            },
            {
              key: 'openOffers',
              label: t('sharing.desk.openOffers'),
              children: figures.openOffers,
            },
            {
              key: 'rate',
              label: t('sharing.desk.matchedWithin48hRate'),
              children: figures.matchedWithin48hRate === null ? t('sharing.desk.noRate') : `${Math.round(figures.matchedWithin48hRate * 1000) / 10}%`,
            },
            {
              key: 'completedMatches',
              label: t('sharing.desk.completedMatches'),
              children: figures.completedMatches,
            },
            {
              key: 'activeHouseholds',
              label: t('sharing.desk.activeHouseholds'),
              children: figures.activeHouseholds,
            },
          ]}
        />
      ) : null}
    </>
  );
}
