// A party member on a phone (375×812, zh-CN): 李卫东 collects tonight's orders for households on two of his floors
// (one household takes 2 units, the second paying the list price), the staff move the compound's orders to the gate,
// he marks a floor delivered, and the committee's counts and the city's figure move by what his screen says. Then the
// stairwell: a batch made offline waits on the phone and is sent once when the network is back; a batch whose answer
// is lost is sent again with the same key and orders once; a refusal (past the cut-off) is shown and never retried; a
// second pick beside a waiting batch is estimated at the list price; once the phone's clock passes the cut-off it no
// longer sends.
import { addDays, DEMO_ACTORS, fixedClock } from '@cgov/shared';
import type { BrowserContext, Page, Request } from 'playwright-core';
import { expect, test } from 'vitest';
import { describeInBrowser, expectAccessible, screenshot, signInAs, useConsoleTestbed, type TestPage } from '../harness.js';

const li = DEMO_ACTORS.find((actor) => actor.id === 'party-member-li')!;
const Q_COMMUNITY = '420102001001';
const CITY = '4201';
const TODAY = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
const TOMORROW = addDays(TODAY, 1);
/**
 * The platform's clock and the phone's: now, but no later than 19:00 in Shanghai, so that tomorrow's orders are still
 * open (20:00 cut-off) whenever the test runs. Never later than now: the sign-in's token lasts 12 hours of real time.
 */
const START = new Date(Math.min(Date.now(), Date.parse(`${TODAY}T19:00:00+08:00`)));
const clock = fixedClock(START);

interface Stats {
  orders: number;
  units: number;
  households: number;
  subsidyTotal: string;
  payableTotal: string;
  delivered: number;
}
interface HouseholdOrders {
  id: string;
  floor: number;
  room: string;
  needsDoorToDoor: boolean;
  orders: Array<{ id: string; quantity: number; subsidizedQuantity: number; payable: string; status: string; channel: string; package: { name: string } }>;
}

const STATS = 'orders units households subsidyTotal payableTotal delivered';
const fen = (money: string) => Math.round(Number(money) * 100);

describeInBrowser('a party member on a phone (PARTY_MEMBER)', () => {
  const bed = useConsoleTestbed({ clock });
  const staff = () => bed.caller('COMMUNITY_STAFF', Q_COMMUNITY);

  /** The phone: 375×812, zh-CN, its clock the platform's; signed in as 李卫东, on his page. */
  async function phone(): Promise<TestPage> {
    const testPage = await bed.newPage({ viewport: 'phone' });
    await testPage.context.clock.setFixedTime(START);
    await signInAs(testPage.page, li.label['zh-CN']);
    await testPage.page.waitForURL('**/floors/orders');
    return testPage;
  }

  /** The households on 李卫东's floors with their orders for tomorrow, as the committee's staff read them. */
  async function households(): Promise<Map<string, HouseholdOrders>> {
    const answer = await staff().query<{ partyMember: { households: HouseholdOrders[] } }>(
      `query($id: ID!, $date: Date!) { partyMember(id: $id) { households { id floor room needsDoorToDoor
         orders(date: $date) { id quantity subsidizedQuantity payable status channel package { name } } } } }`,
      { id: li.scope, date: TOMORROW },
    );
    expect(answer.errors).toBeUndefined();
    return new Map(answer.data!.partyMember.households.map((household) => [household.room, { ...household, orders: household.orders.filter((o) => o.status !== 'CANCELLED') }]));
  }

  /** Tomorrow's figures: the committee's (community and A小区's report per package) and the city's dashboard figure. */
  async function figures() {
    const community = await staff().query<{ community: { orderStats: Stats } }>(`query($d: Date!) { community(id: "${Q_COMMUNITY}") { orderStats(date: $d) { ${STATS} } } }`, { d: TOMORROW });
    const city = await bed.caller('CITY_OFFICIAL', CITY).query<{ city: { orderStats: Stats } }>(`query($d: Date!) { city(id: "${CITY}") { orderStats(date: $d) { ${STATS} } } }`, { d: TOMORROW });
    const report = await staff().query<{ partyMember: { assignments: Array<{ building: { compound: { id: string; orderReport: Array<{ package: { name: string }; units: number; orders: number }> } } }> } }>(
      `query($id: ID!, $d: Date!) { partyMember(id: $id) { assignments { building { compound { id orderReport(date: $d) { package { name } units orders } } } } } }`,
      { id: li.scope, d: TOMORROW },
    );
    for (const answer of [community, city, report]) expect(answer.errors).toBeUndefined();
    const compound = report.data!.partyMember.assignments[0]!.building.compound;
    return {
      community: community.data!.community.orderStats,
      city: city.data!.city.orderStats,
      compoundId: compound.id,
      unitsByPackage: Object.fromEntries(compound.orderReport.map((line) => [line.package.name, line.units])),
    };
  }

  /** The household group of the checklist for a room ("901 张三"). */
  const household = (page: Page, room: string) => page.getByRole('group', { name: new RegExp(`^${room} `) });

  /** Ticks a package for a household and sets its quantity with the + button. */
  async function pick(page: Page, room: string, packageName: string, quantity: number) {
    const group = household(page, room);
    await group.getByRole('checkbox', { name: packageName }).check();
    for (let i = 1; i < quantity; i += 1) await group.getByRole('button', { name: `1栋 ${room} ${packageName} 加一份` }).click();
    await expect.poll(() => group.getByRole('spinbutton', { name: `1栋 ${room} ${packageName} 份数` }).inputValue()).toBe(String(quantity));
  }

  /** The submitOrders requests a page sends, with their idempotency keys. */
  function watchSubmits(page: Page): string[] {
    const keys: string[] = [];
    page.on('request', (request: Request) => {
      const body = request.postData();
      if (request.url().endsWith('/graphql') && body?.includes('submitOrders')) keys.push((JSON.parse(body) as { variables: { input: { idempotencyKey: string } } }).variables.input.idempotencyKey);
    });
    return keys;
  }

  // Collecting, then delivering: two steps in order on one phone (what the first leaves, the second uses).
  let collecting: Page;
  let placedFigures: Awaited<ReturnType<typeof figures>>;

  test('collects orders on two floors, sees the second unit at list price; the committee and the city count the same', async () => {
    const before = await figures();
    const packages = await staff().query<{ community: { packages: Array<{ name: string; category: string; listPrice: string; subsidy: string; residentPrice: string; perHouseholdDailyLimit: number; orderCutoff: string }> } }>(
      `query($d: Date!) { community(id: "${Q_COMMUNITY}") { packages(date: $d) { name category listPrice subsidy residentPrice perHouseholdDailyLimit orderCutoff } } }`,
      { d: TOMORROW },
    );
    const vegetables = packages.data!.community.packages.find((pkg) => pkg.category === 'VEGETABLE_BASIC')!;
    const pork = packages.data!.community.packages.find((pkg) => pkg.category === 'PORK_BASIC')!;
    expect(vegetables).toMatchObject({ listPrice: '52.00', subsidy: '12.00', residentPrice: '40.00' });
    const start = await households();
    for (const room of ['901', '902', '1001']) expect(start.get(room)!.orders, room).toEqual([]); // A小区 1栋 has not ordered for tomorrow

    const { page } = await phone();
    collecting = page;
    await page.getByRole('heading', { name: /^收集 .*的订单$/ }).waitFor();
    // The cut-off as the package says (20:00 the evening before), and each package's three prices.
    await page.getByText(`截单时间：${new Intl.DateTimeFormat('zh-CN', { timeZone: 'Asia/Shanghai', month: 'long', day: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(new Date(vegetables.orderCutoff))}`).waitFor();
    expect(await page.getByText('原价 ¥52.00 · 补贴 ¥12.00 · 居民价 ¥40.00').count()).toBeGreaterThan(0);
    await expect.poll(() => page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);

    await pick(page, '901', vegetables.name, 2);
    // Before sending, the estimate: the policy subsidises one unit a household a day, so the second pays the list price.
    expect(vegetables.perHouseholdDailyLimit).toBe(1);
    await household(page, '901').getByText('预计应付 ¥92.00').waitFor();
    await pick(page, '902', vegetables.name, 1);
    await pick(page, '1001', pork.name, 1);
    await page.getByText('已选 3 户，3 单，4 份').waitFor();
    await expectAccessible(page);
    await screenshot(page, 'phone-zh-CN-floors-orders');

    await page.getByRole('button', { name: '发送订单' }).click();
    const answer = page.getByRole('region', { name: '已发送：平台核算的结果' });
    await answer.waitFor();

    // What the platform stored is what the screen shows: 901's second unit at the list price.
    const after = await households();
    const order901 = after.get('901')!.orders;
    expect(order901).toHaveLength(1);
    expect(order901[0]).toMatchObject({ quantity: 2, subsidizedQuantity: 1, payable: '92.00', channel: 'GROUP_CHAIN' });
    await answer.getByText(`1 份享受补贴（每份 ¥12.00）；1 份按原价 ¥52.00；应付 ¥${order901[0]!.payable}`).waitFor();
    // A household without a phone is marked to be visited, and its order says it was taken at the door.
    for (const room of ['901', '902', '1001']) {
      const { needsDoorToDoor, orders } = after.get(room)!;
      expect(orders[0]!.channel, room).toBe(needsDoorToDoor ? 'DOOR_TO_DOOR' : 'GROUP_CHAIN');
      expect(await household(page, room).getByText('需上门').count(), room).toBe(needsDoorToDoor ? 1 : 0);
    }
    expect([...after.values()].filter((h) => ['901', '902', '1001'].includes(h.room)).some((h) => h.needsDoorToDoor)).toBe(true);
    const mine = ['901', '902', '1001'].flatMap((room) => after.get(room)!.orders);
    expect(mine).toHaveLength(3);
    const units = mine.reduce((sum, o) => sum + o.quantity, 0);
    const subsidised = mine.reduce((sum, o) => sum + o.subsidizedQuantity, 0);
    const payable = mine.reduce((sum, o) => sum + fen(o.payable), 0);
    const totals = `共 3 单 ${units} 份 · 享受补贴 ${subsidised} 份，补贴 ¥${((fen(vegetables.subsidy) * 2 + fen(pork.subsidy)) / 100).toFixed(2)} · 住户应付 ¥${(payable / 100).toFixed(2)}`;
    await answer.getByText(totals).waitFor();
    // The household now shows its order as the platform priced it.
    await household(page, '901').getByText(`${vegetables.name} × 2，补贴 1 份，应付 ¥92.00（已下单）`).waitFor();
    await screenshot(page, 'phone-zh-CN-floors-orders-sent');

    // The committee's counts and the city's dashboard figure moved by exactly the screen's numbers.
    const placed = await figures();
    for (const tier of ['community', 'city'] as const) {
      expect(placed[tier].orders - before[tier].orders, tier).toBe(3);
      expect(placed[tier].units - before[tier].units, tier).toBe(units);
      expect(placed[tier].households - before[tier].households, tier).toBe(3);
      expect(fen(placed[tier].payableTotal) - fen(before[tier].payableTotal), tier).toBe(payable);
      expect(fen(placed[tier].subsidyTotal) - fen(before[tier].subsidyTotal), tier).toBe(fen(vegetables.subsidy) * 2 + fen(pork.subsidy));
    }
    expect((placed.unitsByPackage[vegetables.name] ?? 0) - (before.unitsByPackage[vegetables.name] ?? 0)).toBe(3);
    expect((placed.unitsByPackage[pork.name] ?? 0) - (before.unitsByPackage[pork.name] ?? 0)).toBe(1);
    placedFigures = placed;
  });

  test('marks a floor and a door delivered, the committee and the city count them; the tally and the record are the API\'s, in Chinese and English', async () => {
    const page = collecting;
    const placed = placedFigures;
    // The staff report, procure and bring the compound's orders for tomorrow to the gate.
    for (const to of ['REPORTED', 'PROCURED', 'AT_GATE']) {
      const moved = await staff().op('AdvanceOrders', { input: { compoundId: placed.compoundId, date: TOMORROW, to } });
      expect(moved.errors, to).toBeUndefined();
    }

    await page.getByRole('tab', { name: '送货' }).click();
    await page.waitForURL('**/floors/deliveries');
    await page.getByRole('radiogroup', { name: '送货日期' }).getByText(/^明天/).click();
    await expect.poll(() => page.getByRole('radio', { name: /^明天/ }).isChecked()).toBe(true);
    const floor9 = page.getByRole('region', { name: '9 层' });
    await floor9.getByRole('button', { name: '9 层全部送达' }).waitFor();
    await expectAccessible(page);
    await screenshot(page, 'phone-zh-CN-floors-deliveries');
    await floor9.getByRole('button', { name: '9 层全部送达' }).click();
    await expect.poll(() => floor9.getByText('已送到家', { exact: true }).count()).toBe(2);
    // Delivered as soon as the queue has sent it: no "delivered" button comes back while the list refreshes (another tap
    // would make a second batch, refused as a conflict).
    for (let i = 0; i < 5; i += 1) {
      expect(await floor9.getByRole('button', { name: /送达/ }).count()).toBe(0);
      await page.waitForTimeout(200);
    }
    await page.getByRole('button', { name: '1栋 1001 送达' }).click();
    await expect.poll(() => page.getByRole('region', { name: '10 层' }).getByText('已送到家', { exact: true }).count()).toBe(1);

    const delivered = await households();
    for (const room of ['901', '902', '1001']) expect(delivered.get(room)!.orders.map((o) => o.status), room).toEqual(['DELIVERED']);
    const deliveredFigures = await figures();
    for (const tier of ['community', 'city'] as const) expect(deliveredFigures[tier].delivered - placed[tier].delivered, tier).toBe(3);
    // The screen's tally of the day is the API's.
    const deliveries = await staff().query<{ partyMember: { deliveries: Array<{ status: string }> } }>('query($id: ID!, $d: Date!) { partyMember(id: $id) { deliveries(date: $d) { status } } }', { id: li.scope, d: TOMORROW });
    const list = deliveries.data!.partyMember.deliveries;
    await page.getByText(`共 ${list.length} 单：已送达 ${list.filter((o) => o.status === 'DELIVERED').length} 单`).waitFor();

    // His record, as the API counts it.
    await page.getByRole('tab', { name: '我的记录' }).click();
    const record = await staff().query<{ partyMember: { record: { ordersCollected: number; deliveriesMade: number } } }>('query($id: ID!) { partyMember(id: $id) { record { ordersCollected deliveriesMade } } }', { id: li.scope });
    const { ordersCollected, deliveriesMade } = record.data!.partyMember.record;
    await page.getByRole('group', { name: '收集的订单' }).getByText(`${ordersCollected} 单`).waitFor();
    await page.getByRole('group', { name: '送到门口的订单' }).getByText(`${deliveriesMade} 单`).waitFor();
    // His emergency team shifts and visits, all time and for the month shown first (the current one), as the API counts them.
    const counts = 'ordersCollected deliveriesMade visitsRecorded emergencyShifts';
    const all = (await staff().query<{ partyMember: { record: { visitsRecorded: number; emergencyShifts: number } } }>(`query($id: ID!) { partyMember(id: $id) { record { ${counts} } } }`, { id: li.scope })).data!.partyMember.record;
    expect(all.emergencyShifts).toBeGreaterThan(0);
    await page.getByRole('group', { name: '应急队值班' }).getByText(`${all.emergencyShifts} 班`).waitFor();
    await page.getByRole('group', { name: '入户走访' }).getByText(`${all.visitsRecorded} 次`).waitFor();
    const months = page.getByRole('list', { name: '按月记录（近 6 个月）' }).getByRole('listitem');
    expect(await months.count()).toBe(6);
    const shown = (await months.first().innerText()).trim();
    const month = (await staff().query<{ partyMember: { record: Record<string, number> } }>(`query($id: ID!, $m: String) { partyMember(id: $id) { record(month: $m) { ${counts} } } }`, { id: li.scope, m: shown.slice(0, 7) })).data!.partyMember.record;
    expect(shown).toBe(`${shown.slice(0, 7)}：收单 ${month.ordersCollected} · 送达 ${month.deliveriesMade} · 走访 ${month.visitsRecorded} · 值班 ${month.emergencyShifts}`);
    await expectAccessible(page);
    await screenshot(page, 'phone-zh-CN-floors-record');

    // The same page in English (the switch is in the menu's drawer on a phone).
    await page.getByRole('button', { name: '打开菜单' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Switch to English' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Close the menu' }).click();
    await page.getByRole('tab', { name: "Tonight's orders" }).waitFor();
    await page.getByRole('group', { name: 'Orders collected' }).getByText(`${ordersCollected} orders`).waitFor();
    await page.getByText('Sent 3', { exact: false }).waitFor();
    await expectAccessible(page);
  });

  // The offline journey in three steps, each its own test run in order on one phone (as one test it ran past the
  // per-test limit on a busy CI machine): what the first opens, the next ones use.
  const vegetables = '蔬菜套餐A';
  const pork = '猪肉套餐';
  let page: Page;
  let context: BrowserContext;
  let keys: string[];

  test('offline, a batch waits on the phone and is sent once when the network is back', async () => {
    ({ page, context } = await phone());
    keys = watchSubmits(page);
    await page.getByRole('heading', { name: /^收集 .*的订单$/ }).waitFor();

    // The network drops: the batch is kept and the page says so.
    await pick(page, '1101', vegetables, 1);
    await pick(page, '1102', pork, 1);
    await context.setOffline(true);
    await page.getByRole('button', { name: '发送订单' }).click();
    await page.getByText('这批订单已存在本机，联网后自动发送（同一编号，不会重复下单）。').waitFor();
    await page.getByText('网络已断开，1 项等待发送。联网后自动发送，不会重复。').waitFor();
    await household(page, '1101').getByText('待发送').waitFor();
    await household(page, '1101').getByText(`${vegetables} × 1`).waitFor();
    // Picked again while that batch waits: the waiting line has the household's one subsidised unit, so the list price.
    await pick(page, '1101', vegetables, 1);
    await household(page, '1101').getByText('预计应付 ¥52.00').waitFor();
    await household(page, '1101').getByRole('checkbox', { name: vegetables }).uncheck();
    await page.getByText('还没有为任何住户选套餐。').waitFor();
    expect(keys).toEqual([]);
    expect((await households()).get('1101')!.orders).toEqual([]);
    await expectAccessible(page);
    await screenshot(page, 'phone-zh-CN-floors-offline');

    // Back online: sent once, one order per household.
    await context.setOffline(false);
    await page.getByRole('region', { name: '已发送：平台核算的结果' }).waitFor();
    expect(keys).toHaveLength(1);
    const stored = await households();
    expect(stored.get('1101')!.orders.map((o) => o.package.name)).toEqual([vegetables]);
    expect(stored.get('1102')!.orders.map((o) => o.package.name)).toEqual([pork]);
  });

  test('a batch whose answer is lost is sent again with the same key, and orders once', async () => {
    // The platform takes a batch but its answer is lost on the way: the phone sends it again, with the same key, and
    // the platform answers as the first time instead of ordering twice.
    let lost = 0;
    await page.route('**/graphql', async (route) => {
      if (lost > 0 || !route.request().postData()?.includes('submitOrders')) return route.fallback();
      lost += 1;
      await route.fetch();
      return route.abort('internetdisconnected');
    });
    await pick(page, '1201', vegetables, 1);
    await pick(page, '1202', vegetables, 3);
    await page.getByRole('button', { name: '发送订单' }).click();
    await page.getByText(/这批订单还没发出：网络不通/).waitFor();
    await page.getByRole('region', { name: '已发送：平台核算的结果' }).waitFor({ timeout: 20_000 });
    await page.unrouteAll();
    expect(lost).toBe(1);
    expect(keys).toHaveLength(3);
    expect(keys[2]).toBe(keys[1]);
    const stored = await households();
    expect(stored.get('1201')!.orders).toHaveLength(1);
    expect(stored.get('1202')!.orders.map((o) => o.quantity)).toEqual([3]);
    await page.getByText('1 份享受补贴（每份 ¥12.00）；2 份按原价 ¥52.00；应付 ¥144.00').waitFor();
  });

  test('a batch the platform refuses after the cut-off is said in words and never sent again; past the cut-off the phone no longer sends', async () => {
    // 20:00 has passed on the platform (the phone's clock is a little behind): the batch is refused, said in words,
    // and never sent again — not when the network comes back, not when the page is opened again.
    clock.set(`${TODAY}T20:00:01+08:00`);
    await pick(page, '1301', vegetables, 1);
    await page.getByRole('button', { name: '发送订单' }).click();
    const refusal = page.getByRole('alert').filter({ hasText: '这批订单没有被平台接受' });
    await refusal.getByText('与当前状态冲突（例如已过截单时间，或订单已不在可送达的状态），平台没有接受。').waitFor();
    await refusal.getByText('不会自动重发。').waitFor();
    await refusal.getByText(/Orders for .* closed at/).waitFor();
    expect(keys).toHaveLength(4);
    await context.setOffline(true);
    await context.setOffline(false);
    await page.reload();
    await page.getByRole('heading', { name: '发送队列' }).waitFor();
    await page.getByText('待发送 0 · 已发送 2 · 被拒绝 1').waitFor();
    // The send queue keeps the refusal in view after the reload, with its reason; what was sent waits behind a button.
    const queued = page.getByRole('listitem').filter({ hasText: '被拒绝' });
    await queued.getByText('与当前状态冲突（例如已过截单时间，或订单已不在可送达的状态），平台没有接受。').waitFor();
    await page.getByRole('button', { name: '查看已发送的 2 项' }).waitFor();
    await page.waitForTimeout(1000);
    expect(keys).toHaveLength(4);
    expect((await households()).get('1301')!.orders).toEqual([]);
    await expectAccessible(page);
    await screenshot(page, 'phone-zh-CN-floors-refused');

    // The phone's clock passes the cut-off with the page open: it says so and no longer sends.
    await context.clock.setFixedTime(`${TODAY}T20:00:01+08:00`);
    await page.getByText('已过截单时间，不能再发送。').waitFor();
    await pick(page, '1302', vegetables, 1);
    expect(await page.getByRole('button', { name: '发送订单' }).isDisabled()).toBe(true);
    expect(keys).toHaveLength(4);
  });
});
