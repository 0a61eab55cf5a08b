import { DEMO, DEMO_REGIONS, demoIds, seedWhenEmpty, type Database } from '@cgov/shared';
import { compounds, type CommunityTables } from './db/schema.js';
import { RosterRepository } from './repositories/roster.js';

const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗高';
const GIVEN = ['建国', '秀英', '桂兰', '志强', '丽', '军', '敏', '静', '伟', '芳', '德明', '淑珍', '海燕', '国平', '小红', '文华'];

/** Q社区's compounds as the case tells them: A小区 with the 18-floor building, B小区 with its owners. */
const Q_COMPOUNDS = [
  {
    name: 'A小区',
    buildings: [
      { name: '1栋', floors: 18, perFloor: 2 },
      { name: '2栋', floors: 11, perFloor: 2 },
      { name: '3栋', floors: 6, perFloor: 3 },
    ],
  },
  {
    name: 'B小区',
    buildings: [
      { name: '1号楼', floors: 6, perFloor: 2 },
      { name: '2号楼', floors: 4, perFloor: 2 },
    ],
  },
];

/** Every other community of the demo gets one modest compound, so that roll-ups have something to add. */
const NEIGHBOUR_COMPOUNDS = [{ name: '和谐家园', buildings: [{ name: '1栋', floors: 6, perFloor: 2 }] }];

type CompoundPlan = (typeof Q_COMPOUNDS)[number];

/** The demo roster, built from the plan with stable ids. */
export function demoRoster() {
  const rows = { compounds: [], buildings: [], households: [] } as Parameters<typeof RosterRepository.insertMissing>[1];
  let person = 0;
  const communities = DEMO_REGIONS.filter((region) => region.id.length === 12);
  for (const community of communities) {
    const plan: CompoundPlan[] = community.id === DEMO.communityId ? Q_COMPOUNDS : NEIGHBOUR_COMPOUNDS;
    for (const compound of plan) {
      const compoundId = demoIds.compound(community.id, compound.name);
      rows.compounds.push({ id: compoundId, communityId: community.id, name: compound.name });
      for (const building of compound.buildings) {
        const buildingId = demoIds.building(compoundId, building.name);
        rows.buildings.push({ id: buildingId, compoundId, communityId: community.id, name: building.name, floors: building.floors });
        for (let floor = 1; floor <= building.floors; floor += 1) {
          for (let door = 1; door <= building.perFloor; door += 1) {
            const room = `${floor}${String(door).padStart(2, '0')}`;
            const elderly = person % 5 === 3;
            rows.households.push({
              id: demoIds.household(buildingId, room),
              buildingId,
              compoundId,
              communityId: community.id,
              floor,
              room,
              headOfHousehold: `${SURNAMES[person % SURNAMES.length]}${GIVEN[(person * 7) % GIVEN.length]}`,
              phone: elderly ? null : `138${String(27_000_000 + person * 7919).padStart(8, '0')}`,
              needsDoorToDoor: elderly,
            });
            person += 1;
          }
        }
      }
    }
  }
  return rows;
}

/** Loads the demo roster into an empty database; loading it again changes nothing. */
export async function loadDemoData(db: Database<CommunityTables>): Promise<void> {
  await seedWhenEmpty(db, compounds, (tx) => RosterRepository.insertMissing(tx, demoRoster()));
}
