// Every operation of the contract, run once through the gateway as the role it is for, in the order of a day.
import { addDays, DEMO, DEMO_SUPPLIER_IDS, demoId, demoIds, fixedClock } from '@cgov/shared';
import { contractOperationNames } from '@cgov/schema/contract';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { A3, A_COMPOUND, B_COMPOUND, B_HOUSEHOLDS, LI, packageOf, Q, room, TOWER, WATER_COMPANY } from './demo-ids.js';
import { callerFor, startPlatform, type Platform } from './harness.js';

const TODAY = '2026-11-21';
const TOMORROW = addDays(TODAY, 1);
const clock = fixedClock(`${TODAY}T10:00:00+08:00`);

let platform: Platform;
beforeAll(async () => {
  platform = await startPlatform({ clock });
});
afterAll(() => platform?.stop());

describe('the contract', () => {
  it('runs every one of its operations through the gateway', { timeout: 120_000 }, async () => {
    const ran = new Set<string>();
    const as = (role: Parameters<typeof callerFor>[1], scope: string) => {
      const caller = callerFor(platform, role, scope);
      return async <T = Record<string, unknown>>(name: string, variables: Record<string, unknown> = {}) => {
        const response = await caller.op<T>(name, variables);
        expect(response.errors, name).toBeUndefined();
        ran.add(name);
        return response.data!;
      };
    };
    const official = as('CITY_OFFICIAL', DEMO.cityId);
    const staff = as('COMMUNITY_STAFF', Q);
    const partyMember = as('PARTY_MEMBER', LI);
    const committee = as('OWNER_COMMITTEE', B_COMPOUND);

    await as('RESIDENT', room(TOWER, '1201'))('Cities');
    await as('ANALYST', DEMO.cityId)('CityTree', { cityId: DEMO.cityId });
    await staff('CommunityRoster', { communityId: Q });

    const policyInput = { regionId: DEMO.streetId, category: 'EGG_BASIC', subsidyPerUnit: '2.00', maxListPrice: '20.00', perHouseholdDailyLimit: 1, effectiveFrom: TOMORROW };
    const { publishSubsidyPolicy } = await official<{ publishSubsidyPolicy: { id: string } }>('PublishSubsidyPolicy', { input: policyInput });
    await official('RevokeSubsidyPolicy', { id: publishSubsidyPolicy.id, effectiveTo: addDays(TOMORROW, 3) });
    await official('SubsidyPolicies', { regionId: DEMO.streetId });
    await official('EffectiveSubsidyPolicies', { regionId: Q, date: TOMORROW });
    await official('AllocateSubsidyBudget', { input: { regionId: DEMO.districtId, amount: '50000.00' } });
    await official('DesignateSupplier', { input: { regionId: DEMO.streetId, name: '青山平价蔬菜店' } });
    await official('Suppliers', { regionId: Q });

    await staff('PublishPackage', {
      input: { communityId: Q, category: 'PORK_BASIC', name: '猪肉套餐(精)', date: TOMORROW, listPrice: '66.00', items: [{ name: '猪肉', quantity: 2, unit: '斤' }], supplierId: DEMO_SUPPLIER_IDS.qSupermarket },
    });
    await as('RESIDENT', room(TOWER, '1201'))('Packages', { communityId: Q, date: TOMORROW });
    const { registerPartyMember } = await staff<{ registerPartyMember: { id: string } }>('RegisterPartyMember', {
      input: { communityId: Q, name: '钱进', phone: '13900009999', workUnit: 'H市图书馆' },
    });
    await staff('AssignPartyMember', { input: { partyMemberId: registerPartyMember.id, buildingId: A3, floorFrom: 1, floorTo: 6 } });
    await partyMember('PartyMember', { id: LI });

    const submit = (key: string, household: string) =>
      partyMember<{ submitOrders: { orders: Array<{ id: string }> } }>('SubmitOrders', {
        input: { idempotencyKey: key, orders: [{ householdId: household, packageId: packageOf(TOMORROW, 'vegetable:0'), quantity: 1, channel: 'GROUP_CHAIN' }] },
      });
    const cancelled = await submit('day-1', room(TOWER, '1301'));
    await partyMember('CancelOrder', { id: cancelled.submitOrders.orders[0]!.id });
    const kept = await submit('day-2', room(TOWER, '1302'));
    for (const to of ['REPORTED', 'PROCURED', 'AT_GATE']) await staff('AdvanceOrders', { input: { compoundId: A_COMPOUND, date: TOMORROW, to } });
    await partyMember('MarkDelivered', { orderIds: [kept.submitOrders.orders[0]!.id] });

    await staff('RegisterOwnerCommittee', { input: { communityId: Q, compoundId: A_COMPOUND, name: 'A小区业主委员会', members: [{ name: '孙海', role: '主任' }] } });
    const { registerGroupBuy } = await committee<{ registerGroupBuy: { id: string; items: Array<{ id: string }> } }>('RegisterGroupBuy', {
      input: {
        compoundId: B_COMPOUND, title: '鸡蛋团购', category: 'OTHER', organizer: '黄丽华', items: [{ name: '土鸡蛋', unit: '盒(30枚)', unitPrice: '36.00', stock: 50 }],
        minParticipants: 1, perHouseholdLimit: 2, deadline: `${TODAY}T18:00:00+08:00`, pickupAt: `${TOMORROW}T10:00:00+08:00`, pickupPoint: 'B小区东门',
      },
    });
    await as('RESIDENT', B_HOUSEHOLDS[3]!)('JoinGroupBuy', {
      input: { groupBuyId: registerGroupBuy.id, householdId: B_HOUSEHOLDS[3], idempotencyKey: 'eggs', lines: [{ itemId: registerGroupBuy.items[0]!.id, quantity: 2 }] },
    });
    await committee('CloseGroupBuy', { id: registerGroupBuy.id });
    await committee('AdvanceGroupBuy', { id: registerGroupBuy.id, to: 'DISTRIBUTING' });
    await as('RESIDENT', B_HOUSEHOLDS[3]!)('CompoundGroupBuys', { compoundId: B_COMPOUND });

    await as('ANALYST', DEMO.cityId)('CityDashboard', { cityId: DEMO.cityId, date: TOMORROW });

    // A resident's request (接诉即办): filed by the hotline, returned and re-dispatched, whistled on, answered, called back.
    const hotline = as('HOTLINE_OPERATOR', DEMO.cityId);
    const street = as('STREET_OFFICER', DEMO.streetId);
    await as('RESIDENT', room(TOWER, '1201'))('RequestCatalogue', { cityId: DEMO.cityId });
    const { fileRequest } = await hotline<{ fileRequest: { id: string } }>('FileRequest', {
      input: { communityId: Q, categoryCode: 'PROPERTY', description: '1栋电梯停运两天', channel: 'HOTLINE', callerName: '王芳', callerPhone: '13800001111', idempotencyKey: 'contract-1' },
    });
    await street('ReturnRequest', { id: fileRequest.id, reason: '应由物业公司处理' });
    await hotline('DispatchRequest', { input: { requestId: fileRequest.id, streetId: DEMO.streetId } });
    await street('AcceptRequest', { id: fileRequest.id });
    await street('Whistle', { input: { requestId: fileRequest.id, departmentIds: [WATER_COMPANY], note: '电梯井进水，请供水集团到场' } });
    await as('DEPARTMENT_OFFICER', WATER_COMPANY)('ReportToWhistle', { requestId: fileRequest.id, note: '已到场关阀' });
    await street('ReplyToRequest', { id: fileRequest.id, reply: '物业已修复电梯' });
    await hotline('RecordCallback', { input: { requestId: fileRequest.id, resolved: true, satisfaction: 'SATISFIED' } });
    await street('Request', { id: fileRequest.id });
    await official('Requests', { filter: { regionId: DEMO.streetId }, first: 10 });
    await as('ANALYST', DEMO.cityId)('RequestRanking', { cityId: DEMO.cityId, month: TODAY.slice(0, 7), unitKind: 'STREET' });
    await as('ANALYST', DEMO.cityId)('RequestDashboard', { cityId: DEMO.cityId, month: TODAY.slice(0, 7) });

    // Small livelihood projects (民生微实事) in 光明社区 (the demo gives it no council): a round through every phase, by the clock.
    const GUANGMING = '420103001002';
    const guangmingStaff = as('COMMUNITY_STAFF', GUANGMING);
    const neighbour = demoIds.household(demoIds.building(demoIds.compound(GUANGMING, '和谐家园'), '1栋'), '101');
    const { registerResidentsCouncil } = await guangmingStaff<{ registerResidentsCouncil: { members: Array<{ id: string }> } }>('RegisterResidentsCouncil', {
      input: { communityId: GUANGMING, members: [{ name: '陈光明', role: 'CHAIR' }, { name: '王书记', role: 'PARTY_REPRESENTATIVE' }, { name: '李委员', role: 'MEMBER', householdId: neighbour }] },
    });
    const hour = (hours: number) => new Date(Date.parse(`${TODAY}T10:00:00+08:00`) + hours * 3_600_000);
    const { openProjectRound } = await guangmingStaff<{ openProjectRound: { id: string } }>('OpenProjectRound', {
      input: { communityId: GUANGMING, title: '2026年光明社区民生微实事', budget: '100000.00', proposalsUntil: hour(1).toISOString(), supportsUntil: hour(2).toISOString() },
    });
    const { proposeMicroProject } = await as('RESIDENT', neighbour)<{ proposeMicroProject: { id: string } }>('ProposeMicroProject', {
      input: { roundId: openProjectRound.id, title: '楼道加装扶手', kind: 'WORKS', description: '方便老人上下楼', estimatedCost: '60000.00' },
    });
    clock.set(hour(1));
    const support = { projectId: proposeMicroProject.id, householdId: neighbour };
    await as('RESIDENT', neighbour)('SupportMicroProject', { input: { ...support, idempotencyKey: 'contract-1' } });
    await as('RESIDENT', neighbour)('WithdrawSupport', support);
    await as('RESIDENT', neighbour)('SupportMicroProject', { input: { ...support, idempotencyKey: 'contract-2' } });
    clock.set(hour(2));
    const members = registerResidentsCouncil.members.map((member) => member.id);
    await guangmingStaff('RecordCouncilResolution', { input: { roundId: openProjectRound.id, membersPresent: members, votes: [{ projectId: proposeMicroProject.id, for: 2, against: 0, abstain: 0, recused: [members[2]] }] } });
    await guangmingStaff('ReportProjectProgress', { input: { projectId: proposeMicroProject.id, percentDone: 100, note: '已完工', spent: '58000.00' } });
    await guangmingStaff('AcceptMicroProject', { input: { projectId: proposeMicroProject.id, accepted: true, note: '验收合格' } });
    const { projectRound } = await as('RESIDENT', neighbour)<{ projectRound: { status: string; spent: string; remaining: string } }>('ProjectRound', { id: openProjectRound.id });
    expect(projectRound).toMatchObject({ status: 'CLOSED', spent: '58000.00', remaining: '40000.00' });
    clock.set(`${TODAY}T10:00:00+08:00`);
    // The micro-grid (微网实格) and readiness for the next emergency.
    const qGrid = (key: string) => demoId(`grid:${Q}:${key}`);
    const { createGrid } = await staff<{ createGrid: { id: string } }>('CreateGrid', { input: { communityId: Q, parentId: qGrid('q'), level: 'AREA', name: 'C片区网格' } });
    await staff('AssignGridWorker', { input: { gridId: createGrid.id, name: '钱网格', phone: '13700009999', duty: 'FULL_TIME' } });
    await staff('FlagHouseholdCare', { input: { householdId: room(TOWER, '1501'), kind: 'ELDERLY_ALONE', visitEveryDays: 7 } });
    await as('GRID_WORKER', demoIds.gridWorker(Q, 'a1-lead'))('RecordVisit', { input: { householdId: room(TOWER, '1501'), note: '上门看望', idempotencyKey: 'contract-visit' } });
    await staff('CommunityGrid', { communityId: Q });
    await staff('GridCare', { gridId: qGrid('a1') });
    await staff('PublishEmergencyPlan', {
      input: { communityId: Q, hazard: 'FIRE', title: 'Q社区消防应急预案', steps: [{ action: '疏散楼栋居民', responsible: '物业服务企业' }], reviewedOn: TODAY },
    });
    await staff('RegisterEmergencySpace', { input: { communityId: Q, name: 'B小区架空层', normalUse: '居民休闲', emergencyUse: 'SHELTER', capacity: 60, conversionHours: 4 } });
    await staff('RecordSupplies', { input: { communityId: Q, item: '应急照明灯', unit: '个', change: 12, reason: '入库', minimum: 5, idempotencyKey: 'contract-lamps' } });
    const { enrolVolunteer } = await as('RESIDENT', room(TOWER, '1201'))<{ enrolVolunteer: { id: string } }>('EnrolVolunteer', {
      input: { communityId: Q, teamKind: 'LOGISTICS', householdId: room(TOWER, '1201'), skills: ['搬运'] },
    });
    await staff('AcceptVolunteer', { id: enrolVolunteer.id });
    await official('Readiness', { cityId: DEMO.cityId });

    // The shared community (共享社区) in Q社区's A小区 3栋: a helper verified, a need and an offer matched, accepted and completed, credits moved.
    const needer = room(A3, '601');
    const helper = room(A3, '602');
    await staff('VerifyHousehold', { householdId: helper });
    const from = Date.parse(`${TODAY}T10:00:00+08:00`);
    const window = { availableFrom: new Date(from).toISOString(), availableTo: new Date(from + 5 * 86_400_000).toISOString() };
    const listing = (householdId: string, kind: string, title: string) =>
      as('RESIDENT', householdId)<{ postListing: { id: string } }>('PostListing', {
        input: { householdId, kind, type: 'SKILL', title, description: '上门', ...window, verifiedOnly: false, idempotencyKey: `contract-${kind}` },
      });
    const { postListing: need } = await listing(needer, 'NEED', '修门锁');
    const { postListing: offer } = await listing(helper, 'OFFER', '修门锁、换锁芯');
    const { listing: matches } = await as('RESIDENT', needer)<{ listing: { suggestedMatches: Array<{ id: string; householdVerified: boolean }> } }>('ListingMatches', { listingId: need.id });
    expect(matches.suggestedMatches[0]).toEqual(expect.objectContaining({ id: offer.id, householdVerified: true }));
    const { proposeMatch } = await as('RESIDENT', needer)<{ proposeMatch: { id: string } }>('ProposeMatch', { needId: need.id, offerId: offer.id });
    await as('RESIDENT', helper)('AcceptMatch', { id: proposeMatch.id });
    await as('RESIDENT', needer)('CompleteMatch', { id: proposeMatch.id, hours: 1.5 });
    const { household } = await as('RESIDENT', helper)<{ household: { timeCredits: { balance: number } } }>('TimeCredits', { householdId: helper });
    expect(household.timeCredits.balance).toBe(1.5);
    const { community } = await staff<{ community: { sharing: { completedMatches: number } } }>('CommunitySharing', { communityId: Q });
    expect(community.sharing.completedMatches).toBeGreaterThanOrEqual(1);

    expect([...ran].sort()).toEqual([...contractOperationNames()].sort());
  });
});
