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
    "\n  query PolicyAuditLog($cityId: ID!, $before: ID) {\n    auditLog(cityId: $cityId, first: 50, before: $before) {\n      entries {\n        id\n        at\n        actor\n        actorRole\n        action\n        regionId\n        subjectId\n        details\n      }\n      nextBefore\n    }\n  }\n": typeof types.PolicyAuditLogDocument,
    "\n  query PolicyBudgets($cityId: ID!) {\n    city(id: $cityId) {\n      id\n      name\n      subsidyBudget {\n        regionId\n        allocated\n        spent\n        remaining\n        allocatedAt\n        allocatedBy\n      }\n      districts {\n        id\n        name\n        subsidyBudget {\n          regionId\n          allocated\n          spent\n          remaining\n          allocatedAt\n          allocatedBy\n        }\n      }\n    }\n  }\n": typeof types.PolicyBudgetsDocument,
    "\n  mutation AllocateBudget($input: AllocateSubsidyBudgetInput!) {\n    allocateSubsidyBudget(input: $input) {\n      regionId\n      allocated\n      spent\n      remaining\n      allocatedAt\n      allocatedBy\n    }\n  }\n": typeof types.AllocateBudgetDocument,
    "\n  query PolicyList($filter: PolicyFilter!) {\n    policies(filter: $filter, first: 100) {\n      totalCount\n      edges {\n        node {\n          id\n          version\n          regionId\n          category\n          subsidyPerUnit\n          maxListPrice\n          perHouseholdDailyLimit\n          effectiveFrom\n          effectiveTo\n          status\n          publishedBy\n          publishedAt\n          revokedAt\n        }\n      }\n    }\n  }\n": typeof types.PolicyListDocument,
    "\n  mutation PublishPolicy($input: PublishSubsidyPolicyInput!) {\n    publishSubsidyPolicy(input: $input) {\n      id\n      version\n      regionId\n      category\n      subsidyPerUnit\n      maxListPrice\n      perHouseholdDailyLimit\n      effectiveFrom\n      effectiveTo\n      status\n    }\n  }\n": typeof types.PublishPolicyDocument,
    "\n  query PublishPreviewPackages($filter: PackageFilter!) {\n    packages(filter: $filter, first: 100) {\n      totalCount\n      edges {\n        node {\n          id\n          name\n          date\n          listPrice\n          subsidy\n          residentPrice\n          community {\n            id\n          }\n        }\n      }\n    }\n  }\n": typeof types.PublishPreviewPackagesDocument,
    "\n  query PublishPreviewMatrix($regionIds: [ID!]!, $dates: [Date!]!) {\n    subsidyPolicyMatrix(regionIds: $regionIds, dates: $dates) {\n      regionId\n      date\n      policies {\n        id\n        regionId\n        category\n        version\n        subsidyPerUnit\n        maxListPrice\n      }\n    }\n  }\n": typeof types.PublishPreviewMatrixDocument,
    "\n  mutation RevokePolicy($id: ID!, $effectiveTo: Date!) {\n    revokeSubsidyPolicy(id: $id, effectiveTo: $effectiveTo) {\n      id\n      version\n      regionId\n      category\n      effectiveFrom\n      effectiveTo\n      status\n      revokedAt\n      revokedBy\n    }\n  }\n": typeof types.RevokePolicyDocument,
    "\n  query SuppliersOfRegion($regionId: ID!) {\n    suppliers(regionId: $regionId) {\n      id\n      name\n      address\n      regionId\n    }\n  }\n": typeof types.SuppliersOfRegionDocument,
    "\n  mutation DesignateRegionSupplier($input: DesignateSupplierInput!) {\n    designateSupplier(input: $input) {\n      id\n      name\n      address\n      regionId\n    }\n  }\n": typeof types.DesignateRegionSupplierDocument,
    "\n  fragment RegionTree_CityFragment on City {\n    id\n    name\n    districts {\n      id\n      name\n      streets {\n        id\n        name\n        communities {\n          id\n          name\n        }\n      }\n    }\n  }\n": typeof types.RegionTree_CityFragmentFragmentDoc,
    "\n  query PoliciesPage($cityId: ID!) {\n    city(id: $cityId) {\n      id\n      ...RegionTree_CityFragment\n    }\n  }\n": typeof types.PoliciesPageDocument,
};
const documents: Documents = {
    "\n  query ViewerScope(\n    $id: ID!\n    $isCity: Boolean!\n    $isStreet: Boolean!\n    $isCommunity: Boolean!\n    $isPartyMember: Boolean!\n    $isCompound: Boolean!\n    $isHousehold: Boolean!\n  ) {\n    city(id: $id) @include(if: $isCity) { id name }\n    street(id: $id) @include(if: $isStreet) { id name }\n    community(id: $id) @include(if: $isCommunity) { id name }\n    partyMember(id: $id) @include(if: $isPartyMember) { id name }\n    compound(id: $id) @include(if: $isCompound) { id name }\n    household(id: $id) @include(if: $isHousehold) { id room building { id name } }\n  }\n": types.ViewerScopeDocument,
    "\n  query PolicyAuditLog($cityId: ID!, $before: ID) {\n    auditLog(cityId: $cityId, first: 50, before: $before) {\n      entries {\n        id\n        at\n        actor\n        actorRole\n        action\n        regionId\n        subjectId\n        details\n      }\n      nextBefore\n    }\n  }\n": types.PolicyAuditLogDocument,
    "\n  query PolicyBudgets($cityId: ID!) {\n    city(id: $cityId) {\n      id\n      name\n      subsidyBudget {\n        regionId\n        allocated\n        spent\n        remaining\n        allocatedAt\n        allocatedBy\n      }\n      districts {\n        id\n        name\n        subsidyBudget {\n          regionId\n          allocated\n          spent\n          remaining\n          allocatedAt\n          allocatedBy\n        }\n      }\n    }\n  }\n": types.PolicyBudgetsDocument,
    "\n  mutation AllocateBudget($input: AllocateSubsidyBudgetInput!) {\n    allocateSubsidyBudget(input: $input) {\n      regionId\n      allocated\n      spent\n      remaining\n      allocatedAt\n      allocatedBy\n    }\n  }\n": types.AllocateBudgetDocument,
    "\n  query PolicyList($filter: PolicyFilter!) {\n    policies(filter: $filter, first: 100) {\n      totalCount\n      edges {\n        node {\n          id\n          version\n          regionId\n          category\n          subsidyPerUnit\n          maxListPrice\n          perHouseholdDailyLimit\n          effectiveFrom\n          effectiveTo\n          status\n          publishedBy\n          publishedAt\n          revokedAt\n        }\n      }\n    }\n  }\n": types.PolicyListDocument,
    "\n  mutation PublishPolicy($input: PublishSubsidyPolicyInput!) {\n    publishSubsidyPolicy(input: $input) {\n      id\n      version\n      regionId\n      category\n      subsidyPerUnit\n      maxListPrice\n      perHouseholdDailyLimit\n      effectiveFrom\n      effectiveTo\n      status\n    }\n  }\n": types.PublishPolicyDocument,
    "\n  query PublishPreviewPackages($filter: PackageFilter!) {\n    packages(filter: $filter, first: 100) {\n      totalCount\n      edges {\n        node {\n          id\n          name\n          date\n          listPrice\n          subsidy\n          residentPrice\n          community {\n            id\n          }\n        }\n      }\n    }\n  }\n": types.PublishPreviewPackagesDocument,
    "\n  query PublishPreviewMatrix($regionIds: [ID!]!, $dates: [Date!]!) {\n    subsidyPolicyMatrix(regionIds: $regionIds, dates: $dates) {\n      regionId\n      date\n      policies {\n        id\n        regionId\n        category\n        version\n        subsidyPerUnit\n        maxListPrice\n      }\n    }\n  }\n": types.PublishPreviewMatrixDocument,
    "\n  mutation RevokePolicy($id: ID!, $effectiveTo: Date!) {\n    revokeSubsidyPolicy(id: $id, effectiveTo: $effectiveTo) {\n      id\n      version\n      regionId\n      category\n      effectiveFrom\n      effectiveTo\n      status\n      revokedAt\n      revokedBy\n    }\n  }\n": types.RevokePolicyDocument,
    "\n  query SuppliersOfRegion($regionId: ID!) {\n    suppliers(regionId: $regionId) {\n      id\n      name\n      address\n      regionId\n    }\n  }\n": types.SuppliersOfRegionDocument,
    "\n  mutation DesignateRegionSupplier($input: DesignateSupplierInput!) {\n    designateSupplier(input: $input) {\n      id\n      name\n      address\n      regionId\n    }\n  }\n": types.DesignateRegionSupplierDocument,
    "\n  fragment RegionTree_CityFragment on City {\n    id\n    name\n    districts {\n      id\n      name\n      streets {\n        id\n        name\n        communities {\n          id\n          name\n        }\n      }\n    }\n  }\n": types.RegionTree_CityFragmentFragmentDoc,
    "\n  query PoliciesPage($cityId: ID!) {\n    city(id: $cityId) {\n      id\n      ...RegionTree_CityFragment\n    }\n  }\n": types.PoliciesPageDocument,
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
export function graphql(source: "\n  query PolicyAuditLog($cityId: ID!, $before: ID) {\n    auditLog(cityId: $cityId, first: 50, before: $before) {\n      entries {\n        id\n        at\n        actor\n        actorRole\n        action\n        regionId\n        subjectId\n        details\n      }\n      nextBefore\n    }\n  }\n"): (typeof documents)["\n  query PolicyAuditLog($cityId: ID!, $before: ID) {\n    auditLog(cityId: $cityId, first: 50, before: $before) {\n      entries {\n        id\n        at\n        actor\n        actorRole\n        action\n        regionId\n        subjectId\n        details\n      }\n      nextBefore\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PolicyBudgets($cityId: ID!) {\n    city(id: $cityId) {\n      id\n      name\n      subsidyBudget {\n        regionId\n        allocated\n        spent\n        remaining\n        allocatedAt\n        allocatedBy\n      }\n      districts {\n        id\n        name\n        subsidyBudget {\n          regionId\n          allocated\n          spent\n          remaining\n          allocatedAt\n          allocatedBy\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query PolicyBudgets($cityId: ID!) {\n    city(id: $cityId) {\n      id\n      name\n      subsidyBudget {\n        regionId\n        allocated\n        spent\n        remaining\n        allocatedAt\n        allocatedBy\n      }\n      districts {\n        id\n        name\n        subsidyBudget {\n          regionId\n          allocated\n          spent\n          remaining\n          allocatedAt\n          allocatedBy\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AllocateBudget($input: AllocateSubsidyBudgetInput!) {\n    allocateSubsidyBudget(input: $input) {\n      regionId\n      allocated\n      spent\n      remaining\n      allocatedAt\n      allocatedBy\n    }\n  }\n"): (typeof documents)["\n  mutation AllocateBudget($input: AllocateSubsidyBudgetInput!) {\n    allocateSubsidyBudget(input: $input) {\n      regionId\n      allocated\n      spent\n      remaining\n      allocatedAt\n      allocatedBy\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PolicyList($filter: PolicyFilter!) {\n    policies(filter: $filter, first: 100) {\n      totalCount\n      edges {\n        node {\n          id\n          version\n          regionId\n          category\n          subsidyPerUnit\n          maxListPrice\n          perHouseholdDailyLimit\n          effectiveFrom\n          effectiveTo\n          status\n          publishedBy\n          publishedAt\n          revokedAt\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query PolicyList($filter: PolicyFilter!) {\n    policies(filter: $filter, first: 100) {\n      totalCount\n      edges {\n        node {\n          id\n          version\n          regionId\n          category\n          subsidyPerUnit\n          maxListPrice\n          perHouseholdDailyLimit\n          effectiveFrom\n          effectiveTo\n          status\n          publishedBy\n          publishedAt\n          revokedAt\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PublishPolicy($input: PublishSubsidyPolicyInput!) {\n    publishSubsidyPolicy(input: $input) {\n      id\n      version\n      regionId\n      category\n      subsidyPerUnit\n      maxListPrice\n      perHouseholdDailyLimit\n      effectiveFrom\n      effectiveTo\n      status\n    }\n  }\n"): (typeof documents)["\n  mutation PublishPolicy($input: PublishSubsidyPolicyInput!) {\n    publishSubsidyPolicy(input: $input) {\n      id\n      version\n      regionId\n      category\n      subsidyPerUnit\n      maxListPrice\n      perHouseholdDailyLimit\n      effectiveFrom\n      effectiveTo\n      status\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PublishPreviewPackages($filter: PackageFilter!) {\n    packages(filter: $filter, first: 100) {\n      totalCount\n      edges {\n        node {\n          id\n          name\n          date\n          listPrice\n          subsidy\n          residentPrice\n          community {\n            id\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query PublishPreviewPackages($filter: PackageFilter!) {\n    packages(filter: $filter, first: 100) {\n      totalCount\n      edges {\n        node {\n          id\n          name\n          date\n          listPrice\n          subsidy\n          residentPrice\n          community {\n            id\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PublishPreviewMatrix($regionIds: [ID!]!, $dates: [Date!]!) {\n    subsidyPolicyMatrix(regionIds: $regionIds, dates: $dates) {\n      regionId\n      date\n      policies {\n        id\n        regionId\n        category\n        version\n        subsidyPerUnit\n        maxListPrice\n      }\n    }\n  }\n"): (typeof documents)["\n  query PublishPreviewMatrix($regionIds: [ID!]!, $dates: [Date!]!) {\n    subsidyPolicyMatrix(regionIds: $regionIds, dates: $dates) {\n      regionId\n      date\n      policies {\n        id\n        regionId\n        category\n        version\n        subsidyPerUnit\n        maxListPrice\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RevokePolicy($id: ID!, $effectiveTo: Date!) {\n    revokeSubsidyPolicy(id: $id, effectiveTo: $effectiveTo) {\n      id\n      version\n      regionId\n      category\n      effectiveFrom\n      effectiveTo\n      status\n      revokedAt\n      revokedBy\n    }\n  }\n"): (typeof documents)["\n  mutation RevokePolicy($id: ID!, $effectiveTo: Date!) {\n    revokeSubsidyPolicy(id: $id, effectiveTo: $effectiveTo) {\n      id\n      version\n      regionId\n      category\n      effectiveFrom\n      effectiveTo\n      status\n      revokedAt\n      revokedBy\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SuppliersOfRegion($regionId: ID!) {\n    suppliers(regionId: $regionId) {\n      id\n      name\n      address\n      regionId\n    }\n  }\n"): (typeof documents)["\n  query SuppliersOfRegion($regionId: ID!) {\n    suppliers(regionId: $regionId) {\n      id\n      name\n      address\n      regionId\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DesignateRegionSupplier($input: DesignateSupplierInput!) {\n    designateSupplier(input: $input) {\n      id\n      name\n      address\n      regionId\n    }\n  }\n"): (typeof documents)["\n  mutation DesignateRegionSupplier($input: DesignateSupplierInput!) {\n    designateSupplier(input: $input) {\n      id\n      name\n      address\n      regionId\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment RegionTree_CityFragment on City {\n    id\n    name\n    districts {\n      id\n      name\n      streets {\n        id\n        name\n        communities {\n          id\n          name\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  fragment RegionTree_CityFragment on City {\n    id\n    name\n    districts {\n      id\n      name\n      streets {\n        id\n        name\n        communities {\n          id\n          name\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PoliciesPage($cityId: ID!) {\n    city(id: $cityId) {\n      id\n      ...RegionTree_CityFragment\n    }\n  }\n"): (typeof documents)["\n  query PoliciesPage($cityId: ID!) {\n    city(id: $cityId) {\n      id\n      ...RegionTree_CityFragment\n    }\n  }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;