import { toFen } from '../../../lib/money.js';

/** A policy in force for a community on a date, as subsidyPolicyMatrix answers it. */
export interface PolicyInForce {
  regionId: string;
  category: string;
  version: number;
  subsidyPerUnit: string;
  maxListPrice: string;
}

/** The draft being previewed (the mutation's input). */
export interface Draft {
  regionId: string;
  category: string;
  subsidyPerUnit: string;
  maxListPrice: string;
}

/** A package that may change price, as packages(filter:) answers it. */
export interface PackageNow {
  id: string;
  name: string;
  date: string;
  listPrice: string;
  subsidy: string | null;
  residentPrice: string | null;
  communityId: string | null;
}

/** What a package's subsidy is under terms: the subsidy per unit when its list price is within the cap, else nothing. */
export function subsidyUnder(listPriceFen: number, terms: { subsidyPerUnit: string; maxListPrice: string } | null): number {
  return terms && listPriceFen <= toFen(terms.maxListPrice) ? toFen(terms.subsidyPerUnit) : 0;
}

/**
 * Whether the draft would govern a community whose policy in force is `current`: a policy of a more specific region
 * (a street's under a district's draft) keeps winning; one of the same region or a wider one gives way.
 */
export function draftWins(draft: Draft, current: PolicyInForce | null): boolean {
  return !current || current.regionId.length <= draft.regionId.length;
}

/** The policies in force of the draft's category, by community and date. */
export function inForceIndex(
  matrix: ReadonlyArray<{ regionId: string; date: string; policies: readonly PolicyInForce[] }>,
  category: string,
): (communityId: string, date: string) => PolicyInForce | null {
  const byKey = new Map<string, PolicyInForce>();
  for (const cell of matrix) {
    const policy = cell.policies.find((p) => p.category === category);
    if (policy) byKey.set(`${cell.regionId}@${cell.date}`, policy);
  }
  return (communityId, date) => byKey.get(`${communityId}@${date}`) ?? null;
}

/** How one community's subsidy per unit changes on the draft's first day. */
export interface CommunityChange {
  communityId: string;
  current: PolicyInForce | null;
  /** A more specific region's policy keeps governing the community: nothing changes. */
  keptBy: string | null;
  oldSubsidyFen: number;
  newSubsidyFen: number;
  oldCapFen: number | null;
  newCapFen: number;
}

/** Per community under the draft's region: the subsidy per unit and cap in force on `date` now, and after publishing. */
export function communityChanges(draft: Draft, communityIds: readonly string[], date: string, inForce: ReturnType<typeof inForceIndex>): CommunityChange[] {
  return communityIds.map((communityId) => {
    const current = inForce(communityId, date);
    const wins = draftWins(draft, current);
    const oldSubsidyFen = current ? toFen(current.subsidyPerUnit) : 0;
    const oldCapFen = current ? toFen(current.maxListPrice) : null;
    return {
      communityId,
      current,
      keptBy: wins ? null : current!.regionId,
      oldSubsidyFen,
      newSubsidyFen: wins ? toFen(draft.subsidyPerUnit) : oldSubsidyFen,
      oldCapFen,
      newCapFen: wins ? toFen(draft.maxListPrice) : (oldCapFen ?? 0),
    };
  });
}

/** How one package's subsidy and resident price change, in fen. */
export interface PackageChange {
  pkg: PackageNow;
  keptBy: string | null;
  listFen: number;
  /** Null while the city could not be asked for today's price. */
  oldSubsidyFen: number | null;
  newSubsidyFen: number;
  oldResidentFen: number | null;
  newResidentFen: number;
  /** newResident - oldResident; null when the old price is unknown. */
  changeFen: number | null;
  /** The list price is above the draft's cap: the package would lose its subsidy. */
  aboveCap: boolean;
}

/** Per package: today's subsidy and resident price against those under the draft (resident price = list price - subsidy). */
export function packageChanges(draft: Draft, packages: readonly PackageNow[], inForce: ReturnType<typeof inForceIndex>): PackageChange[] {
  return packages.map((pkg) => {
    const current = pkg.communityId ? inForce(pkg.communityId, pkg.date) : null;
    const wins = draftWins(draft, current);
    const listFen = toFen(pkg.listPrice);
    const oldSubsidyFen = pkg.subsidy === null ? null : toFen(pkg.subsidy);
    const oldResidentFen = pkg.residentPrice === null ? null : toFen(pkg.residentPrice);
    const newSubsidyFen = wins ? subsidyUnder(listFen, draft) : (oldSubsidyFen ?? subsidyUnder(listFen, current));
    const newResidentFen = listFen - newSubsidyFen;
    return {
      pkg,
      keptBy: wins ? null : current!.regionId,
      listFen,
      oldSubsidyFen,
      newSubsidyFen,
      oldResidentFen,
      newResidentFen,
      changeFen: oldResidentFen === null ? null : newResidentFen - oldResidentFen,
      aboveCap: wins && listFen > toFen(draft.maxListPrice),
    };
  });
}
