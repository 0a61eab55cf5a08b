// The demo's stable ids the end-to-end tests address: Q社区's compounds, buildings, households and party members.
import { DEMO, demoId, demoIds } from '@cgov/shared';

export const Q = DEMO.communityId;
export const A_COMPOUND = demoIds.compound(Q, 'A小区');
export const B_COMPOUND = demoIds.compound(Q, 'B小区');
export const TOWER = demoIds.building(A_COMPOUND, '1栋'); // 18 floors: 张 covers 1–8, 李 9–18
export const A3 = demoIds.building(A_COMPOUND, '3栋'); // 6 floors, nobody assigned in the demo
export const B1 = demoIds.building(B_COMPOUND, '1号楼');
export const room = (buildingId: string, name: string) => demoIds.household(buildingId, name);
export const ZHANG = demoId('party-member:zhang');
export const LI = demoId('party-member:li');
/** A household of another community (幸福社区), for refusals across communities. */
export const NEIGHBOUR_HOUSEHOLD = demoIds.household(demoIds.building(demoIds.compound('420102001002', '和谐家园'), '1栋'), '101');
export const packageOf = (date: string, kind: 'vegetable:0' | 'vegetable:1' | 'vegetable:2' | 'vegetable:3' | 'pork') =>
  demoId(`package:${Q}:${date}:${kind}`);
export const B2 = demoIds.building(B_COMPOUND, '2号楼'); // 4 floors, 2 households a floor
/** Every household of B小区: 12 in 1号楼, 8 in 2号楼. */
export const B_HOUSEHOLDS = [
  ...[1, 2, 3, 4, 5, 6].flatMap((floor) => [1, 2].map((door) => room(B1, `${floor}0${door}`))),
  ...[1, 2, 3, 4].flatMap((floor) => [1, 2].map((door) => room(B2, `${floor}0${door}`))),
];
export const DEMO_FRUIT = demoId('group-buy:fruit');
export const DEMO_SEAFOOD = demoId('group-buy:seafood');
/** The demo's water company (市供水集团), a department that takes requests. */
export const WATER_COMPANY = demoId(`department:${DEMO.cityId}:water`);
/** Q社区's demo rounds of small livelihood projects: this year's, publicised, and its second batch, taking supports. */
export const DEMO_ROUND_PUBLICISED = demoId('round:q:2026');
export const DEMO_ROUND_SUPPORTING = demoId('round:q:2026:second');
/** A project of the supporting round, and a funded one of the publicised round under way (60% done). */
export const DEMO_PROJECT_SUPPORTING = demoId('project:q:2026:second:0');
export const DEMO_PROJECT_UNDER_WAY = demoId('project:q:2026:0');
/** Q社区's council: its chair (first) and the members after. */
export const Q_COUNCIL_MEMBERS = ['陈建华', '王秀英', '刘国强', '杨丽', '赵志明', '黄美玲', '周建军', '吴淑芬', '徐海涛'].map((name) => demoId(`council-member:q:${name}`));
/** Q社区's shared community (共享社区): 李阿姨's household (verified), her open repair offer, an open need for a space and an open offer of one, and a proposed match. */
export const LI_AYI_HOUSEHOLD = room(B1, '302');
export const DEMO_OFFER_REPAIR = demoId('listing:q:li-repair-3');
export const DEMO_NEED_SPACE = demoId('listing:q:a1-1201-room');
export const DEMO_OFFER_SPACE = demoId('listing:q:b2-101-garage');
export const DEMO_MATCH_PROPOSED = demoId('match:q:math');
