/** A building is covered when every one of its floors falls in some party member's assignment. */
export function isBuildingCovered(floors: number, ranges: ReadonlyArray<{ floorFrom: number; floorTo: number }>): boolean {
  const sorted = [...ranges].sort((a, b) => a.floorFrom - b.floorFrom);
  let coveredUpTo = 0;
  for (const range of sorted) {
    if (range.floorFrom > coveredUpTo + 1) return false;
    coveredUpTo = Math.max(coveredUpTo, range.floorTo);
    if (coveredUpTo >= floors) return true;
  }
  return coveredUpTo >= floors;
}

/** True when a household's floor of a building lies in one of the ranges. */
export function floorsInclude(
  ranges: ReadonlyArray<{ buildingId: string; floorFrom: number; floorTo: number }>,
  household: { buildingId: string; floor: number },
): boolean {
  return ranges.some(
    (range) => range.buildingId === household.buildingId && range.floorFrom <= household.floor && household.floor <= range.floorTo,
  );
}
