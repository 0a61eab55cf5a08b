// The shared community (共享社区) through the gateway on real PostgreSQL: listings expiring by the clock, verification
// by the community's staff, suggested matches in the contract's order and their exclusions, the match lifecycle and
// refused moves, contact details hidden before acceptance, the time credit ledger (summing to zero, its −12 h floor
// under concurrent completions), assisted posting recorded, and regions' figures as the sum of their communities at
// constant statements. The contract's operations are sharing.graphql (schema/test/operations).
import { contractOperation } from '@cgov/schema/contract';
import { demoIds, fixedClock, type Role } from '@cgov/shared';
import { errorCodes, type GraphQLResponse } from '@cgov/shared/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { A_COMPOUND, A3, B1, B_COMPOUND, NEIGHBOUR_HOUSEHOLD, Q, room, TOWER } from './demo-ids.js';
import { callerFor, startPlatform, type Platform } from './harness.js';

const T0 = '2026-11-21T10:00:00+08:00';
const clock = fixedClock(T0);
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
// Every listing of the test is posted a month after the demo was loaded, when none of the demo's is open any more.
const START = Date.parse(T0) + 30 * DAY;
const at = (hours: number) => new Date(START + hours * HOUR);
const move = (hours: number) => clock.set(at(hours));

/** 光明社区 and 建设社区 (西城区 长江街道), 民主社区 (汉水街道): the demo shares nothing there. */
const GUANGMING = '420103001002';
const JIANSHE = '420103001001';
const MINZHU = '420103002001';
const homes = (communityId: string) => {
  const building = demoIds.building(demoIds.compound(communityId, '和谐家园'), '1栋');
  return [1, 2, 3, 4, 5, 6].flatMap((floor) => [1, 2].map((door) => demoIds.household(building, `${floor}0${door}`)));
};

const A = (name: string) => room(A3, name); // A小区 3栋
const T = (name: string) => room(TOWER, name); // A小区 1栋
const B = (name: string) => room(B1, name); // B小区 1号楼
const GRID_A1 = demoIds.gridWorker(Q, 'a1-lead'); // 刘芳, A小区1栋微网格

interface Listing {
  id: string;
  kind: string;
  type: string;
  title: string;
  status: string;
  availableFrom: string;
  availableTo: string;
  verifiedOnly: boolean;
  householdVerified: boolean;
  compound: { id: string };
  expiresAt: string;
  suggestedMatches?: Listing[];
}
interface Match {
  id: string;
  status: string;
  need: { id: string };
  offer: { id: string };
  proposedAt: string;
  acceptedAt: string | null;
  completedAt: string | null;
  hours: number | null;
}

let platform: Platform;
beforeAll(async () => {
  platform = await startPlatform({ clock, schedulerIntervalMs: 3_600_000 });
  move(0);
});
afterAll(() => platform?.stop());

function as(role: Role, scope: string) {
  const caller = () => callerFor(platform, role, scope, `${role}:${scope}`, { fresh: true });
  return {
    op: <T = Record<string, unknown>>(name: string, variables?: Record<string, unknown>): Promise<GraphQLResponse<T>> => caller().query<T>(contractOperation(name), variables),
    query: <T = Record<string, unknown>>(document: string, variables?: Record<string, unknown>): Promise<GraphQLResponse<T>> => caller().query<T>(document, variables),
  };
}
const resident = (householdId: string) => as('RESIDENT', householdId);
const staffOf = (communityId: string) => as('COMMUNITY_STAFF', communityId);
const qStaff = staffOf(Q);
const data = <T>(response: GraphQLResponse<T>): T => {
  expect(response.errors).toBeUndefined();
  return response.data!;
};

let keys = 0;
interface Post {
  kind?: 'NEED' | 'OFFER';
  type?: 'GOODS' | 'SKILL' | 'ACTIVITY' | 'SPACE';
  title?: string;
  from?: number;
  to?: number;
  verifiedOnly?: boolean;
  contactName?: string;
  contactPhone?: string;
  idempotencyKey?: string;
}
function postFor(householdId: string, post: Post = {}, caller = resident(householdId)) {
  const now = clock.now().getTime();
  return caller.op<{ postListing: Listing }>('PostListing', {
    input: {
      householdId,
      kind: post.kind ?? 'OFFER',
      type: post.type ?? 'SKILL',
      title: post.title ?? '维修水电',
      description: '上门修理水龙头、灯具',
      availableFrom: new Date(now + (post.from ?? 0) * HOUR).toISOString(),
      availableTo: new Date(now + (post.to ?? 10 * 24) * HOUR).toISOString(),
      verifiedOnly: post.verifiedOnly ?? false,
      idempotencyKey: post.idempotencyKey ?? `post-${(keys += 1)}`,
      ...(post.contactName ? { contactName: post.contactName } : {}),
      ...(post.contactPhone ? { contactPhone: post.contactPhone } : {}),
    },
  });
}
const post = async (householdId: string, p: Post = {}, caller = resident(householdId)) => data(await postFor(householdId, p, caller)).postListing;

const suggestions = async (listingId: string, caller = qStaff) =>
  data(await caller.op<{ listing: Listing & { suggestedMatches: Listing[] } }>('ListingMatches', { listingId })).listing;
const propose = (needId: string, offerId: string, caller: ReturnType<typeof as>) => caller.op<{ proposeMatch: Match }>('ProposeMatch', { needId, offerId });
const accept = (id: string, caller: ReturnType<typeof as>) => caller.op<{ acceptMatch: Match }>('AcceptMatch', { id });
const complete = (id: string, caller: ReturnType<typeof as>, hours?: number) => caller.op<{ completeMatch: Match }>('CompleteMatch', { id, hours });
const credits = async (householdId: string, caller = resident(householdId)) =>
  data(await caller.op<{ household: { timeCredits: { balance: number; entries: Array<{ hours: number; match: { id: string } }> } } }>('TimeCredits', { householdId })).household
    .timeCredits;

const MATCH_DETAILS = `query MatchDetails($id: ID!) {
  match(id: $id) {
    id status
    needContact { address name phone }
    offerContact { address name phone }
    actions { status householdId actorRole assisted }
  }
}`;
interface Contact {
  address: string;
  name: string | null;
  phone: string | null;
}
interface MatchDetails {
  match: {
    id: string;
    status: string;
    needContact: Contact | null;
    offerContact: Contact | null;
    actions: Array<{ status: string; householdId: string; actorRole: string; assisted: boolean }>;
  };
}

/** Proposes (need side) and accepts (offer side) a match: the usual way two households agree. */
async function agree(need: Listing, needHousehold: string, offer: Listing, offerHousehold: string): Promise<Match> {
  const proposed = data(await propose(need.id, offer.id, resident(needHousehold))).proposeMatch;
  return data(await accept(proposed.id, resident(offerHousehold))).acceptMatch;
}

describe('listings', () => {
  it('are posted by the household itself, with a window that could work, idempotently', async () => {
    const household = A('101');
    expect(errorCodes(await postFor(household, { from: 5, to: 2 }))).toEqual(['BAD_USER_INPUT']);
    expect(errorCodes(await postFor(household, { from: -48, to: -1 }))).toEqual(['BAD_USER_INPUT']);
    expect(errorCodes(await postFor(household, { from: 15 * 24, to: 20 * 24 }))).toEqual(['BAD_USER_INPUT']);
    expect(errorCodes(await postFor(household, { title: '   ' }))).toEqual(['BAD_USER_INPUT']);
    expect(errorCodes(await postFor('not-an-id', {}, resident(household)))).toEqual(['BAD_USER_INPUT']);
    // Another household's resident, another community's staff: refused.
    expect(errorCodes(await postFor(household, {}, resident(A('102'))))).toEqual(['FORBIDDEN']);
    expect(errorCodes(await postFor(household, {}, staffOf(GUANGMING)))).toEqual(['FORBIDDEN']);
    // A resident's token for a household the community tier does not know (its city is asked of it, not guessed).
    const unknown = '00000000-0000-4000-8000-000000000001';
    expect(errorCodes(await postFor(unknown, {}, resident(unknown)))).toEqual(['FORBIDDEN']);
    expect(errorCodes(await postFor(household, {}, resident(unknown)))).toEqual(['FORBIDDEN']);

    const first = data(await postFor(household, { idempotencyKey: 'same-key', title: '借电钻', type: 'GOODS' })).postListing;
    expect(first).toMatchObject({ kind: 'OFFER', type: 'GOODS', status: 'OPEN', verifiedOnly: false, householdVerified: false, compound: { id: A_COMPOUND } });
    const again = data(await postFor(household, { idempotencyKey: 'same-key', title: '借电钻', type: 'GOODS' })).postListing;
    expect(again.id).toBe(first.id);
    expect(errorCodes(await postFor(household, { idempotencyKey: 'same-key', title: '借梯子', type: 'GOODS' }))).toEqual(['CONFLICT']);
  });

  it('expire 14 days after posting unless availableTo is sooner, by the clock', async () => {
    move(100);
    const long = await post(A('102'), { kind: 'NEED', to: 30 * 24 });
    const short = await post(A('102'), { kind: 'NEED', to: 3 * 24 });
    expect(Date.parse(long.expiresAt)).toBe(at(100).getTime() + 14 * DAY);
    expect(Date.parse(short.expiresAt)).toBe(at(100).getTime() + 3 * DAY);
    const offer = await post(A('103'), { kind: 'OFFER', to: 30 * 24 });

    move(100 + 3 * 24 - 1);
    expect((await suggestions(offer.id)).suggestedMatches.map((l) => l.id)).toEqual(expect.arrayContaining([long.id, short.id]));
    move(100 + 3 * 24);
    expect((await suggestions(short.id)).status).toBe('EXPIRED');
    expect((await suggestions(short.id)).suggestedMatches).toEqual([]);
    expect((await suggestions(offer.id)).suggestedMatches.map((l) => l.id)).not.toContain(short.id);
    expect(errorCodes(await propose(short.id, offer.id, resident(A('102'))))).toEqual(['CONFLICT']);
    move(100 + 14 * 24);
    expect((await suggestions(long.id)).status).toBe('EXPIRED');
  });
});

describe('verification', () => {
  it('is by the community staff only; others see only that a household is verified', async () => {
    const household = B('601');
    expect(errorCodes(await resident(household).op('VerifyHousehold', { householdId: household }))).toEqual(['FORBIDDEN']);
    expect(errorCodes(await staffOf(GUANGMING).op('VerifyHousehold', { householdId: household }))).toEqual(['FORBIDDEN']);
    expect(errorCodes(await qStaff.op('VerifyHousehold', { householdId: NEIGHBOUR_HOUSEHOLD }))).toEqual(['FORBIDDEN']);
    expect(errorCodes(await qStaff.op('VerifyHousehold', { householdId: 'nope' }))).toEqual(['BAD_USER_INPUT']);
    expect(data(await qStaff.op('VerifyHousehold', { householdId: household }))).toEqual({ verifyHousehold: { id: household, verified: true } });
    expect(data(await qStaff.op('VerifyHousehold', { householdId: household }))).toEqual({ verifyHousehold: { id: household, verified: true } });
    const listing = await post(household, { type: 'ACTIVITY', title: '教太极拳' });
    expect(listing.householdVerified).toBe(true);
    // Nothing in the schema says who verified or how: only the flag.
    const fields = data(await resident(A('201')).query<{ __type: { fields: Array<{ name: string }> } }>('{ __type(name: "Household") { fields { name } } }')).__type.fields.map((f) => f.name);
    expect(fields.filter((name) => /verif/i.test(name))).toEqual(['verified']);
  });
});

describe('suggested matches', () => {
  it('are open listings of the opposite kind and same type with overlapping windows: same compound first, then the community; never own, verifiedOnly respected', async () => {
    move(20 * 24);
    const needer = A('201');
    const need = await post(needer, { kind: 'NEED', type: 'SPACE', title: '借用车位', from: 24, to: 5 * 24 });
    const sameCompound = await post(A('202'), { type: 'SPACE', title: '车位 A', to: 9 * 24 });
    const otherCompound = await post(B('201'), { type: 'SPACE', title: '车位 B', to: 6 * 24 });
    const otherCompoundSooner = await post(B('202'), { type: 'SPACE', title: '车位 B2', to: 4 * 24 });
    const own = await post(needer, { type: 'SPACE', title: '自家车位' });
    await post(A('203'), { type: 'GOODS', title: '别的类型' });
    await post(A('301'), { kind: 'NEED', type: 'SPACE', title: '同类需求' });
    await post(A('302'), { type: 'SPACE', title: '窗口不重叠', from: 0, to: 20 });
    const verifiedOnly = await post(B('301'), { type: 'SPACE', title: '只给认证户', verifiedOnly: true });
    await post(NEIGHBOUR_HOUSEHOLD, { type: 'SPACE', title: '幸福社区车位' });

    expect(otherCompound.compound.id).toBe(B_COMPOUND);
    const ids = async (listingId: string) => (await suggestions(listingId)).suggestedMatches.map((l) => l.id);
    expect(await ids(need.id)).toEqual([sameCompound.id, otherCompoundSooner.id, otherCompound.id]);
    expect(await ids(need.id)).not.toContain(own.id);
    // Once the needing household is verified, the verifiedOnly offer matches it too (the latest-expiring of the other compound).
    data(await qStaff.op('VerifyHousehold', { householdId: needer }));
    expect(await ids(need.id)).toEqual([sameCompound.id, otherCompoundSooner.id, otherCompound.id, verifiedOnly.id]);
    // The verifiedOnly offer, seen from its side, suggests only verified households' needs.
    expect(await ids(verifiedOnly.id)).toEqual([need.id]);
    // A proposal that breaks a rule is a CONFLICT; a need named as offer is BAD_USER_INPUT.
    expect(errorCodes(await propose(need.id, own.id, resident(needer)))).toEqual(['CONFLICT']);
    expect(errorCodes(await propose(sameCompound.id, need.id, resident(needer)))).toEqual(['BAD_USER_INPUT']);
    expect(errorCodes(await propose(need.id, sameCompound.id, resident(B('601'))))).toEqual(['FORBIDDEN']);
  });
});

describe('a match', () => {
  it('moves PROPOSED → ACCEPTED (other side) → COMPLETED (needing side); contact details only once accepted', async () => {
    move(25 * 24);
    const needer = T('301');
    const helper = T('302');
    const need = await post(needer, { kind: 'NEED', title: '修水龙头', contactName: '王奶奶', contactPhone: '13800001111' });
    const offer = await post(helper, { title: '维修水电', contactName: '李阿姨', contactPhone: '13800002222' });
    const proposed = data(await propose(need.id, offer.id, resident(needer))).proposeMatch;
    expect(proposed).toMatchObject({ status: 'PROPOSED', need: { id: need.id }, offer: { id: offer.id }, acceptedAt: null, completedAt: null, hours: null });
    expect((await suggestions(need.id)).status).toBe('MATCHED');

    // Before acceptance each side sees its own details, not the other's.
    const helperView = await resident(helper).query<MatchDetails>(MATCH_DETAILS, { id: proposed.id });
    expect(helperView.data!.match.needContact).toBeNull();
    expect(helperView.data!.match.offerContact).toMatchObject({ name: '李阿姨', phone: '13800002222' });
    expect(errorCodes(helperView)).toEqual(['FORBIDDEN']);
    const neederView = await resident(needer).query<MatchDetails>(MATCH_DETAILS, { id: proposed.id });
    expect(neederView.data!.match.offerContact).toBeNull();
    expect(errorCodes(await resident(A('101')).query(MATCH_DETAILS, { id: proposed.id }))).toEqual(['FORBIDDEN']);

    // Refused moves: the proposer does not accept; nothing is completed before acceptance.
    expect(errorCodes(await accept(proposed.id, resident(needer)))).toEqual(['FORBIDDEN']);
    expect(errorCodes(await complete(proposed.id, resident(needer), 1))).toEqual(['CONFLICT']);
    const accepted = data(await accept(proposed.id, resident(helper))).acceptMatch;
    expect(accepted.status).toBe('ACCEPTED');
    expect(Date.parse(accepted.acceptedAt!)).toBe(at(25 * 24).getTime());
    expect(errorCodes(await accept(proposed.id, resident(helper)))).toEqual(['CONFLICT']);

    const shown = data(await resident(helper).query<MatchDetails>(MATCH_DETAILS, { id: proposed.id })).match;
    expect(shown.needContact).toEqual({ address: 'A小区 1栋 301', name: '王奶奶', phone: '13800001111' });
    expect(data(await resident(needer).query<MatchDetails>(MATCH_DETAILS, { id: proposed.id })).match.offerContact).toEqual({
      address: 'A小区 1栋 302',
      name: '李阿姨',
      phone: '13800002222',
    });

    // Only the needing side completes; hours in quarter hours, more than 0, at most 24.
    expect(errorCodes(await complete(proposed.id, resident(helper), 2))).toEqual(['FORBIDDEN']);
    expect(errorCodes(await complete(proposed.id, resident(needer), 0))).toEqual(['BAD_USER_INPUT']);
    expect(errorCodes(await complete(proposed.id, resident(needer), 1.1))).toEqual(['BAD_USER_INPUT']);
    expect(errorCodes(await complete(proposed.id, resident(needer), 25))).toEqual(['BAD_USER_INPUT']);
    const completed = data(await complete(proposed.id, resident(needer), 2.5)).completeMatch;
    expect(completed).toMatchObject({ status: 'COMPLETED', hours: 2.5 });
    expect(errorCodes(await complete(proposed.id, resident(needer), 1))).toEqual(['CONFLICT']);
    expect(errorCodes(await resident(needer).query('mutation($id: ID!) { cancelMatch(id: $id) { id } }', { id: proposed.id }))).toEqual(['CONFLICT']);
    expect((await suggestions(need.id)).status).toBe('COMPLETED');

    expect(await credits(needer)).toMatchObject({ balance: -2.5, entries: [{ hours: -2.5, match: { id: proposed.id } }] });
    expect(await credits(helper)).toMatchObject({ balance: 2.5, entries: [{ hours: 2.5, match: { id: proposed.id } }] });
    // Time credits are the household's own, its staff's and its grid workers'.
    expect(errorCodes(await resident(helper).op('TimeCredits', { householdId: needer }))).toEqual(['FORBIDDEN']);
    expect((await credits(needer, qStaff)).balance).toBe(-2.5);
    expect(errorCodes(await staffOf(GUANGMING).op('TimeCredits', { householdId: needer }))).toEqual(['FORBIDDEN']);
    // A household with no ledger yet: 0 for its own staff, refused to another community's.
    expect((await credits(T('1702'), qStaff)).balance).toBe(0);
    expect(errorCodes(await staffOf(GUANGMING).op('TimeCredits', { householdId: T('1702') }))).toEqual(['FORBIDDEN']);
  });

  it('may be cancelled by either side before completion, opening both listings again; goods move no credit', async () => {
    move(26 * 24);
    const need = await post(T('401'), { kind: 'NEED', type: 'GOODS', title: '借轮椅' });
    const offer = await post(T('402'), { type: 'GOODS', title: '闲置轮椅' });
    const proposed = data(await propose(need.id, offer.id, resident(T('401')))).proposeMatch;
    expect(errorCodes(await propose(need.id, offer.id, resident(T('401'))))).toEqual(['CONFLICT']);
    const cancelled = data(await resident(T('402')).query<{ cancelMatch: Match }>('mutation($id: ID!) { cancelMatch(id: $id) { id status } }', { id: proposed.id })).cancelMatch;
    expect(cancelled.status).toBe('CANCELLED');
    expect(errorCodes(await accept(proposed.id, resident(T('402'))))).toEqual(['CONFLICT']);
    expect((await suggestions(need.id)).status).toBe('OPEN');
    const again = await agree(need, T('401'), offer, T('402'));
    expect(errorCodes(await complete(again.id, resident(T('401')), 2))).toEqual(['BAD_USER_INPUT']);
    expect(data(await complete(again.id, resident(T('401')))).completeMatch).toMatchObject({ status: 'COMPLETED', hours: null });
    expect((await credits(T('401'))).balance).toBe(0);
  });
});

describe("a household's listings and their matches", () => {
  it('are read by the household, its staff and grid workers, newest first; a listing names its matches to its own side only', async () => {
    move(26 * 24 + 12);
    const needer = T('1601');
    const helper = T('1602');
    const MINE = `query Mine($householdId: ID!) { household(id: $householdId) { id listings { id title matches { id status need { id } offer { id } } } } }`;
    type Mine = { household: { listings: Array<{ id: string; title: string; matches: Array<{ id: string; status: string; need: { id: string }; offer: { id: string } }> }> | null } };
    const empty = data(await qStaff.query<Mine>(MINE, { householdId: needer })).household.listings;
    expect(empty).toEqual([]);
    const first = await post(needer, { kind: 'NEED', title: '接送孩子' });
    move(26 * 24 + 13);
    const second = await post(needer, { kind: 'NEED', title: '借梯子', type: 'GOODS' });
    const offer = await post(helper, { title: '接送' });
    const proposed = data(await propose(first.id, offer.id, resident(helper))).proposeMatch;

    const own = data(await resident(needer).query<Mine>(MINE, { householdId: needer })).household.listings!;
    expect(own.map((l) => l.title)).toEqual(['借梯子', '接送孩子']);
    expect(own[0]!.matches).toEqual([]);
    expect(own[1]!.matches).toEqual([{ id: proposed.id, status: 'PROPOSED', need: { id: first.id }, offer: { id: offer.id } }]);
    expect(data(await as('GRID_WORKER', GRID_A1).query<Mine>(MINE, { householdId: needer })).household.listings!.map((l) => l.id)).toEqual([second.id, first.id]);
    // The helper sees the match through its own offer, not the needer's listings; other communities see nothing.
    expect(data(await resident(helper).query<Mine>(MINE, { householdId: helper })).household.listings![0]!.matches.map((m) => m.id)).toEqual([proposed.id]);
    expect(errorCodes(await resident(helper).query(MINE, { householdId: needer }))).toEqual(['FORBIDDEN']);
    expect(errorCodes(await staffOf(GUANGMING).query(MINE, { householdId: needer }))).toEqual(['FORBIDDEN']);
    const seenByNeighbour = await resident(helper).query<{ listing: { matches: unknown } }>(`query($id: ID!) { listing(id: $id) { id matches { id } } }`, { id: first.id });
    expect(seenByNeighbour.data?.listing.matches).toBeNull();
    expect(errorCodes(seenByNeighbour)).toEqual(['FORBIDDEN']);
  });

  it("are read by the grid's worker for a household that has posted nothing yet (none, and a balance of 0), not by another grid's", async () => {
    const quiet = T('1301'); // A小区 1栋, in 刘芳's micro-grid, never posted
    const NOTHING = `query Nothing($householdId: ID!) { household(id: $householdId) { id listings { id } timeCredits { balance } } }`;
    type Nothing = { household: { listings: unknown[] | null; timeCredits: { balance: number } | null } };
    expect(data(await as('GRID_WORKER', GRID_A1).query<Nothing>(NOTHING, { householdId: quiet })).household).toMatchObject({ listings: [], timeCredits: { balance: 0 } });
    const elsewhere = await as('GRID_WORKER', GRID_A1).query<Nothing>(NOTHING, { householdId: B('501') });
    expect(elsewhere.data?.household?.listings ?? null).toBeNull(); // the household itself is outside the grid
    expect(errorCodes(elsewhere)).toContain('FORBIDDEN');
  });

  it('come with their suggestions at the same statements for one listing as for several', async () => {
    move(26 * 24 + 14);
    const asker = T('1101');
    for (const [i, household] of [T('1102'), T('1201'), T('1202')].entries()) await post(household, { title: `帮忙 ${i}` });
    const LISTED = `query Listed($householdId: ID!) { household(id: $householdId) { listings { id suggestedMatches { id } } } }`;
    type Listed = { household: { listings: Array<{ id: string; suggestedMatches: Array<{ id: string }> }> } };
    const cost = async () => {
      platform.counters.reset();
      const listed = data(await resident(asker).query<Listed>(LISTED, { householdId: asker })).household.listings;
      return { statements: platform.counters.statements.selforg, listed };
    };
    await post(asker, { kind: 'NEED', title: '需要 0' });
    const one = await cost();
    expect(one.listed).toHaveLength(1);
    expect(one.listed[0]!.suggestedMatches.length).toBeGreaterThanOrEqual(3);
    for (let i = 1; i < 4; i += 1) await post(asker, { kind: 'NEED', title: `需要 ${i}` });
    const several = await cost();
    expect(several.listed).toHaveLength(4);
    // Each need is suggested the same open offers, as suggestionsFor one listing at a time would list them.
    for (const listing of several.listed) {
      expect(listing.suggestedMatches.map((m) => m.id)).toEqual((await suggestions(listing.id)).suggestedMatches.map((m) => m.id));
    }
    expect(several.statements).toBe(one.statements);
  });
});

describe('the time credit ledger', () => {
  it('never takes a balance below −12 hours, even under concurrent completions, and sums to zero in the community', async () => {
    move(27 * 24);
    const needer = T('501');
    const need = (i: number) => post(needer, { kind: 'NEED', title: `陪诊 ${i}` });
    const matchesToComplete: Match[] = [];
    for (let i = 0; i < 5; i += 1) {
      const helper = T(`${6 + i}01`);
      matchesToComplete.push(await agree(await need(i), needer, await post(helper, { title: `陪诊服务 ${i}` }), helper));
    }
    const outcomes = await Promise.all(matchesToComplete.map((match) => complete(match.id, resident(needer), 4)));
    const codes = outcomes.map((outcome) => (outcome.errors ? errorCodes(outcome)[0] : 'OK'));
    expect(codes.filter((code) => code === 'OK')).toHaveLength(3);
    expect(codes.filter((code) => code === 'CONFLICT')).toHaveLength(2);
    expect((await credits(needer)).balance).toBe(-12);
    // The refused completions changed nothing: still ACCEPTED, nothing written for them.
    const refused = matchesToComplete.filter((_, i) => codes[i] === 'CONFLICT');
    for (const match of refused) expect(data(await resident(needer).query<MatchDetails>(MATCH_DETAILS, { id: match.id })).match.status).toBe('ACCEPTED');

    const sums = (await platform.exec.selforg(
      `SELECT community_id, sum(minutes)::int AS total, count(*)::int AS entries FROM time_credit_entries GROUP BY community_id`,
    )) as { rows: Array<{ community_id: string; total: number; entries: number }> };
    for (const row of sums.rows) expect(row.total).toBe(0);
    const balances = (await platform.exec.selforg(`SELECT community_id, sum(minutes)::int AS total FROM time_credit_balances GROUP BY community_id`)) as {
      rows: Array<{ total: number }>;
    };
    for (const row of balances.rows) expect(row.total).toBe(0);
  });
});

describe('assisted posting', () => {
  it('lets staff and the grid worker of its grid post and act for a household without a phone, and records who acted for whom', async () => {
    move(28 * 24);
    const elderly = T('1801'); // A小区 1栋: 刘芳's micro-grid
    const gridWorker = as('GRID_WORKER', GRID_A1);
    // A grid worker acts for its grid's households only.
    expect(errorCodes(await postFor(B('101'), { kind: 'NEED' }, gridWorker))).toEqual(['FORBIDDEN']);
    expect(errorCodes(await postFor(A('303'), { kind: 'NEED' }, gridWorker))).toEqual(['FORBIDDEN']);
    const need = await post(elderly, { kind: 'NEED', title: '换灯泡', contactName: '刘芳(网格员代)', contactPhone: '13700003004' }, gridWorker);
    const byStaff = await post(elderly, { kind: 'NEED', type: 'ACTIVITY', title: '陪同散步' }, qStaff);
    const assisted = `query($id: ID!) { listing(id: $id) { id assisted } }`;
    expect(data(await qStaff.query<{ listing: { assisted: boolean } }>(assisted, { id: need.id })).listing.assisted).toBe(true);
    expect(data(await qStaff.query<{ listing: { assisted: boolean } }>(assisted, { id: byStaff.id })).listing.assisted).toBe(true);

    const helper = B('501');
    const offer = await post(helper, { title: '电工' });
    expect(data(await qStaff.query<{ listing: { assisted: boolean } }>(assisted, { id: offer.id })).listing.assisted).toBe(false);
    const proposed = data(await propose(need.id, offer.id, resident(helper))).proposeMatch;
    // The helper proposed, so the needing side accepts: its grid worker does it for the household.
    const accepted = data(await accept(proposed.id, gridWorker)).acceptMatch;
    expect(accepted.status).toBe('ACCEPTED');
    expect(data(await complete(proposed.id, qStaff, 1)).completeMatch.status).toBe('COMPLETED');
    const actions = data(await qStaff.query<MatchDetails>(MATCH_DETAILS, { id: proposed.id })).match.actions;
    expect(actions).toEqual([
      { status: 'PROPOSED', householdId: helper, actorRole: 'RESIDENT', assisted: false },
      { status: 'ACCEPTED', householdId: elderly, actorRole: 'GRID_WORKER', assisted: true },
      { status: 'COMPLETED', householdId: elderly, actorRole: 'COMMUNITY_STAFF', assisted: true },
    ]);
    // The grid worker sees the helper's details once accepted, as the household would.
    expect(data(await gridWorker.query<MatchDetails>(MATCH_DETAILS, { id: proposed.id })).match.offerContact?.address).toBe('B小区 1号楼 501');
  });
});

describe('figures', () => {
  const FIGURES = `query Figures($community: ID!, $street: ID!, $district: ID!) {
    community(id: $community) { id sharing { openNeeds openOffers matchedWithin48hRate completedMatches activeHouseholds } }
    street(id: $street) { id sharing { openNeeds openOffers matchedWithin48hRate completedMatches activeHouseholds } }
    district(id: $district) { id sharing { openNeeds openOffers matchedWithin48hRate completedMatches activeHouseholds } }
  }`;
  type Figures = { openNeeds: number; openOffers: number; matchedWithin48hRate: number | null; completedMatches: number; activeHouseholds: number };
  const official = as('CITY_OFFICIAL', '4201');
  const sharingOf = async (communityId: string) =>
    data(await official.op<{ community: { sharing: Figures } }>('CommunitySharing', { communityId })).community.sharing;

  it('count each community and add up to its street and district, at constant statements', async () => {
    move(40 * 24);
    const G = homes(GUANGMING);
    const J = homes(JIANSHE);
    expect(await sharingOf(GUANGMING)).toEqual({ openNeeds: 0, openOffers: 0, matchedWithin48hRate: null, completedMatches: 0, activeHouseholds: 0 });
    // 光明社区: two needs, matched within 48 hours and after; one completed; one offer left open.
    const n1 = await post(G[0]!, { kind: 'NEED', title: '辅导作业' });
    const n2 = await post(G[1]!, { kind: 'NEED', title: '修自行车' });
    const o1 = await post(G[2]!, { title: '辅导' });
    const o2 = await post(G[3]!, { title: '修车' });
    await post(G[4]!, { title: '理发' });
    const m1 = await agree(n1, G[0]!, o1, G[2]!);
    data(await complete(m1.id, resident(G[0]!), 1));
    move(40 * 24 + 49);
    await agree(n2, G[1]!, o2, G[3]!);
    // 建设社区: one need, one offer, nothing matched.
    await post(J[0]!, { kind: 'NEED', type: 'GOODS', title: '借梯子' });
    await post(J[1]!, { type: 'SPACE', title: '活动室' });

    const guangming = await sharingOf(GUANGMING);
    expect(guangming).toEqual({ openNeeds: 0, openOffers: 1, matchedWithin48hRate: 0.5, completedMatches: 1, activeHouseholds: 5 });
    const jianshe = await sharingOf(JIANSHE);
    expect(jianshe).toEqual({ openNeeds: 1, openOffers: 1, matchedWithin48hRate: 0, completedMatches: 0, activeHouseholds: 2 });
    const all = data(await official.query<Record<'community' | 'street' | 'district', { sharing: Figures }>>(FIGURES, { community: MINZHU, street: '420103001', district: '420103' }));
    const sum = { openNeeds: 1, openOffers: 2, matchedWithin48hRate: 0.3333, completedMatches: 1, activeHouseholds: 7 };
    expect(all.street.sharing).toEqual(sum);
    expect(all.district.sharing).toEqual(sum); // 民主社区 shares nothing
    expect(all.community.sharing.activeHouseholds).toBe(0);
    // Outside the scope: refused.
    expect(errorCodes(await as('STREET_OFFICER', '420102001').op('CommunitySharing', { communityId: GUANGMING }))).toEqual(['FORBIDDEN']);

    // Constant statements: the same query after many more listings in more communities costs the same.
    const cost = async () => {
      platform.counters.reset();
      data(await official.query(FIGURES, { community: GUANGMING, street: '420103001', district: '420103' }));
      return platform.counters.statements.selforg;
    };
    const small = await cost();
    for (const [i, household] of [...G.slice(5), ...J.slice(2), ...homes(MINZHU)].entries()) await post(household, { kind: i % 2 ? 'NEED' : 'OFFER', type: 'GOODS' });
    const large = await cost();
    expect(large).toBe(small);
  });
});
