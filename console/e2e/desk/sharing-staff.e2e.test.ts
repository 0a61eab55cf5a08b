// The shared community (共享社区) at Q社区's residents' committee (COMMUNITY_STAFF, desk, zh-CN): the community's figures
// are the API's; the staff pick an elderly household without a phone in A小区 3栋, verify its identity, and post a need
// for it; the API shows the need in that household's listings, posted for it (assisted), the household verified. A
// neighbour proposes its offer through the API, and the staff accept for the household: the match's record says the
// staff acted for that household.
import { DEMO, DEMO_ACTORS, demoIds } from '@cgov/shared';
import { randomUUID } from 'node:crypto';
import type { Page } from 'playwright-core';
import { expect, test } from 'vitest';
import { describeInBrowser, expectAccessible, screenshot, signInAs, useConsoleTestbed } from '../harness.js';
import { send, uniqueWords } from '../requests.js';

const committee = DEMO_ACTORS.find((actor) => actor.id === 'community-committee')!;
const neighbour = DEMO_ACTORS.find((actor) => actor.id === 'resident-b1-101')!;
const Q = DEMO.communityId;
const A3 = demoIds.building(demoIds.compound(Q, 'A小区'), '3栋');

interface Household {
  id: string;
  room: string;
  headOfHousehold: string;
  needsDoorToDoor: boolean;
  verified: boolean;
  listings: Array<{
    id: string;
    title: string;
    kind: string;
    type: string;
    assisted: boolean;
    householdVerified: boolean;
  }>;
}
interface Figures {
  openNeeds: number;
  openOffers: number;
  matchedWithin48hRate: number | null;
  completedMatches: number;
  activeHouseholds: number;
}

/** Picks A小区, 3栋 and the household in the desk's three choices, typing as a person does; it is marked as without a phone. */
async function pick(page: Page, household: Household) {
  for (const [label, choice] of [
    ['小区', 'A小区'],
    ['楼栋', '3栋'],
    ['住户', `${household.room} ${household.headOfHousehold}（不用手机）`],
  ] as const) {
    await page.getByLabel(label, { exact: true }).click();
    await page.keyboard.type(choice);
    await page.locator('.ant-select-item-option', { hasText: choice }).first().click();
  }
}

describeInBrowser('the residents’ committee shares for those without a phone (COMMUNITY_STAFF, desk)', () => {
  const bed = useConsoleTestbed();

  const households = async () =>
    (
      await send<{ building: { households: Household[] } }>(
        bed,
        committee,
        'query($b: ID!) { building(id: $b) { households { id room headOfHousehold needsDoorToDoor verified listings { id title kind type assisted householdVerified } } } }',
        { b: A3 },
      )
    ).building.households;
  // The steps share the page and what was posted; each is a test of its own (a test stays well under 60 s).
  let page: Page;
  let elderly: Household;
  let posted: Household['listings'][number];
  const title = uniqueWords('换厨房灯泡');

  test("shows the community's figures as the API counts them, and verifies an elderly household without a phone", async () => {
    elderly = (await households()).find((household) => household.needsDoorToDoor && !household.verified && household.listings.length === 0)!;
    expect(elderly).toBeDefined();
    page = (await bed.newPage({ viewport: 'desk' })).page;
    await signInAs(page, committee.label['zh-CN']);
    await page.getByRole('tab', { name: '共享' }).click();
    await page.waitForURL('**/community/sharing');

    // The community's figures, as the API counts them.
    const figures = (
      await send<{ community: { sharing: Figures } }>(
        bed,
        committee,
        'query($c: ID!) { community(id: $c) { sharing { openNeeds openOffers matchedWithin48hRate completedMatches activeHouseholds } } }',
        { c: Q },
      )
    ).community.sharing;
    const cell = (label: string) => page.locator('.ant-descriptions-item-label', { hasText: label }).locator('xpath=following-sibling::td[1]');
    expect(await cell('待匹配需求').innerText()).toBe(String(figures.openNeeds));
    expect(await cell('待匹配供给').innerText()).toBe(String(figures.openOffers));
    expect(await cell('已完成匹配').innerText()).toBe(String(figures.completedMatches));
    expect(await cell('参与户数').innerText()).toBe(String(figures.activeHouseholds));
    expect(await cell('48 小时内匹配率').innerText()).toBe(figures.matchedWithin48hRate === null ? '暂无' : `${Math.round(figures.matchedWithin48hRate * 1000) / 10}%`);

    await pick(page, elderly);
    await page.getByText('身份未认证', { exact: true }).waitFor();
    await page.getByRole('heading', { name: '代这户发布需求或供给' }).waitFor();
    await expectAccessible(page);

    // Verify: the household is verified for everyone, who and how never shown.
    await page.getByRole('button', { name: `认证 ${elderly.room} 的身份` }).click();
    await page.getByText('身份已认证', { exact: true }).first().waitFor();
    expect((await households()).find((household) => household.id === elderly.id)!.verified).toBe(true);
  });

  test('posts a need for the household: the API has it in its listings, posted for it (assisted), verified', async () => {
    const form = page.getByRole('form', { name: '代这户发布需求或供给' });
    await form.locator('label', { has: page.getByRole('radio', { name: '需求' }) }).click();
    await form.locator('label', { has: page.getByRole('radio', { name: '技能' }) }).click();
    await form.getByLabel('标题').fill(title);
    await form.getByLabel('说明').fill('独居老人，不用手机，厨房灯泡坏了，请人上门更换');
    await form.getByLabel('联系人（接受匹配后对方才能看到）').fill('Q社区居委会（代）');
    await form.getByRole('button', { name: '发布' }).click();
    await page.getByText(`已发布：${title}`).waitFor();
    const card = page.getByRole('region', { name: title, exact: true });
    await card.getByText('代为发布').waitFor();
    await card.getByText('已认证').waitFor();
    posted = (await households()).find((household) => household.id === elderly.id)!.listings.find((listing) => listing.title === title)!;
    expect(posted).toMatchObject({
      kind: 'NEED',
      type: 'SKILL',
      assisted: true,
      householdVerified: true,
    });
  });

  test('accepts for the household the match a neighbour proposed: the record says the staff acted for it', async () => {
    // A neighbour proposes its offer through the API.
    const offer = (
      await send<{ postListing: { id: string } }>(bed, neighbour, 'mutation($input: PostListingInput!) { postListing(input: $input) { id } }', {
        input: {
          householdId: neighbour.scope,
          kind: 'OFFER',
          type: 'SKILL',
          title: uniqueWords('帮忙换灯泡'),
          description: '自带梯子',
          availableFrom: new Date().toISOString(),
          availableTo: new Date(Date.now() + 5 * 24 * 3_600_000).toISOString(),
          idempotencyKey: randomUUID(),
        },
      })
    ).postListing;
    const match = (await send<{ proposeMatch: { id: string } }>(bed, neighbour, 'mutation($n: ID!, $o: ID!) { proposeMatch(needId: $n, offerId: $o) { id } }', { n: posted.id, o: offer.id }))
      .proposeMatch;
    await page.reload();
    await pick(page, elderly);
    const accept = page.getByRole('region', { name: title, exact: true }).getByRole('button', { name: /^接受与「帮忙换灯泡/ });
    await accept.click();
    await page.getByRole('region', { name: title, exact: true }).getByText('已接受').waitFor();
    const actions = (
      await send<{
        match: {
          status: string;
          actions: Array<{
            status: string;
            householdId: string;
            actorRole: string;
            assisted: boolean;
          }>;
        };
      }>(bed, committee, 'query($id: ID!) { match(id: $id) { status actions { status householdId actorRole assisted } } }', { id: match.id })
    ).match;
    expect(actions).toEqual({
      status: 'ACCEPTED',
      actions: [
        {
          status: 'PROPOSED',
          householdId: neighbour.scope,
          actorRole: 'RESIDENT',
          assisted: false,
        },
        {
          status: 'ACCEPTED',
          householdId: elderly.id,
          actorRole: 'COMMUNITY_STAFF',
          assisted: true,
        },
      ],
    });
    await expectAccessible(page);
    await screenshot(page, 'desk-zh-CN-sharing');
  });
});
