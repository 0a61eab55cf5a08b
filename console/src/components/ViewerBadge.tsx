import { Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useQuery } from 'urql';
import { graphql } from '../gql/index.js';
import type { Session } from '../lib/session.js';

const ViewerScopeQuery = graphql(`
  query ViewerScope(
    $id: ID!
    $isCity: Boolean!
    $isStreet: Boolean!
    $isCommunity: Boolean!
    $isPartyMember: Boolean!
    $isCompound: Boolean!
    $isHousehold: Boolean!
  ) {
    city(id: $id) @include(if: $isCity) { id name }
    street(id: $id) @include(if: $isStreet) { id name }
    community(id: $id) @include(if: $isCommunity) { id name }
    partyMember(id: $id) @include(if: $isPartyMember) { id name }
    compound(id: $id) @include(if: $isCompound) { id name }
    household(id: $id) @include(if: $isHousehold) { id room building { id name } }
  }
`);

/** The name of the signed-in role's scope: its city, street or community, its party member, compound or household. */
export function useScopeName(session: Session): string {
  const role = session.role;
  const [{ data }] = useQuery({
    query: ViewerScopeQuery,
    variables: {
      id: session.scope,
      isCity: role === 'CITY_OFFICIAL' || role === 'ANALYST' || role === 'HOTLINE_OPERATOR',
      isStreet: role === 'STREET_OFFICER',
      isCommunity: role === 'COMMUNITY_STAFF',
      isPartyMember: role === 'PARTY_MEMBER',
      isCompound: role === 'OWNER_COMMITTEE',
      isHousehold: role === 'RESIDENT',
    },
  });
  const household = data?.household;
  return (
    data?.city?.name ??
    data?.street?.name ??
    data?.community?.name ??
    data?.partyMember?.name ??
    data?.compound?.name ??
    (household ? `${household.building.name} ${household.room}` : session.scope)
  );
}

/** Who is signed in: role and the name of its scope. */
export function ViewerBadge({ session }: { session: Session }) {
  const { t } = useTranslation();
  const scopeName = useScopeName(session);
  return (
    <Space size={4} role="group" aria-label={t('common.viewer.signedInAs')}>
      <Tag color="red">{t(`common.roles.${session.role}`)}</Tag>
      <Typography.Text strong>{scopeName}</Typography.Text>
    </Space>
  );
}
