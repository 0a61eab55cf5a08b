// The residents' committee of Q社区 at a desk (zh-CN) reads its micro-grid (微网实格) as a tree: the community grid,
// its area grids with their building micro-grids, the dedicated grid; each with its households, workers and party
// group as the API answers; the coverage gaps summed on top equal the API's gridCoverage and are picked out on the
// grids they concern (a building micro-grid of 102 households without a worker, a building in no micro-grid); and it
// names a party group's leader, which the API then shows.
import { DEMO, DEMO_ACTORS, demoId, demoIds } from '@cgov/shared';
import type { Page } from 'playwright-core';
import { expect, test } from 'vitest';
import { describeInBrowser, expectAccessible, screenshot, signInAs, useConsoleTestbed } from '../harness.js';

const committee = DEMO_ACTORS.find((actor) => actor.id === 'community-committee')!;
const Q = DEMO.communityId;
const A = demoIds.compound(Q, 'A小区');
const grid = (key: string) => demoId(`grid:${Q}:${key}`);
const member = (key: string) => demoId(`party-member:${key}`);

interface ApiGrid {
  id: string;
  level: 'COMMUNITY' | 'AREA' | 'BUILDING' | 'DEDICATED';
  name: string;
  households: number;
  parent: { id: string } | null;
  workers: Array<{ id: string; name: string; duty: string }>;
  partyGroup: { leader: { id: string; name: string } | null; members: Array<{ id: string; name: string }> } | null;
}
interface Coverage {
  households: number;
  householdsInMicroGrids: number;
  microGridsWithoutWorker: number;
  oversizeMicroGrids: number;
}

const LEVEL = { COMMUNITY: '社区总网格', AREA: '片区网格', BUILDING: '楼栋微网格', DEDICATED: '专属网格' } as const;
const DUTY: Record<string, string> = { GRID_LEADER: '网格长', FULL_TIME: '专职网格员', PART_TIME: '兼职网格员', BUILDING_LEAD: '楼栋长', BACKUP: '后备网格员' };

describeInBrowser('community staff and the micro-grid (COMMUNITY_STAFF, desk, zh-CN)', () => {
  const bed = useConsoleTestbed();
  const staff = () => bed.caller('COMMUNITY_STAFF', Q);

  /** The community's grids and coverage, as the staff read them through the API. */
  async function communityGrid(): Promise<{ grids: ApiGrid[]; gridCoverage: Coverage }> {
    const answer = await staff().query<{ community: { grids: ApiGrid[]; gridCoverage: Coverage } }>(
      `query($id: ID!) { community(id: $id) { grids { id level name households parent { id } workers { id name duty } partyGroup { leader { id name } members { id name } } }
         gridCoverage { households householdsInMicroGrids microGridsWithoutWorker oversizeMicroGrids } } }`,
      { id: Q },
    );
    expect(answer.errors).toBeUndefined();
    return answer.data!.community;
  }

  /** Adds a building with households to A小区 (test data: the API draws grids, not buildings); one statement a call, as PGlite takes them. */
  async function addBuilding(name: string, floors: number, perFloor: number): Promise<string> {
    const id = demoId(`test-building:${Q}:${name}`);
    await bed.platform.exec.community(`INSERT INTO buildings (id, compound_id, community_id, name, floors) VALUES ('${id}', '${A}', '${Q}', '${name}', ${floors})`);
    await bed.platform.exec.community(
      `INSERT INTO households (id, building_id, compound_id, community_id, floor, room, head_of_household)
         SELECT gen_random_uuid(), '${id}', '${A}', '${Q}', f, f::text || lpad(d::text, 2, '0'), '住户'
         FROM generate_series(1, ${floors}) f, generate_series(1, ${perFloor}) d`,
    );
    return id;
  }

  /** A grid's card in the tree, by its name. */
  const card = (page: Page, name: string) => page.getByRole('region', { name, exact: true });

  // One desk page through both steps, in order.
  let desk: Page;

  test('sees the tree with workers and party groups, and the gaps as gridCoverage counts them', async () => {
    // Gaps beyond the demo's (one micro-grid without a worker): a micro-grid of 102 households, and 4 households in no micro-grid.
    const big = await addBuilding('9栋', 17, 6);
    await addBuilding('10栋', 2, 2);
    const drawn = await staff().op<{ createGrid: { id: string } }>('CreateGrid', { input: { communityId: Q, parentId: grid('a'), level: 'BUILDING', name: 'A小区9栋微网格', buildingIds: [big] } });
    expect(drawn.errors).toBeUndefined();
    const { grids, gridCoverage } = await communityGrid();
    expect(gridCoverage).toEqual({ households: 202, householdsInMicroGrids: 198, microGridsWithoutWorker: 2, oversizeMicroGrids: 1 });

    const { page } = await bed.newPage();
    desk = page;
    await signInAs(page, committee.label['zh-CN']);
    // Reached from the menu, as the 网格 section of the community's page.
    await page.getByRole('navigation').getByRole('link', { name: '网格', exact: true }).click();
    await page.waitForURL('**/community/grid');
    await page.getByRole('tab', { name: '网格', selected: true }).waitFor();
    await card(page, 'Q社区总网格').waitFor();

    // Every grid of the API is a card with its level and households, under the card of its parent.
    for (const each of grids) {
      const node = card(page, each.name);
      await node.getByText(LEVEL[each.level], { exact: true }).waitFor();
      await node.getByText(`住户 ${each.households} 户`, { exact: true }).waitFor();
      if (each.parent) {
        const parent = grids.find((other) => other.id === each.parent!.id)!;
        const branch = page.getByRole('listitem').filter({ has: card(page, parent.name) }).last();
        expect(await branch.getByRole('region', { name: each.name, exact: true }).count(), `${each.name} under ${parent.name}`).toBe(1);
      }
    }
    expect(await page.getByRole('list', { name: '网格树' }).getByRole('region').count()).toBe(grids.length);

    // The gaps on top are the API's; each gap is picked out on the grids it concerns, as many as the API counts.
    const gaps = page.getByRole('region', { name: '覆盖缺口' });
    const outside = gridCoverage.households - gridCoverage.householdsInMicroGrids;
    await gaps.getByText(`未划入微网格的住户：${outside} 户（共 ${gridCoverage.households} 户，已划入 ${gridCoverage.householdsInMicroGrids} 户）`).waitFor();
    await gaps.getByText('未划入微网格的楼栋：A小区10栋').waitFor();
    await gaps.getByText(`没有网格员的微网格：${gridCoverage.microGridsWithoutWorker} 个`).waitFor();
    await gaps.getByText(`超过 100 户的微网格：${gridCoverage.oversizeMicroGrids} 个`).waitFor();
    expect(await page.getByText('缺网格员', { exact: true }).count()).toBe(gridCoverage.microGridsWithoutWorker);
    expect(await page.getByText('超过 100 户', { exact: true }).count()).toBe(gridCoverage.oversizeMicroGrids);
    const withoutWorker = grids.filter((each) => each.level === 'BUILDING' && each.workers.length === 0).map((each) => each.name).sort();
    expect(withoutWorker).toEqual(['A小区9栋微网格', 'B小区2号楼微网格']);
    for (const name of withoutWorker) await card(page, name).getByText('缺网格员', { exact: true }).waitFor();
    await card(page, 'A小区9栋微网格').getByText('超过 100 户', { exact: true }).waitFor();

    // Workers with their duty (responsible or backup in a micro-grid), party groups with members and leader, as the API says.
    const a1 = grids.find((each) => each.id === grid('a1'))!;
    const words = a1.workers.map((w) => `${w.duty === 'BACKUP' ? '' : '责任 '}${w.name}（${DUTY[w.duty]}）`).join('、');
    expect(words).toBe('责任 刘芳（专职网格员）、张建华（后备网格员）');
    await card(page, a1.name).getByText(`网格员：${words}`).waitFor();
    const members = a1.partyGroup!.members.map((m) => m.name);
    await card(page, a1.name).getByText(`成员：${members.join('、')}`).waitFor();
    expect(a1.partyGroup!.leader).toEqual({ id: member('li'), name: '李卫东' });
    await card(page, a1.name).getByText('组长：李卫东', { exact: true }).waitFor();
    await expectAccessible(page);
    await screenshot(page, 'desk-zh-CN-grid');
  });

  test('names a party group leader: the card and the API say so', async () => {
    const page = desk;
    const a1 = (await communityGrid()).grids.find((each) => each.id === grid('a1'))!;
    expect(a1.partyGroup!.leader).toEqual({ id: member('li'), name: '李卫东' });

    // Names 张建华 leader of the micro-grid's party group: the card and the API say so.
    await card(page, a1.name).getByRole('combobox', { name: `${a1.name}党小组组长` }).click();
    await page.keyboard.type('张建华');
    await page.getByRole('option', { name: '张建华', exact: true }).waitFor({ state: 'attached' });
    await page.keyboard.press('Enter');
    await card(page, a1.name).getByRole('button', { name: `任命${a1.name}党小组组长` }).click();
    await card(page, a1.name).getByText('组长：张建华', { exact: true }).waitFor();
    const after = (await communityGrid()).grids.find((each) => each.id === grid('a1'))!;
    expect(after.partyGroup!.leader).toEqual({ id: member('zhang'), name: '张建华' });
  });
});
