/** True when a household's floor of a building lies in one of the ranges. */
export function floorsInclude(
  ranges: ReadonlyArray<{ buildingId: string; floorFrom: number; floorTo: number }>,
  household: { buildingId: string; floor: number },
): boolean {
  return ranges.some(
    (range) => range.buildingId === household.buildingId && range.floorFrom <= household.floor && household.floor <= range.floorTo,
  );
}
