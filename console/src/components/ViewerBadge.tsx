import { Tag, Typography } from 'antd';
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

/** A line that never wraps: cut with an ellipsis when the header is narrow, the whole text in its title. */
const ONE_LINE = { whiteSpace: 'nowrap', overflow: 'hidden', textOverflow: 'ellipsis', minWidth: 0 } as const;

/** Who is signed in: role and the name of its scope, on one line that yields to a narrow header (a phone in English). */
export function ViewerBadge({ session }: { session: Session }) {
  const { t } = useTranslation();
  const scopeName = useScopeName(session);
  const role = t(`common.roles.${session.role}`);
  return (
    <div role="group" aria-label={t('common.viewer.signedInAs')} style={{ display: 'flex', alignItems: 'center', gap: 4, minWidth: 0, flex: '0 1 auto' }}>
      <Tag color="red" title={role} style={{ ...ONE_LINE, marginInlineEnd: 0, flex: '0 1 auto' }}>
        {role}
      </Tag>
      <Typography.Text strong title={scopeName} style={{ ...ONE_LINE, flex: '0 0 auto', maxWidth: 140 }}>
        {scopeName}
      </Typography.Text>
    </div>
  );
}
