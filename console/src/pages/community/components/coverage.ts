/** Floors of a building that no assignment covers, as ranges: floors 1–8 and 12–18 assigned of 18 gives [[9, 11]]. */
export function uncoveredFloors(floors: number, assignments: ReadonlyArray<{ floorFrom: number; floorTo: number }>): Array<[number, number]> {
  const covered = new Array<boolean>(floors + 1).fill(false);
  for (const { floorFrom, floorTo } of assignments) {
    for (let floor = Math.max(1, floorFrom); floor <= Math.min(floors, floorTo); floor++) covered[floor] = true;
  }
  const ranges: Array<[number, number]> = [];
  for (let floor = 1; floor <= floors; floor++) {
    if (covered[floor]) continue;
    const last = ranges.at(-1);
    if (last && last[1] === floor - 1) last[1] = floor;
    else ranges.push([floor, floor]);
  }
  return ranges;
}
