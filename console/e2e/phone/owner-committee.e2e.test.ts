// An owners' committee on a phone (375×812, zh-CN): B小区's committee registers a group buy of two items at the same unit
// price, grapes with a stock of 3 and oranges with a stock of 5 (a deadline already past is refused by the platform and
// said in plain words on the field); three households of B小区 open their page on their own phones. The first takes
// 2 grapes and 1 orange; the third asks for 2 grapes and is refused (1 left): its input is lowered to 1 and the page
// says so; the second takes the last grape; the third's next join is refused again (sold out), its grapes lowered to 0
// and said, and it joins with what its screen then shows, 1 orange (the request sends exactly that). The committee's
// page, refreshing by itself, shows the joins and what is left as the API does, closes the group buy (confirmed), starts
// sharing out, marks a pickup, and prints the pickup list by building and room with what each household takes, item by
// item by name as the API answers (not "grapes or oranges" by their shared price), and pays.
import { DEMO_ACTORS } from '@cgov/shared';
import type { Page } from 'playwright-core';
import { expect, test } from 'vitest';
import { describeInBrowser, expectAccessible, screenshot, signInAs, useConsoleTestbed } from '../harness.js';

const committee = DEMO_ACTORS.find((actor) => actor.id === 'owners-committee-b')!;
const residentB101 = DEMO_ACTORS.find((actor) => actor.id === 'resident-b1-101')!;
const B_COMPOUND = committee.scope;
const Q_COMMUNITY = '420102001001';

/** A calendar day `days` after (or before) one, "YYYY-MM-DD". */
function addDays(date: string, days: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
const TITLE = '阳光玫瑰葡萄团购';
const ITEM = '阳光玫瑰葡萄';
/** The second item, at the same unit price as the first. */
const ORANGES = '砂糖橘';

interface Household {
  id: string;
  room: string;
  building: string;
}

interface GroupBuyFigures {
  id: string;
  status: string;
  participantCount: number;
  minParticipants: number;
  items: Array<{ id: string; name: string; unit: string; unitPrice: string; stock: number | null; remaining: number | null }>;
  participations: Array<{
    id: string;
    amount: string;
    pickedUp: boolean;
    household: { room: string; building: { name: string } } | null;
    lines: Array<{ quantity: number; item: { id: string; name: string; unit: string } }>;
  }>;
}

describeInBrowser("an owners' committee runs a group buy that sells out (OWNER_COMMITTEE, phone)", () => {
  const bed = useConsoleTestbed();

  /** B小区's households, as Q社区's residents' committee reads its roster. */
  async function bHouseholds(): Promise<Household[]> {
    const answer = await bed
      .caller('COMMUNITY_STAFF', Q_COMMUNITY)
      .query<{ compound: { buildings: Array<{ name: string; households: Array<{ id: string; room: string }> }> } }>(
        'query($id: ID!) { compound(id: $id) { buildings { name households { id room } } } }',
        { id: B_COMPOUND },
      );
    expect(answer.errors).toBeUndefined();
    return answer.data!.compound.buildings.flatMap((building) => building.households.map((household) => ({ ...household, building: building.name })));
  }

  /** The group buy as the committee reads it through the API. */
  async function groupBuy(id: string): Promise<GroupBuyFigures> {
    const answer = await bed
      .caller('OWNER_COMMITTEE', B_COMPOUND)
      .query<{ groupBuy: GroupBuyFigures }>(
        `query($id: ID!) { groupBuy(id: $id) {
          id status participantCount minParticipants
          items { id name unit unitPrice stock remaining }
          participations { id amount pickedUp household { room building { name } } lines { quantity item { id name unit } } }
        } }`,
        { id },
      );
    expect(answer.errors).toBeUndefined();
    return answer.data!.groupBuy;
  }

  /** A resident's phone on the compound's group buys, showing the new one with all 3 units left. */
  async function residentPhone(signIn: (page: Page) => Promise<void>): Promise<Page> {
    const { page } = await bed.newPage({ viewport: 'phone' });
    await signIn(page);
    await page.goto('/household/group-buys');
    await page.getByRole('region', { name: TITLE, exact: true }).getByText('剩余 3箱（共 3）').waitFor();
    return page;
  }

  /** Types how many boxes of each item (by name) on a resident's phone and joins. */
  async function join(page: Page, quantities: Record<string, number>) {
    const card = page.getByRole('region', { name: TITLE, exact: true });
    for (const [name, quantity] of Object.entries(quantities)) await card.getByRole('spinbutton', { name: `${name}要几箱` }).fill(String(quantity));
    const units = Object.values(quantities).reduce((sum, quantity) => sum + quantity, 0);
    await card.getByText(`合计 ¥${(58.5 * units).toFixed(2)}`).waitFor();
    await card.getByRole('button', { name: `参加${TITLE}` }).click();
    return card;
  }

  /** What a participation takes in the pickup list's words, from the API's lines: "阳光玫瑰葡萄 2箱，砂糖橘 1箱". */
  const lineWords = (lines: GroupBuyFigures['participations'][number]['lines']) => lines.map((line) => `${line.item.name} ${line.quantity}${line.item.unit}`).join('，');

  // One journey in three steps (each its own test, run in order): what the first step registers, the next ones use.
  let first: Household, second: Household, third: Household;
  let page: Page;
  let groupBuyId: string, grapesId: string, orangesId: string;

  test('registers a group buy of two items at one price on the committee\'s phone (a deadline already past refused on the field)', async () => {
    const households = await bHouseholds();
    first = households.find((household) => household.id === residentB101.scope)!; // 1号楼 101, a demo actor
    second = households.find((household) => household.building !== first.building)!; // another building
    third = households.find((household) => household.id !== first.id && household.id !== second.id)!;

    // The committee's page: its group buys (the demo's fruit and seafood ones).
    ({ page } = await bed.newPage({ viewport: 'phone' }));
    await signInAs(page, committee.label['zh-CN']);
    await page.waitForURL('**/group-buys');
    await page.getByRole('heading', { name: 'B小区的团购' }).waitFor();
    await page.getByText(/^\d+ 户参团 \/ 满 \d+ 户成团$/).first().waitFor();
    await expectAccessible(page);
    await screenshot(page, 'phone-zh-CN-group-buys-list');

    // Registering: grapes with a stock of 3 and oranges with a stock of 5, both ¥58.50 a box, at least 2 households; first
    // with a deadline already past.
    await page.getByRole('navigation', { name: '团购的功能' }).getByText('发起团购').click();
    await page.waitForURL('**/group-buys/new');
    await page.getByLabel('团购名称').fill(TITLE);
    await page.getByLabel('组织者').fill('业主王先生（果园直供）');
    await page.getByLabel('商品名').fill(ITEM);
    await page.getByLabel('单位').fill('箱');
    await page.getByLabel('单价（元）').fill('58.5');
    await page.getByLabel('库存（份）').fill('3');
    await page.getByRole('button', { name: '再加一样商品' }).click();
    await page.getByLabel('商品名').nth(1).fill(ORANGES);
    await page.getByLabel('单位').nth(1).fill('箱');
    await page.getByLabel('单价（元）').nth(1).fill('58.5');
    await page.getByLabel('库存（份）').nth(1).fill('5');
    await page.getByLabel('最少参团户数').fill('2');
    await page.getByLabel('参团截止时间（北京时间）').fill(`${addDays(today, -1)}T10:00`);
    await page.getByLabel('取货时间（北京时间）').fill(`${addDays(today, 2)}T16:00`);
    await page.getByLabel('取货地点').fill('B小区东门');
    await page.getByLabel('分发志愿者').fill('刘阿姨、小陈');
    await page.getByRole('button', { name: '发起团购', exact: true }).click();
    const refusal = page.getByRole('alert').filter({ hasText: '参团截止时间' });
    await refusal.getByText(/^参团截止时间 .* 已经过了（平台现在是 .*），没有人能参团，请选一个以后的时间。$/).waitFor();
    await expectAccessible(page);
    await screenshot(page, 'phone-zh-CN-group-buys-register');
    const before = (await bed.caller('OWNER_COMMITTEE', B_COMPOUND).query<{ compound: { groupBuys: Array<{ title: string }> } }>(
      'query($id: ID!) { compound(id: $id) { groupBuys { title } } }',
      { id: B_COMPOUND },
    )).data!.compound.groupBuys;
    expect(before.map((g) => g.title)).not.toContain(TITLE); // refused: nothing registered

    await page.getByLabel('参团截止时间（北京时间）').fill(`${addDays(today, 1)}T18:00`);
    await page.getByRole('button', { name: '发起团购', exact: true }).click();
    await page.getByRole('status').getByText(`已发起团购“${TITLE}”，业主现在可以参团`).waitFor();
    groupBuyId = new URL(page.url()).pathname.split('/').pop()!;
    const registered = await groupBuy(groupBuyId);
    expect(registered).toMatchObject({ status: 'OPEN', participantCount: 0, minParticipants: 2 });
    expect(registered.items).toMatchObject([
      { name: ITEM, unit: '箱', unitPrice: '58.50', stock: 3, remaining: 3 },
      { name: ORANGES, unit: '箱', unitPrice: '58.50', stock: 5, remaining: 5 },
    ]);
    [grapesId, orangesId] = registered.items.map((item) => item.id) as [string, string];
    await page.getByText('库存 3，已参团 0，剩余 3箱').waitFor();
    await page.getByText('库存 5，已参团 0，剩余 5箱').waitFor();
  });

  test('three households of B小区 join on their own phones: the third is lowered twice, said on screen, and joins with what its screen shows', async () => {

    // Three households of B小区 open the group buy on their phones: a demo actor, a pasted token, a token already in the tab.
    const phoneA = await residentPhone((p) => signInAs(p, residentB101.label['zh-CN']));
    const tokenB = await bed.tokenFor('RESIDENT', second.id);
    const phoneB = await residentPhone(async (p) => {
      await p.goto('/sign-in');
      await p.getByLabel('访问令牌（JWT）').fill(tokenB);
      await p.getByRole('button', { name: '登录', exact: true }).click();
      await p.waitForURL('**/household/**');
    });
    const tokenC = await bed.tokenFor('RESIDENT', third.id);
    const phoneC = await residentPhone(async (p) => {
      await p.context().addInitScript((token) => sessionStorage.setItem('cgov.token', token), tokenC);
    });

    // What the third phone sends when it joins.
    const sentByC: Array<Array<{ itemId: string; quantity: number }>> = [];
    phoneC.on('request', (request) => {
      const body = request.postDataJSON() as { query?: string; variables?: { input?: { lines?: Array<{ itemId: string; quantity: number }> } } } | null;
      if (request.url().endsWith('/graphql') && body?.query?.includes('mutation HouseholdJoinGroupBuy')) sentByC.push(body.variables!.input!.lines!);
    });

    // The first phone: 2 grapes and 1 orange at the same price, each said by name.
    const cardA = await join(phoneA, { [ITEM]: 2, [ORANGES]: 1 });
    await cardA.getByRole('status').getByText(`已参团：${ITEM} 2箱，${ORANGES} 1箱，共 ¥175.50`).waitFor();
    await cardA.getByText(`本户已参团：${ITEM} 2箱，${ORANGES} 1箱，共 ¥175.50`).waitFor();

    // The third phone still shows 3 grapes left and asks for 2: refused in plain words; the page, now showing 1 left,
    // lowers the input to 1 and says so before anything else is pressed.
    const cardC = await join(phoneC, { [ITEM]: 2, [ORANGES]: 1 });
    await cardC.getByRole('alert').getByText(`没能参团：剩下的不够了——${ITEM}只剩 1箱，你要了 2箱。这次没有扣任何份数，可以改少一些再试。`).waitFor();
    await cardC.getByRole('status').getByText(`${ITEM}只剩 1箱，已改为 1箱`).waitFor();
    const grapesC = cardC.getByRole('spinbutton', { name: `${ITEM}要几箱` });
    expect(await grapesC.inputValue()).toBe('1');
    await cardC.getByText('合计 ¥117.00').waitFor();

    // The second phone takes the last grape.
    const cardB = await join(phoneB, { [ITEM]: 1 });
    await cardB.getByRole('status').getByText(`已参团：${ITEM} 1箱，共 ¥58.50`).waitFor();

    // The third phone presses join with what its screen shows (1 grape, 1 orange): refused, nothing taken; now sold
    // out, its grapes go to 0, said in words, and it joins with 1 orange, exactly what the screen then shows.
    await cardC.getByRole('button', { name: `参加${TITLE}` }).click();
    await cardC.getByRole('alert').getByText(`没能参团：剩下的不够了——${ITEM}只剩 0箱，你要了 1箱。这次没有扣任何份数，可以改少一些再试。`).waitFor();
    await cardC.getByText('已售罄（共 3）').waitFor();
    await cardC.getByRole('status').getByText(`${ITEM}已经卖完了，已改为 0箱`).waitFor();
    expect(await grapesC.count()).toBe(0);
    await cardC.getByText('合计 ¥58.50').waitFor();
    await expectAccessible(phoneC);
    await screenshot(phoneC, 'phone-zh-CN-household-group-buys');
    await cardC.getByRole('button', { name: `参加${TITLE}` }).click();
    await cardC.getByRole('status').getByText(`已参团：${ORANGES} 1箱，共 ¥58.50`).waitFor();
    await cardC.getByText(`本户已参团：${ORANGES} 1箱，共 ¥58.50`).waitFor();
    expect(sentByC).toEqual([
      [{ itemId: grapesId, quantity: 2 }, { itemId: orangesId, quantity: 1 }],
      [{ itemId: grapesId, quantity: 1 }, { itemId: orangesId, quantity: 1 }],
      [{ itemId: orangesId, quantity: 1 }],
    ]);

    const joined = await groupBuy(groupBuyId);
    expect(joined.participantCount).toBe(3);
    expect(joined.items).toMatchObject([{ stock: 3, remaining: 0 }, { stock: 5, remaining: 3 }]);
    expect(joined.participations.map((p) => p.amount).sort()).toEqual(['175.50', '58.50', '58.50']);
  });

  test("the committee's page shows the joins as the API does, closes, shares out, marks a pickup and prints the pickup list by item", async () => {
    const joined = await groupBuy(groupBuyId);

    // The committee's page, refreshing by itself, shows the joins and what is left as the API does.
    await page.getByText(`${joined.participantCount} 户（满 ${joined.minParticipants} 户成团）`).waitFor({ timeout: 20_000 });
    await page.getByText(`库存 3，已参团 3，剩余 ${joined.items[0]!.remaining}箱`).waitFor({ timeout: 20_000 });
    await page.getByText(`库存 5，已参团 2，剩余 ${joined.items[1]!.remaining}箱`).waitFor({ timeout: 20_000 });
    // Each household's door, what it takes item by item by name (the API's lines by their items), and what it pays.
    const pickup = page.getByRole('region', { name: '取货清单' });
    const expectedLines = { [first.id]: `${ITEM} 2箱，${ORANGES} 1箱`, [second.id]: `${ITEM} 1箱`, [third.id]: `${ORANGES} 1箱` };
    for (const household of [first, second, third]) {
      const participation = joined.participations.find((p) => p.household?.room === household.room && p.household.building.name === household.building)!;
      expect(lineWords(participation.lines)).toBe(expectedLines[household.id]);
      const row = pickup
        .getByRole('region', { name: `${household.building}的参团住户` })
        .getByRole('listitem')
        .filter({ has: page.getByText(`${household.room}室`, { exact: true }) });
      await row.getByText(lineWords(participation.lines), { exact: true }).waitFor();
      await row.getByText(`应付 ¥${participation.amount}`).waitFor();
    }
    await pickup.getByText(`合计：3 户，${ITEM} 3箱，${ORANGES} 2箱，应收 ¥292.50`).waitFor();
    await expectAccessible(page);
    await screenshot(page, 'phone-zh-CN-group-buys-detail');

    // Close (enough households: it goes ahead), share out, mark a pickup.
    await page.getByRole('button', { name: '截团' }).click();
    await page.getByText('现在截团？已有 3 户参团，满 2 户成团：截团后团购成团，业主不能再参团。').waitFor();
    await page.getByRole('button', { name: '确定截团' }).click();
    await page.getByRole('status').getByText('已截团：已成团').waitFor();
    expect((await groupBuy(groupBuyId)).status).toBe('CONFIRMED');
    await page.getByRole('button', { name: '开始分发' }).click();
    await page.getByRole('button', { name: '确定开始分发' }).click();
    await page.getByRole('status').getByText('团购现在：分发中').waitFor();
    expect((await groupBuy(groupBuyId)).status).toBe('DISTRIBUTING');
    await pickup.getByRole('button', { name: `${first.building} ${first.room}室 取货` }).click();
    await pickup.getByRole('region', { name: `${first.building}的参团住户` }).getByText(/^已取货 /).waitFor();
    await pickup.getByText('已取货 1 / 3 户').waitFor();
    const shared = await groupBuy(groupBuyId);
    expect(shared.participations.filter((p) => p.pickedUp).map((p) => p.household?.room)).toEqual([first.room]);
    await expectAccessible(page);
    await screenshot(page, 'phone-zh-CN-group-buys-pickup');

    // Printing: the button prints; on paper the console's frame and the page's controls are left off, the list stays.
    await page.evaluate(() => {
      const w = window as unknown as { printed: number; print: () => void };
      w.printed = 0;
      w.print = () => void (w.printed += 1);
    });
    await pickup.getByRole('button', { name: '打印取货清单' }).click();
    expect(await page.evaluate(() => (window as unknown as { printed: number }).printed)).toBe(1);
    await page.emulateMedia({ media: 'print' });
    expect(await page.getByRole('navigation', { name: '团购的功能' }).isVisible()).toBe(false);
    expect(await page.getByRole('button', { name: '打印取货清单' }).isVisible()).toBe(false);
    expect(await page.getByRole('button', { name: '完成团购' }).isVisible()).toBe(false);
    expect(await page.getByRole('button', { name: '退出登录' }).isVisible()).toBe(false);
    expect(await page.getByText(`B小区 · ${TITLE} · 取货清单`).isVisible()).toBe(true);
    expect(await pickup.getByRole('region', { name: `${second.building}的参团住户` }).getByText(`${second.room}室`, { exact: true }).isVisible()).toBe(true);
    await screenshot(page, 'phone-zh-CN-group-buys-print');
    await page.emulateMedia({ media: 'screen' });

    // Everyone has picked up: completed.
    await page.getByRole('button', { name: '完成团购' }).click();
    await page.getByRole('button', { name: '确定完成' }).click();
    await page.getByRole('status').getByText('团购现在：已完成').waitFor();
    expect((await groupBuy(groupBuyId)).status).toBe('COMPLETED');
  });
});
