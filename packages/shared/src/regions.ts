import { badInput } from './errors.js';

/**
 * Region ids are China's statistical division codes (统计用区划代码), nested so that a longer code
 * starts with its parents': city 4 digits, district 6, street 9, community 12.
 */
export const RegionLevel = {
  CITY: 'CITY',
  DISTRICT: 'DISTRICT',
  STREET: 'STREET',
  COMMUNITY: 'COMMUNITY',
} as const;
export type RegionLevel = (typeof RegionLevel)[keyof typeof RegionLevel];

export const REGION_CODE_LENGTH: Record<RegionLevel, number> = {
  CITY: 4,
  DISTRICT: 6,
  STREET: 9,
  COMMUNITY: 12,
};

const LEVEL_BY_LENGTH = new Map<number, RegionLevel>(
  Object.entries(REGION_CODE_LENGTH).map(([level, length]) => [length, level as RegionLevel]),
);

const LEVEL_WORD: Record<RegionLevel, string> = {
  CITY: 'city',
  DISTRICT: 'district',
  STREET: 'street',
  COMMUNITY: 'community',
};

/** The level of a region code, or null when it is not a well-formed code. */
export function regionLevel(id: string): RegionLevel | null {
  if (!/^\d+$/.test(id)) return null;
  return LEVEL_BY_LENGTH.get(id.length) ?? null;
}

/** The codes of a region and every region containing it, from the city down. */
export function regionLineage(id: string): string[] {
  const level = regionLevel(id);
  if (!level) return [];
  return Object.values(REGION_CODE_LENGTH)
    .filter((length) => length <= id.length)
    .map((length) => id.slice(0, length));
}

/** The code of the region directly containing this one, or null for a city. */
export function parentRegionId(id: string): string | null {
  const lineage = regionLineage(id);
  return lineage.length > 1 ? (lineage[lineage.length - 2] ?? null) : null;
}

/** True when `outer` is `inner` or contains it. */
export function regionContains(outer: string, inner: string): boolean {
  return regionLevel(outer) !== null && regionLevel(inner) !== null && inner.startsWith(outer);
}

/** Refuses a malformed code (or one of the wrong level) with a message that says what a code looks like. */
export function assertRegionId(id: string, field: string, ...levels: RegionLevel[]): RegionLevel {
  const level = regionLevel(id);
  const allowed = levels.length ? levels : (Object.keys(REGION_CODE_LENGTH) as RegionLevel[]);
  if (!level || !allowed.includes(level)) {
    const what = allowed.map((l) => `a ${LEVEL_WORD[l]} (${REGION_CODE_LENGTH[l]} digits)`).join(' or ');
    throw badInput(`${field} must be the division code of ${what}; "${id}" is not.`, field);
  }
  return level;
}

/** True when one region contains the other (either way): the policies of a city apply to its streets, and a street's to its communities. */
export function regionsRelated(a: string, b: string): boolean {
  return regionContains(a, b) || regionContains(b, a);
}

/** A SQL LIKE pattern for every code inside a region (the code is checked to be digits first). */
export function regionPattern(regionId: string): string {
  if (!/^\d+$/.test(regionId)) throw badInput(`"${regionId}" is not a division code.`, 'regionId');
  return `${regionId}%`;
}
