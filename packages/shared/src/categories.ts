/**
 * The categories of standard benefit packages (惠民套餐) the city can subsidise. The city and
 * community subgraphs declare the same enum; this is its one list in code.
 */
export const PACKAGE_CATEGORIES = [
  'VEGETABLE_BASIC',
  'PORK_BASIC',
  'EGG_BASIC',
  'GRAIN_OIL',
  'MILK',
  'MEDICINE',
] as const;
export type PackageCategory = (typeof PACKAGE_CATEGORIES)[number];
