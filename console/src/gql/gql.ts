/* eslint-disable */
import * as types from './graphql';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  query ViewerScope(\n    $id: ID!\n    $isCity: Boolean!\n    $isStreet: Boolean!\n    $isCommunity: Boolean!\n    $isPartyMember: Boolean!\n    $isCompound: Boolean!\n    $isHousehold: Boolean!\n  ) {\n    city(id: $id) @include(if: $isCity) { id name }\n    street(id: $id) @include(if: $isStreet) { id name }\n    community(id: $id) @include(if: $isCommunity) { id name }\n    partyMember(id: $id) @include(if: $isPartyMember) { id name }\n    compound(id: $id) @include(if: $isCompound) { id name }\n    household(id: $id) @include(if: $isHousehold) { id room building { id name } }\n  }\n": typeof types.ViewerScopeDocument,
    "\n  fragment OpenGroupBuys_Community on Community {\n    id\n    name\n    groupBuys(status: OPEN) {\n      id\n      title\n      participantCount\n    }\n  }\n": typeof types.OpenGroupBuys_CommunityFragmentDoc,
    "\n  fragment SeriesChart_DailyOrderStats on DailyOrderStats {\n    date\n    stats {\n      orders\n      delivered\n      subsidyTotal\n      payableTotal\n    }\n  }\n": typeof types.SeriesChart_DailyOrderStatsFragmentDoc,
    "\n  fragment VolunteerCoverage_Community on Community {\n    id\n    name\n    volunteerCoverage {\n      buildings\n      buildingsCovered\n      partyMembers\n    }\n  }\n": typeof types.VolunteerCoverage_CommunityFragmentDoc,
    "\n  fragment Figures_OrderStats on OrderStats {\n    orders\n    households\n    units\n    listTotal\n    subsidyTotal\n    payableTotal\n    delivered\n  }\n": typeof types.Figures_OrderStatsFragmentDoc,
    "\n  fragment Figures_SubsidyBudget on SubsidyBudget {\n    allocated\n    spent\n    remaining\n  }\n": typeof types.Figures_SubsidyBudgetFragmentDoc,
    "\n  query Dashboard($id: ID!, $date: Date!, $from: Date!, $isCity: Boolean!, $isDistrict: Boolean!, $isStreet: Boolean!, $isCommunity: Boolean!) {\n    city(id: $id) @include(if: $isCity) {\n      id\n      name\n      subsidyBudget { ...Figures_SubsidyBudget }\n      orderStats(date: $date) { ...Figures_OrderStats }\n      districts {\n        id\n        name\n        subsidyBudget { ...Figures_SubsidyBudget }\n        orderStats(date: $date) { ...Figures_OrderStats }\n        streets { id communities { ...VolunteerCoverage_Community ...OpenGroupBuys_Community } }\n      }\n    }\n    district(id: $id) @include(if: $isDistrict) {\n      id\n      name\n      city { id name }\n      subsidyBudget { ...Figures_SubsidyBudget }\n      orderStats(date: $date) { ...Figures_OrderStats }\n      streets {\n        id\n        name\n        orderStats(date: $date) { ...Figures_OrderStats }\n        communities { ...VolunteerCoverage_Community ...OpenGroupBuys_Community }\n      }\n    }\n    street(id: $id) @include(if: $isStreet) {\n      id\n      name\n      district { id name city { id name } }\n      orderStats(date: $date) { ...Figures_OrderStats }\n      communities {\n        id\n        name\n        orderStats(date: $date) { ...Figures_OrderStats }\n        ...VolunteerCoverage_Community\n        ...OpenGroupBuys_Community\n      }\n    }\n    community(id: $id) @include(if: $isCommunity) {\n      id\n      name\n      street { id name district { id name city { id name } } }\n      orderStats(date: $date) { ...Figures_OrderStats }\n      ...VolunteerCoverage_Community\n      ...OpenGroupBuys_Community\n    }\n    orderStatsSeries(regionId: $id, from: $from, to: $date) { ...SeriesChart_DailyOrderStats }\n  }\n": typeof types.DashboardDocument,
};
const documents: Documents = {
    "\n  query ViewerScope(\n    $id: ID!\n    $isCity: Boolean!\n    $isStreet: Boolean!\n    $isCommunity: Boolean!\n    $isPartyMember: Boolean!\n    $isCompound: Boolean!\n    $isHousehold: Boolean!\n  ) {\n    city(id: $id) @include(if: $isCity) { id name }\n    street(id: $id) @include(if: $isStreet) { id name }\n    community(id: $id) @include(if: $isCommunity) { id name }\n    partyMember(id: $id) @include(if: $isPartyMember) { id name }\n    compound(id: $id) @include(if: $isCompound) { id name }\n    household(id: $id) @include(if: $isHousehold) { id room building { id name } }\n  }\n": types.ViewerScopeDocument,
    "\n  fragment OpenGroupBuys_Community on Community {\n    id\n    name\n    groupBuys(status: OPEN) {\n      id\n      title\n      participantCount\n    }\n  }\n": types.OpenGroupBuys_CommunityFragmentDoc,
    "\n  fragment SeriesChart_DailyOrderStats on DailyOrderStats {\n    date\n    stats {\n      orders\n      delivered\n      subsidyTotal\n      payableTotal\n    }\n  }\n": types.SeriesChart_DailyOrderStatsFragmentDoc,
    "\n  fragment VolunteerCoverage_Community on Community {\n    id\n    name\n    volunteerCoverage {\n      buildings\n      buildingsCovered\n      partyMembers\n    }\n  }\n": types.VolunteerCoverage_CommunityFragmentDoc,
    "\n  fragment Figures_OrderStats on OrderStats {\n    orders\n    households\n    units\n    listTotal\n    subsidyTotal\n    payableTotal\n    delivered\n  }\n": types.Figures_OrderStatsFragmentDoc,
    "\n  fragment Figures_SubsidyBudget on SubsidyBudget {\n    allocated\n    spent\n    remaining\n  }\n": types.Figures_SubsidyBudgetFragmentDoc,
    "\n  query Dashboard($id: ID!, $date: Date!, $from: Date!, $isCity: Boolean!, $isDistrict: Boolean!, $isStreet: Boolean!, $isCommunity: Boolean!) {\n    city(id: $id) @include(if: $isCity) {\n      id\n      name\n      subsidyBudget { ...Figures_SubsidyBudget }\n      orderStats(date: $date) { ...Figures_OrderStats }\n      districts {\n        id\n        name\n        subsidyBudget { ...Figures_SubsidyBudget }\n        orderStats(date: $date) { ...Figures_OrderStats }\n        streets { id communities { ...VolunteerCoverage_Community ...OpenGroupBuys_Community } }\n      }\n    }\n    district(id: $id) @include(if: $isDistrict) {\n      id\n      name\n      city { id name }\n      subsidyBudget { ...Figures_SubsidyBudget }\n      orderStats(date: $date) { ...Figures_OrderStats }\n      streets {\n        id\n        name\n        orderStats(date: $date) { ...Figures_OrderStats }\n        communities { ...VolunteerCoverage_Community ...OpenGroupBuys_Community }\n      }\n    }\n    street(id: $id) @include(if: $isStreet) {\n      id\n      name\n      district { id name city { id name } }\n      orderStats(date: $date) { ...Figures_OrderStats }\n      communities {\n        id\n        name\n        orderStats(date: $date) { ...Figures_OrderStats }\n        ...VolunteerCoverage_Community\n        ...OpenGroupBuys_Community\n      }\n    }\n    community(id: $id) @include(if: $isCommunity) {\n      id\n      name\n      street { id name district { id name city { id name } } }\n      orderStats(date: $date) { ...Figures_OrderStats }\n      ...VolunteerCoverage_Community\n      ...OpenGroupBuys_Community\n    }\n    orderStatsSeries(regionId: $id, from: $from, to: $date) { ...SeriesChart_DailyOrderStats }\n  }\n": types.DashboardDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ViewerScope(\n    $id: ID!\n    $isCity: Boolean!\n    $isStreet: Boolean!\n    $isCommunity: Boolean!\n    $isPartyMember: Boolean!\n    $isCompound: Boolean!\n    $isHousehold: Boolean!\n  ) {\n    city(id: $id) @include(if: $isCity) { id name }\n    street(id: $id) @include(if: $isStreet) { id name }\n    community(id: $id) @include(if: $isCommunity) { id name }\n    partyMember(id: $id) @include(if: $isPartyMember) { id name }\n    compound(id: $id) @include(if: $isCompound) { id name }\n    household(id: $id) @include(if: $isHousehold) { id room building { id name } }\n  }\n"): (typeof documents)["\n  query ViewerScope(\n    $id: ID!\n    $isCity: Boolean!\n    $isStreet: Boolean!\n    $isCommunity: Boolean!\n    $isPartyMember: Boolean!\n    $isCompound: Boolean!\n    $isHousehold: Boolean!\n  ) {\n    city(id: $id) @include(if: $isCity) { id name }\n    street(id: $id) @include(if: $isStreet) { id name }\n    community(id: $id) @include(if: $isCommunity) { id name }\n    partyMember(id: $id) @include(if: $isPartyMember) { id name }\n    compound(id: $id) @include(if: $isCompound) { id name }\n    household(id: $id) @include(if: $isHousehold) { id room building { id name } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment OpenGroupBuys_Community on Community {\n    id\n    name\n    groupBuys(status: OPEN) {\n      id\n      title\n      participantCount\n    }\n  }\n"): (typeof documents)["\n  fragment OpenGroupBuys_Community on Community {\n    id\n    name\n    groupBuys(status: OPEN) {\n      id\n      title\n      participantCount\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment SeriesChart_DailyOrderStats on DailyOrderStats {\n    date\n    stats {\n      orders\n      delivered\n      subsidyTotal\n      payableTotal\n    }\n  }\n"): (typeof documents)["\n  fragment SeriesChart_DailyOrderStats on DailyOrderStats {\n    date\n    stats {\n      orders\n      delivered\n      subsidyTotal\n      payableTotal\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment VolunteerCoverage_Community on Community {\n    id\n    name\n    volunteerCoverage {\n      buildings\n      buildingsCovered\n      partyMembers\n    }\n  }\n"): (typeof documents)["\n  fragment VolunteerCoverage_Community on Community {\n    id\n    name\n    volunteerCoverage {\n      buildings\n      buildingsCovered\n      partyMembers\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment Figures_OrderStats on OrderStats {\n    orders\n    households\n    units\n    listTotal\n    subsidyTotal\n    payableTotal\n    delivered\n  }\n"): (typeof documents)["\n  fragment Figures_OrderStats on OrderStats {\n    orders\n    households\n    units\n    listTotal\n    subsidyTotal\n    payableTotal\n    delivered\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment Figures_SubsidyBudget on SubsidyBudget {\n    allocated\n    spent\n    remaining\n  }\n"): (typeof documents)["\n  fragment Figures_SubsidyBudget on SubsidyBudget {\n    allocated\n    spent\n    remaining\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Dashboard($id: ID!, $date: Date!, $from: Date!, $isCity: Boolean!, $isDistrict: Boolean!, $isStreet: Boolean!, $isCommunity: Boolean!) {\n    city(id: $id) @include(if: $isCity) {\n      id\n      name\n      subsidyBudget { ...Figures_SubsidyBudget }\n      orderStats(date: $date) { ...Figures_OrderStats }\n      districts {\n        id\n        name\n        subsidyBudget { ...Figures_SubsidyBudget }\n        orderStats(date: $date) { ...Figures_OrderStats }\n        streets { id communities { ...VolunteerCoverage_Community ...OpenGroupBuys_Community } }\n      }\n    }\n    district(id: $id) @include(if: $isDistrict) {\n      id\n      name\n      city { id name }\n      subsidyBudget { ...Figures_SubsidyBudget }\n      orderStats(date: $date) { ...Figures_OrderStats }\n      streets {\n        id\n        name\n        orderStats(date: $date) { ...Figures_OrderStats }\n        communities { ...VolunteerCoverage_Community ...OpenGroupBuys_Community }\n      }\n    }\n    street(id: $id) @include(if: $isStreet) {\n      id\n      name\n      district { id name city { id name } }\n      orderStats(date: $date) { ...Figures_OrderStats }\n      communities {\n        id\n        name\n        orderStats(date: $date) { ...Figures_OrderStats }\n        ...VolunteerCoverage_Community\n        ...OpenGroupBuys_Community\n      }\n    }\n    community(id: $id) @include(if: $isCommunity) {\n      id\n      name\n      street { id name district { id name city { id name } } }\n      orderStats(date: $date) { ...Figures_OrderStats }\n      ...VolunteerCoverage_Community\n      ...OpenGroupBuys_Community\n    }\n    orderStatsSeries(regionId: $id, from: $from, to: $date) { ...SeriesChart_DailyOrderStats }\n  }\n"): (typeof documents)["\n  query Dashboard($id: ID!, $date: Date!, $from: Date!, $isCity: Boolean!, $isDistrict: Boolean!, $isStreet: Boolean!, $isCommunity: Boolean!) {\n    city(id: $id) @include(if: $isCity) {\n      id\n      name\n      subsidyBudget { ...Figures_SubsidyBudget }\n      orderStats(date: $date) { ...Figures_OrderStats }\n      districts {\n        id\n        name\n        subsidyBudget { ...Figures_SubsidyBudget }\n        orderStats(date: $date) { ...Figures_OrderStats }\n        streets { id communities { ...VolunteerCoverage_Community ...OpenGroupBuys_Community } }\n      }\n    }\n    district(id: $id) @include(if: $isDistrict) {\n      id\n      name\n      city { id name }\n      subsidyBudget { ...Figures_SubsidyBudget }\n      orderStats(date: $date) { ...Figures_OrderStats }\n      streets {\n        id\n        name\n        orderStats(date: $date) { ...Figures_OrderStats }\n        communities { ...VolunteerCoverage_Community ...OpenGroupBuys_Community }\n      }\n    }\n    street(id: $id) @include(if: $isStreet) {\n      id\n      name\n      district { id name city { id name } }\n      orderStats(date: $date) { ...Figures_OrderStats }\n      communities {\n        id\n        name\n        orderStats(date: $date) { ...Figures_OrderStats }\n        ...VolunteerCoverage_Community\n        ...OpenGroupBuys_Community\n      }\n    }\n    community(id: $id) @include(if: $isCommunity) {\n      id\n      name\n      street { id name district { id name city { id name } } }\n      orderStats(date: $date) { ...Figures_OrderStats }\n      ...VolunteerCoverage_Community\n      ...OpenGroupBuys_Community\n    }\n    orderStatsSeries(regionId: $id, from: $from, to: $date) { ...SeriesChart_DailyOrderStats }\n  }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;