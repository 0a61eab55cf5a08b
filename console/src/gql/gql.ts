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
    "\n  query ExportGroupBuysPreview($filter: GroupBuyFilter!) {\n    groupBuys(filter: $filter, first: 20) {\n      totalCount\n      edges {\n        node { id title category status participantCount minParticipants deadline pickupPoint compound { id name } }\n      }\n    }\n  }\n": typeof types.ExportGroupBuysPreviewDocument,
    "\n  query ExportOrdersPreview($filter: OrderFilter!) {\n    orders(filter: $filter, first: 20) {\n      totalCount\n      edges {\n        node {\n          id\n          quantity\n          payable\n          status\n          channel\n          placedAt\n          package { id date name category community { id name } }\n        }\n      }\n    }\n  }\n": typeof types.ExportOrdersPreviewDocument,
    "\n  query ExportPackagesPreview($filter: PackageFilter!) {\n    packages(filter: $filter, first: 20) {\n      totalCount\n      edges {\n        node { id date name category listPrice subsidy residentPrice community { id name } supplier { id name } }\n      }\n    }\n  }\n": typeof types.ExportPackagesPreviewDocument,
    "\n  query ExportPoliciesPreview($filter: PolicyFilter!) {\n    policies(filter: $filter, first: 20) {\n      totalCount\n      edges {\n        node { id regionId category version subsidyPerUnit maxListPrice perHouseholdDailyLimit effectiveFrom effectiveTo status }\n      }\n    }\n  }\n": typeof types.ExportPoliciesPreviewDocument,
    "\n  query ExportsRegionTree($cityId: ID!) {\n    city(id: $cityId) {\n      id\n      name\n      districts { id name streets { id name communities { id name } } }\n    }\n  }\n": typeof types.ExportsRegionTreeDocument,
    "\n  query ExportSeriesPreview($regionId: ID!, $from: Date!, $to: Date!) {\n    orderStatsSeries(regionId: $regionId, from: $from, to: $to) {\n      date\n      stats { orders households units listTotal subsidyTotal payableTotal delivered }\n    }\n  }\n": typeof types.ExportSeriesPreviewDocument,
};
const documents: Documents = {
    "\n  query ViewerScope(\n    $id: ID!\n    $isCity: Boolean!\n    $isStreet: Boolean!\n    $isCommunity: Boolean!\n    $isPartyMember: Boolean!\n    $isCompound: Boolean!\n    $isHousehold: Boolean!\n  ) {\n    city(id: $id) @include(if: $isCity) { id name }\n    street(id: $id) @include(if: $isStreet) { id name }\n    community(id: $id) @include(if: $isCommunity) { id name }\n    partyMember(id: $id) @include(if: $isPartyMember) { id name }\n    compound(id: $id) @include(if: $isCompound) { id name }\n    household(id: $id) @include(if: $isHousehold) { id room building { id name } }\n  }\n": types.ViewerScopeDocument,
    "\n  query ExportGroupBuysPreview($filter: GroupBuyFilter!) {\n    groupBuys(filter: $filter, first: 20) {\n      totalCount\n      edges {\n        node { id title category status participantCount minParticipants deadline pickupPoint compound { id name } }\n      }\n    }\n  }\n": types.ExportGroupBuysPreviewDocument,
    "\n  query ExportOrdersPreview($filter: OrderFilter!) {\n    orders(filter: $filter, first: 20) {\n      totalCount\n      edges {\n        node {\n          id\n          quantity\n          payable\n          status\n          channel\n          placedAt\n          package { id date name category community { id name } }\n        }\n      }\n    }\n  }\n": types.ExportOrdersPreviewDocument,
    "\n  query ExportPackagesPreview($filter: PackageFilter!) {\n    packages(filter: $filter, first: 20) {\n      totalCount\n      edges {\n        node { id date name category listPrice subsidy residentPrice community { id name } supplier { id name } }\n      }\n    }\n  }\n": types.ExportPackagesPreviewDocument,
    "\n  query ExportPoliciesPreview($filter: PolicyFilter!) {\n    policies(filter: $filter, first: 20) {\n      totalCount\n      edges {\n        node { id regionId category version subsidyPerUnit maxListPrice perHouseholdDailyLimit effectiveFrom effectiveTo status }\n      }\n    }\n  }\n": types.ExportPoliciesPreviewDocument,
    "\n  query ExportsRegionTree($cityId: ID!) {\n    city(id: $cityId) {\n      id\n      name\n      districts { id name streets { id name communities { id name } } }\n    }\n  }\n": types.ExportsRegionTreeDocument,
    "\n  query ExportSeriesPreview($regionId: ID!, $from: Date!, $to: Date!) {\n    orderStatsSeries(regionId: $regionId, from: $from, to: $to) {\n      date\n      stats { orders households units listTotal subsidyTotal payableTotal delivered }\n    }\n  }\n": types.ExportSeriesPreviewDocument,
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
export function graphql(source: "\n  query ExportGroupBuysPreview($filter: GroupBuyFilter!) {\n    groupBuys(filter: $filter, first: 20) {\n      totalCount\n      edges {\n        node { id title category status participantCount minParticipants deadline pickupPoint compound { id name } }\n      }\n    }\n  }\n"): (typeof documents)["\n  query ExportGroupBuysPreview($filter: GroupBuyFilter!) {\n    groupBuys(filter: $filter, first: 20) {\n      totalCount\n      edges {\n        node { id title category status participantCount minParticipants deadline pickupPoint compound { id name } }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ExportOrdersPreview($filter: OrderFilter!) {\n    orders(filter: $filter, first: 20) {\n      totalCount\n      edges {\n        node {\n          id\n          quantity\n          payable\n          status\n          channel\n          placedAt\n          package { id date name category community { id name } }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query ExportOrdersPreview($filter: OrderFilter!) {\n    orders(filter: $filter, first: 20) {\n      totalCount\n      edges {\n        node {\n          id\n          quantity\n          payable\n          status\n          channel\n          placedAt\n          package { id date name category community { id name } }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ExportPackagesPreview($filter: PackageFilter!) {\n    packages(filter: $filter, first: 20) {\n      totalCount\n      edges {\n        node { id date name category listPrice subsidy residentPrice community { id name } supplier { id name } }\n      }\n    }\n  }\n"): (typeof documents)["\n  query ExportPackagesPreview($filter: PackageFilter!) {\n    packages(filter: $filter, first: 20) {\n      totalCount\n      edges {\n        node { id date name category listPrice subsidy residentPrice community { id name } supplier { id name } }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ExportPoliciesPreview($filter: PolicyFilter!) {\n    policies(filter: $filter, first: 20) {\n      totalCount\n      edges {\n        node { id regionId category version subsidyPerUnit maxListPrice perHouseholdDailyLimit effectiveFrom effectiveTo status }\n      }\n    }\n  }\n"): (typeof documents)["\n  query ExportPoliciesPreview($filter: PolicyFilter!) {\n    policies(filter: $filter, first: 20) {\n      totalCount\n      edges {\n        node { id regionId category version subsidyPerUnit maxListPrice perHouseholdDailyLimit effectiveFrom effectiveTo status }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ExportsRegionTree($cityId: ID!) {\n    city(id: $cityId) {\n      id\n      name\n      districts { id name streets { id name communities { id name } } }\n    }\n  }\n"): (typeof documents)["\n  query ExportsRegionTree($cityId: ID!) {\n    city(id: $cityId) {\n      id\n      name\n      districts { id name streets { id name communities { id name } } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ExportSeriesPreview($regionId: ID!, $from: Date!, $to: Date!) {\n    orderStatsSeries(regionId: $regionId, from: $from, to: $to) {\n      date\n      stats { orders households units listTotal subsidyTotal payableTotal delivered }\n    }\n  }\n"): (typeof documents)["\n  query ExportSeriesPreview($regionId: ID!, $from: Date!, $to: Date!) {\n    orderStatsSeries(regionId: $regionId, from: $from, to: $to) {\n      date\n      stats { orders households units listTotal subsidyTotal payableTotal delivered }\n    }\n  }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;