/** A grid with the grids under it, in the order the platform lists them (community grid, areas, micro-grids, dedicated grids). */
export interface GridNode<G> {
  grid: G;
  children: Array<GridNode<G>>;
}

/** The smallest a grid needs to be placed in the tree. */
interface Placed {
  id: string;
  parent: { id: string } | null;
}

/**
 * The grids as a tree, each under its parent: the roots are the grids without a parent (the community grid), or whose
 * parent is not in the list. Children keep the list's order.
 */
export function buildGridTree<G extends Placed>(grids: readonly G[]): Array<GridNode<G>> {
  const nodes = new Map(grids.map((grid) => [grid.id, { grid, children: [] as Array<GridNode<G>> }]));
  const roots: Array<GridNode<G>> = [];
  for (const grid of grids) {
    const node = nodes.get(grid.id)!;
    const parent = grid.parent ? nodes.get(grid.parent.id) : undefined;
    if (parent) parent.children.push(node);
    else roots.push(node);
  }
  return roots;
}

/** The contract's oversize line: a micro-grid with more than this many households is counted in `oversizeMicroGrids`. */
export const MICRO_GRID_MAX_HOUSEHOLDS = 100;

/** The gaps a grid shows on its card: a micro-grid without a worker, a micro-grid over 100 households. */
export type NodeGap = 'noWorker' | 'oversize';

/** A grid's own gaps, as the platform's gridCoverage counts them (micro-grids only). */
export function nodeGaps(grid: { level: string; households: number; workers: readonly unknown[] }): NodeGap[] {
  if (grid.level !== 'BUILDING') return [];
  const gaps: NodeGap[] = [];
  if (grid.workers.length === 0) gaps.push('noWorker');
  if (grid.households > MICRO_GRID_MAX_HOUSEHOLDS) gaps.push('oversize');
  return gaps;
}

/**
 * The gaps summed on top, from the platform's figures: households in no micro-grid (`households` less
 * `householdsInMicroGrids`), and the names of the community's buildings no micro-grid holds; `any` when there is a gap.
 */
export function coverageGaps(
  coverage: { households: number; householdsInMicroGrids: number; microGridsWithoutWorker: number; oversizeMicroGrids: number },
  grids: ReadonlyArray<{ level: string; buildings: ReadonlyArray<{ id: string }> }>,
  community: { compounds?: ReadonlyArray<{ name: string; buildings: ReadonlyArray<{ id: string; name: string }> }> | null },
): { outside: number; outsideBuildings: string[]; any: boolean } {
  const held = new Set(grids.filter((grid) => grid.level === 'BUILDING').flatMap((grid) => grid.buildings.map((building) => building.id)));
  const outsideBuildings = (community.compounds ?? []).flatMap((compound) =>
    compound.buildings.filter((building) => !held.has(building.id)).map((building) => `${compound.name}${building.name}`),
  );
  const outside = coverage.households - coverage.householdsInMicroGrids;
  return { outside, outsideBuildings, any: outside > 0 || coverage.microGridsWithoutWorker > 0 || coverage.oversizeMicroGrids > 0 };
}
