/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
/** What a group buy is for. */
export type GroupBuyCategory =
  /** Daily necessities (日用品). */
  | 'DAILY_NECESSITIES'
  /** Fruit (水果). */
  | 'FRUIT'
  /** Grain and oil (粮油). */
  | 'GRAIN_OIL'
  /** Meat (肉类). */
  | 'MEAT'
  /** Medicine (药品). */
  | 'MEDICINE'
  /** Anything else. */
  | 'OTHER'
  /** Seafood (海鲜). */
  | 'SEAFOOD'
  /** Vegetables (蔬菜). */
  | 'VEGETABLE';

/** Which group buys to list. */
export type GroupBuyFilter = {
  /** Only this kind of goods. */
  category?: GroupBuyCategory | null | undefined;
  /** Only those whose deadline is at or after this instant… */
  deadlineFrom?: string | null | undefined;
  /** …and at or before this one. */
  deadlineTo?: string | null | undefined;
  /** A city, district, street or community code. */
  regionId: string | number;
  /** Only group buys in this status. */
  status?: GroupBuyStatus | null | undefined;
};

/** Where a group buy is: OPEN, then CONFIRMED or CANCELLED at closing, then DISTRIBUTING and COMPLETED. */
export type GroupBuyStatus =
  /** Closed with too few households: it does not go ahead. */
  | 'CANCELLED'
  /** Done. */
  | 'COMPLETED'
  /** Closed with enough households: it goes ahead. */
  | 'CONFIRMED'
  /** The goods are being shared out at the pickup point. */
  | 'DISTRIBUTING'
  /** Households may join until the deadline. */
  | 'OPEN';

/** How an order was collected. */
export type OrderChannel =
  /** The resident ordered in the app. */
  | 'APP'
  /** A party member asked at the door. */
  | 'DOOR_TO_DOOR'
  /** Collected from the building's WeChat group chain message (接龙). */
  | 'GROUP_CHAIN'
  /** Taken by phone. */
  | 'PHONE';

/** Which orders to list. */
export type OrderFilter = {
  /** Only this package category. */
  category?: PackageCategory | null | undefined;
  /** Only orders collected this way. */
  channel?: OrderChannel | null | undefined;
  /** The first delivery date (inclusive). */
  dateFrom?: string | null | undefined;
  /** The last delivery date (inclusive). */
  dateTo?: string | null | undefined;
  /** A city, district, street or community code: orders of every community inside it. */
  regionId: string | number;
  /** Only orders in this status. */
  status?: OrderStatus | null | undefined;
};

/** Where an order is on its way to the door. */
export type OrderStatus =
  /** At the compound gate, for the party members to carry up. */
  | 'AT_GATE'
  /** Cancelled before it was reported. */
  | 'CANCELLED'
  /** Delivered to the household's door. */
  | 'DELIVERED'
  /** Placed, not yet reported to the committee. */
  | 'PLACED'
  /** Bought from the supplier. */
  | 'PROCURED'
  /** Counted in the compound's report to the committee. */
  | 'REPORTED';

/** A category of standard benefit package (惠民套餐) that the city can subsidise. */
export type PackageCategory =
  /** Basic egg package (鸡蛋套餐). */
  | 'EGG_BASIC'
  /** Grain and cooking oil (粮油). */
  | 'GRAIN_OIL'
  /** Common medicines (常用药品). */
  | 'MEDICINE'
  /** Milk (牛奶). */
  | 'MILK'
  /** Basic pork package (猪肉基本套餐), e.g. 2 jin. */
  | 'PORK_BASIC'
  /** Basic vegetable package (蔬菜基本套餐), e.g. 6 kinds, about 15 jin. */
  | 'VEGETABLE_BASIC';

/** Which packages to list. */
export type PackageFilter = {
  /** Only this category. */
  category?: PackageCategory | null | undefined;
  /** The first delivery date (inclusive). */
  dateFrom?: string | null | undefined;
  /** The last delivery date (inclusive). */
  dateTo?: string | null | undefined;
  /** A city, district, street or community code. */
  regionId: string | number;
};

/** Which policy versions to list. */
export type PolicyFilter = {
  /** Only versions in force on some day from this date… */
  activeFrom?: string | null | undefined;
  /** …to this date (inclusive). */
  activeTo?: string | null | undefined;
  /** Only this package category. */
  category?: PackageCategory | null | undefined;
  /** A city, district or street code: versions at that region and every region inside it. */
  regionId: string | number;
  /** Only versions in this status today. */
  status?: SubsidyPolicyStatus | null | undefined;
};

/** Where a policy version stands today (Asia/Shanghai). */
export type SubsidyPolicyStatus =
  /** In force today. */
  | 'ACTIVE'
  /** Its last day has passed. */
  | 'ENDED'
  /** Revoked by the city; it stays in force up to its (shortened) effectiveTo. */
  | 'REVOKED'
  /** Published; its first day is still to come. */
  | 'SCHEDULED';

export type ViewerScopeQueryVariables = Exact<{
  id: string | number;
  isCity: boolean;
  isStreet: boolean;
  isCommunity: boolean;
  isPartyMember: boolean;
  isCompound: boolean;
  isHousehold: boolean;
}>;


export type ViewerScopeQuery = { city?: { id: string, name: string } | null, street?: { id: string, name: string } | null, community?: { id: string, name: string } | null, partyMember?: { id: string, name: string | null } | null, compound?: { id: string, name: string } | null, household?: { id: string, room: string, building: { id: string, name: string } } | null };

export type ExportGroupBuysPreviewQueryVariables = Exact<{
  filter: GroupBuyFilter;
}>;


export type ExportGroupBuysPreviewQuery = { groupBuys: { totalCount: number, edges: Array<{ node: { id: string, title: string, category: GroupBuyCategory, status: GroupBuyStatus, participantCount: number, minParticipants: number, deadline: string, pickupPoint: string, compound: { id: string, name: string } | null } }> } | null };

export type ExportOrdersPreviewQueryVariables = Exact<{
  filter: OrderFilter;
}>;


export type ExportOrdersPreviewQuery = { orders: { totalCount: number, edges: Array<{ node: { id: string, quantity: number, payable: string, status: OrderStatus, channel: OrderChannel, placedAt: string, package: { id: string, date: string, name: string, category: PackageCategory, community: { id: string, name: string } | null } } }> } | null };

export type ExportPackagesPreviewQueryVariables = Exact<{
  filter: PackageFilter;
}>;


export type ExportPackagesPreviewQuery = { packages: { totalCount: number, edges: Array<{ node: { id: string, date: string, name: string, category: PackageCategory, listPrice: string, subsidy: string | null, residentPrice: string | null, community: { id: string, name: string } | null, supplier: { id: string, name: string } | null } }> } | null };

export type ExportPoliciesPreviewQueryVariables = Exact<{
  filter: PolicyFilter;
}>;


export type ExportPoliciesPreviewQuery = { policies: { totalCount: number, edges: Array<{ node: { id: string, regionId: string, category: PackageCategory, version: number, subsidyPerUnit: string, maxListPrice: string, perHouseholdDailyLimit: number, effectiveFrom: string, effectiveTo: string | null, status: SubsidyPolicyStatus } }> } | null };

export type ExportsRegionTreeQueryVariables = Exact<{
  cityId: string | number;
}>;


export type ExportsRegionTreeQuery = { city: { id: string, name: string, districts: Array<{ id: string, name: string, streets: Array<{ id: string, name: string, communities: Array<{ id: string, name: string }> }> }> } | null };

export type ExportSeriesPreviewQueryVariables = Exact<{
  regionId: string | number;
  from: string;
  to: string;
}>;


export type ExportSeriesPreviewQuery = { orderStatsSeries: Array<{ date: string, stats: { orders: number, households: number, units: number, listTotal: string, subsidyTotal: string, payableTotal: string, delivered: number } }> | null };


export const ViewerScopeDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ViewerScope"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"isCity"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Boolean"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"isStreet"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Boolean"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"isCommunity"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Boolean"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"isPartyMember"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Boolean"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"isCompound"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Boolean"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"isHousehold"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Boolean"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"city"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"directives":[{"kind":"Directive","name":{"kind":"Name","value":"include"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"if"},"value":{"kind":"Variable","name":{"kind":"Name","value":"isCity"}}}]}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"street"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"directives":[{"kind":"Directive","name":{"kind":"Name","value":"include"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"if"},"value":{"kind":"Variable","name":{"kind":"Name","value":"isStreet"}}}]}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"community"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"directives":[{"kind":"Directive","name":{"kind":"Name","value":"include"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"if"},"value":{"kind":"Variable","name":{"kind":"Name","value":"isCommunity"}}}]}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"partyMember"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"directives":[{"kind":"Directive","name":{"kind":"Name","value":"include"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"if"},"value":{"kind":"Variable","name":{"kind":"Name","value":"isPartyMember"}}}]}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"compound"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"directives":[{"kind":"Directive","name":{"kind":"Name","value":"include"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"if"},"value":{"kind":"Variable","name":{"kind":"Name","value":"isCompound"}}}]}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"household"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"directives":[{"kind":"Directive","name":{"kind":"Name","value":"include"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"if"},"value":{"kind":"Variable","name":{"kind":"Name","value":"isHousehold"}}}]}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"room"}},{"kind":"Field","name":{"kind":"Name","value":"building"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]} as unknown as DocumentNode<ViewerScopeQuery, ViewerScopeQueryVariables>;
export const ExportGroupBuysPreviewDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ExportGroupBuysPreview"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"GroupBuyFilter"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"groupBuys"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"20"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"category"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"participantCount"}},{"kind":"Field","name":{"kind":"Name","value":"minParticipants"}},{"kind":"Field","name":{"kind":"Name","value":"deadline"}},{"kind":"Field","name":{"kind":"Name","value":"pickupPoint"}},{"kind":"Field","name":{"kind":"Name","value":"compound"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<ExportGroupBuysPreviewQuery, ExportGroupBuysPreviewQueryVariables>;
export const ExportOrdersPreviewDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ExportOrdersPreview"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"OrderFilter"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"orders"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"20"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"quantity"}},{"kind":"Field","name":{"kind":"Name","value":"payable"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"channel"}},{"kind":"Field","name":{"kind":"Name","value":"placedAt"}},{"kind":"Field","name":{"kind":"Name","value":"package"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"date"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"category"}},{"kind":"Field","name":{"kind":"Name","value":"community"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<ExportOrdersPreviewQuery, ExportOrdersPreviewQueryVariables>;
export const ExportPackagesPreviewDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ExportPackagesPreview"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"PackageFilter"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"packages"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"20"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"date"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"category"}},{"kind":"Field","name":{"kind":"Name","value":"listPrice"}},{"kind":"Field","name":{"kind":"Name","value":"subsidy"}},{"kind":"Field","name":{"kind":"Name","value":"residentPrice"}},{"kind":"Field","name":{"kind":"Name","value":"community"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"supplier"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<ExportPackagesPreviewQuery, ExportPackagesPreviewQueryVariables>;
export const ExportPoliciesPreviewDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ExportPoliciesPreview"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"PolicyFilter"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"policies"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"20"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"regionId"}},{"kind":"Field","name":{"kind":"Name","value":"category"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"subsidyPerUnit"}},{"kind":"Field","name":{"kind":"Name","value":"maxListPrice"}},{"kind":"Field","name":{"kind":"Name","value":"perHouseholdDailyLimit"}},{"kind":"Field","name":{"kind":"Name","value":"effectiveFrom"}},{"kind":"Field","name":{"kind":"Name","value":"effectiveTo"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]}}]}}]} as unknown as DocumentNode<ExportPoliciesPreviewQuery, ExportPoliciesPreviewQueryVariables>;
export const ExportsRegionTreeDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ExportsRegionTree"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"cityId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"city"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"cityId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"districts"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"streets"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"communities"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<ExportsRegionTreeQuery, ExportsRegionTreeQueryVariables>;
export const ExportSeriesPreviewDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ExportSeriesPreview"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"regionId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"from"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Date"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"to"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Date"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"orderStatsSeries"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"regionId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"regionId"}}},{"kind":"Argument","name":{"kind":"Name","value":"from"},"value":{"kind":"Variable","name":{"kind":"Name","value":"from"}}},{"kind":"Argument","name":{"kind":"Name","value":"to"},"value":{"kind":"Variable","name":{"kind":"Name","value":"to"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"date"}},{"kind":"Field","name":{"kind":"Name","value":"stats"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"orders"}},{"kind":"Field","name":{"kind":"Name","value":"households"}},{"kind":"Field","name":{"kind":"Name","value":"units"}},{"kind":"Field","name":{"kind":"Name","value":"listTotal"}},{"kind":"Field","name":{"kind":"Name","value":"subsidyTotal"}},{"kind":"Field","name":{"kind":"Name","value":"payableTotal"}},{"kind":"Field","name":{"kind":"Name","value":"delivered"}}]}}]}}]}}]} as unknown as DocumentNode<ExportSeriesPreviewQuery, ExportSeriesPreviewQueryVariables>;