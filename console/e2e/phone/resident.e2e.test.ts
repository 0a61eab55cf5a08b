// A resident on a phone (375×812, zh-CN): the household of A小区 1栋 1201 orders tomorrow's vegetable package (two units:
// one subsidised, one at the list price), cancels it, orders again and gets the subsidised unit back (the answer lost on
// the way and the order sent again with the same idempotency key: placed once); follows its orders
// on their way to the door and rates a delivered package; then the evening's cut-off passes on the platform's clock: a
// press of the order button still on screen is refused in plain words, and once the phone's clock has passed it too the
// page says the cut-off has passed and offers no ordering. Every figure on screen is compared with what the API answers
// the same household.
import { DEMO_ACTORS, fixedClock } from '@cgov/shared';
import type { BrowserContext, Locator, Page } from 'playwright-core';
import { expect, test } from 'vitest';
import { describeInBrowser, expectAccessible, screenshot, signInAs, useConsoleTestbed } from '../harness.js';

const resident = DEMO_ACTORS.find((actor) => actor.id === 'resident-a1-1201')!;
const HOUSEHOLD = resident.scope;
const Q_COMMUNITY = '420102001001';

/** A calendar day `days` after (or before) one, "YYYY-MM-DD". */
function addDays(date: string, days: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

// The platform's day is yesterday (Asia/Shanghai) at 15:00, so that tomorrow's orders are being collected, and every
// time the test sets is in the real past (the tokens the platform signs expire 12 h after the real now).
const realToday = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
const today = addDays(realToday, -1);
const tomorrow = addDays(today, 1);
const afternoon = `${today}T15:00:00+08:00`;
const afterCutoff = `${today}T20:05:00+08:00`;

interface PackageFigures {
  id: string;
  name: string;
  category: string;
  listPrice: string;
  subsidy: string | null;
  residentPrice: string | null;
  orderCutoff: string;
}

interface OrderFigures {
  id: string;
  quantity: number;
  subsidizedQuantity: number;
  payable: string;
  status: string;
  package: { id: string; name: string };
}

describeInBrowser('a resident orders, cancels and meets the cut-off (RESIDENT, phone)', () => {
  const clock = fixedClock(afternoon);
  const bed = useConsoleTestbed({ clock });

  /** Tomorrow's packages and the household's orders for that day, as the household reads them. */
  async function household(): Promise<{ packages: PackageFigures[]; orders: OrderFigures[] }> {
    const answer = await bed.caller('RESIDENT', HOUSEHOLD).query<{ community: { packages: PackageFigures[] }; household: { orders: OrderFigures[] } }>(
      `query($c: ID!, $h: ID!, $d: Date!) {
        community(id: $c) { packages(date: $d) { id name category listPrice subsidy residentPrice orderCutoff } }
        household(id: $h) { orders(date: $d) { id quantity subsidizedQuantity payable status package { id name } } }
      }`,
      { c: Q_COMMUNITY, h: HOUSEHOLD, d: tomorrow },
    );
    expect(answer.errors).toBeUndefined();
    return { packages: answer.data!.community.packages, orders: answer.data!.household.orders };
  }

  // One journey in three steps (each its own test, run in order on one phone): what the first opens, the next ones use.
  let page: Page;
  let context: BrowserContext;
  let first: PackageFigures, second: PackageFigures;
  let card: Locator, ordered: Locator;
  let again: OrderFigures;

  test('orders two units (one subsidised) priced before ordering, and cancels', async () => {
    const before = await household();
    expect(before.orders).toEqual([]); // the demo leaves A小区 1栋's orders for tomorrow to be made
    const vegetables = before.packages.filter((pkg) => pkg.category === 'VEGETABLE_BASIC');
    [first, second] = vegetables as [PackageFigures, PackageFigures];
    expect(first).toMatchObject({ listPrice: '52.00', subsidy: '12.00', residentPrice: '40.00' });
    expect(first.orderCutoff).toBe(`${today}T20:00:00+08:00`);

    ({ page, context } = await bed.newPage({ viewport: 'phone' }));
    await context.clock.setFixedTime(new Date(afternoon));
    await signInAs(page, resident.label['zh-CN']);
    await page.waitForURL('**/household/packages');

    // Tomorrow's packages, priced for this household, with the cut-off in Beijing time.
    await page.getByRole('heading', { name: /送达的套餐$/ }).waitFor();
    await page.getByText(/^订购截止：.*20:00（北京时间）/).waitFor();
    card = page.getByRole('region', { name: first.name, exact: true });
    await card.getByText(`居民价 ¥${first.residentPrice}/份`).waitFor();
    await card.getByText(`原价 ¥${first.listPrice}，政府补贴 ¥${first.subsidy}`).waitFor();
    for (const pkg of before.packages) await page.getByRole('region', { name: pkg.name, exact: true }).waitFor();
    await expectAccessible(page);
    await screenshot(page, 'phone-zh-CN-household-packages');

    // Two units: the first within the household's subsidised unit, the second at the list price — said before ordering.
    await card.getByRole('spinbutton', { name: `${first.name}的份数` }).fill('2');
    await card.getByText('2 份应付 ¥92.00（1 份享受补贴）').waitFor();
    await card.getByRole('button', { name: `订购${first.name}` }).click();
    ordered = card.getByRole('status');
    await ordered.getByText(/^已下单：/).waitFor();
    const afterOrder = await household();
    expect(afterOrder.orders).toHaveLength(1);
    const order = afterOrder.orders[0]!;
    expect(order).toMatchObject({ quantity: 2, subsidizedQuantity: 1, payable: '92.00', status: 'PLACED', package: { id: first.id } });
    expect(await ordered.textContent()).toBe(`已下单：${first.name} ${order.quantity} 份，其中 ${order.subsidizedQuantity} 份享受补贴，应付 ¥${order.payable}`);

    // The day's orders below the packages: the order, its figures, where it is, and a cancel button.
    const dayOrders = page.getByRole('region', { name: /^本户.*的订单$/ });
    await dayOrders.getByText(`${order.quantity} 份，其中 ${order.subsidizedQuantity} 份享受补贴`).waitFor();
    await dayOrders.getByText(`应付 ¥${order.payable}`).waitFor();
    await dayOrders.getByText('有 1 份超出每日补贴份数，按原价 ¥52.00/份计').waitFor();
    await dayOrders.getByRole('group', { name: `${first.name}的配送进度` }).waitFor();
    await dayOrders.getByRole('button', { name: `取消${first.name}的订单` }).click();
    await page.getByRole('button', { name: '确定取消' }).click();
    await dayOrders.getByRole('status').getByText(`已取消${first.name}的订单`).waitFor();
    await dayOrders.getByText('已取消', { exact: true }).waitFor();
    expect((await household()).orders.map((o) => o.status)).toEqual(['CANCELLED']);
  });

  test('orders again with the answer lost on the way (placed once, same key), follows its orders and rates a delivered package', async () => {
    // Ordering again, the platform places the order but its answer is lost on the way to the phone: the page says the
    // network failed and offers to send again, which sends the same idempotency key, so the order is placed once.
    const keys: string[] = [];
    let loseAnswer = true;
    await page.route('**/graphql', async (route) => {
      const body = route.request().postDataJSON() as { query?: string; variables?: { input?: { idempotencyKey?: string } } } | null;
      if (!body?.query?.includes('mutation HouseholdSubmitOrders')) return route.fallback();
      keys.push(body.variables!.input!.idempotencyKey!);
      if (!loseAnswer) return route.fallback();
      loseAnswer = false;
      await route.fetch(); // the platform places the order…
      await route.abort('connectionreset'); // …and the phone never hears back
    });
    await card.getByRole('button', { name: `订购${first.name}` }).click();
    await card.getByRole('alert').getByText(/^网络不通，没有收到平台的回复/).waitFor();
    expect((await household()).orders.filter((o) => o.status === 'PLACED')).toHaveLength(1);
    await card.getByRole('button', { name: `重新提交${first.name}的订单` }).click();
    await ordered.getByText(/^已下单：/).waitFor();
    await page.unroute('**/graphql');
    expect(keys).toHaveLength(2);
    expect(keys[1]).toBe(keys[0]);
    // Once, not twice; and cancelled, the first order's subsidised unit went back to the household's day: one unit now
    // pays the resident price.
    const placed = (await household()).orders.filter((o) => o.status === 'PLACED');
    expect(placed).toHaveLength(1);
    again = placed[0]!;
    expect(again).toMatchObject({ quantity: 1, subsidizedQuantity: 1, payable: first.residentPrice });
    expect(await ordered.textContent()).toBe(`已下单：${first.name} 1 份，其中 1 份享受补贴，应付 ¥${again.payable}`);

    // Its orders on their way to the door; a delivered one rated.
    await page.getByRole('navigation', { name: '我家的功能' }).getByText('我的订单').click();
    await page.waitForURL('**/household/orders');
    await page.getByRole('heading', { name: '我的订单' }).waitFor();
    const all = await bed
      .caller('RESIDENT', HOUSEHOLD)
      .query<{ household: { orders: Array<OrderFigures & { package: { date: string } }> } }>(
        'query($h: ID!) { household(id: $h) { orders { id quantity subsidizedQuantity payable status package { id name date } } } }',
        { h: HOUSEHOLD },
      );
    const newest = all.data!.household.orders[0]!;
    expect(newest.id).toBe(again.id);
    const newestCard = page.getByRole('region', { name: new RegExp(`^${again.package.name} · `) }).first();
    await newestCard.getByText('已下单', { exact: true }).waitFor();
    await newestCard.getByText(`应付 ¥${newest.payable}`).waitFor();
    const rateable = page.getByRole('region').filter({ has: page.getByRole('button', { name: /^评价/ }) }).first();
    if ((await rateable.count()) === 0) await page.getByRole('button', { name: /^显示更早的 \d+ 笔订单$/ }).click();
    // The card of a delivered order, by its name (its package and day), which stays when its rating form opens.
    const deliveredName = (await rateable.getByText(/ · .*送达$/).textContent())!;
    // The page lists orders as the API does, newest first: the first with a rating button is the newest delivered one.
    const deliveredOrder = all.data!.household.orders.find((o) => o.status === 'DELIVERED')!;
    expect(deliveredName.startsWith(`${deliveredOrder.package.name} · `)).toBe(true);
    const delivered = page.getByRole('region', { name: deliveredName, exact: true });
    await delivered.getByText('已送到家', { exact: true }).waitFor();
    await expectAccessible(page);
    await screenshot(page, 'phone-zh-CN-household-orders');
    await delivered.getByRole('button', { name: /^评价/ }).click();
    // Ant Design's radio buttons hide the input itself under the label a person taps.
    await delivered.getByRole('radiogroup', { name: /^给.*打分$/ }).getByText('4 星', { exact: true }).click();
    expect(await delivered.getByRole('radio', { name: '4 星' }).isChecked()).toBe(true);
    const comment = `菜很新鲜（测试 ${Date.now()}）`;
    await delivered.getByRole('textbox', { name: '想对居委会说的话（可不填）' }).fill(comment);
    await expectAccessible(page);
    await screenshot(page, 'phone-zh-CN-household-rate');
    await delivered.getByRole('button', { name: '提交评价' }).click();
    await delivered.getByRole('status').getByText('谢谢！已评 4 星，居委会安排明天的套餐时会看到').waitFor();
    const ratings = await bed
      .caller('RESIDENT', HOUSEHOLD)
      .query<{ package: { ratingCount: number; ratings: Array<{ rating: number; comment: string | null }> } }>(
        'query($p: ID!) { package(id: $p) { ratingCount ratings { rating comment } } }',
        { p: deliveredOrder.package.id },
      );
    expect(ratings.errors).toBeUndefined();
    const mine = ratings.data!.package.ratings.filter((rating) => rating.comment === comment);
    expect(mine).toEqual([{ rating: 4, comment }]);
  });

  test('cannot order after the cut-off: refused in words on the platform\'s clock, then no ordering once the phone\'s clock has passed it', async () => {
    // 20:05 on the platform: the cut-off has passed there, while the phone still shows the order button.
    await page.getByRole('navigation', { name: '我家的功能' }).getByText('明日套餐').click();
    await page.waitForURL('**/household/packages');
    clock.set(afterCutoff);
    const secondCard = page.getByRole('region', { name: second.name, exact: true });
    await secondCard.getByRole('button', { name: `订购${second.name}` }).click();
    const refusal = secondCard.getByRole('alert');
    await refusal.getByText(/^没能下单：订购已于 .*20:00（北京时间）截止，这次没有下单。$/).waitFor();
    const afterRefusal = await household();
    expect(afterRefusal.orders.filter((o) => o.status !== 'CANCELLED').map((o) => o.id)).toEqual([again.id]);

    // Once the phone's clock has passed 20:00 too, the page says the cut-off has passed and offers no ordering or cancelling.
    await context.clock.setFixedTime(new Date(afterCutoff));
    await page.getByText(/^订购已于 .*20:00（北京时间）截止，这一天的套餐不能再订购或取消$/).waitFor({ timeout: 15_000 });
    expect(await page.getByRole('button', { name: /^订购/ }).count()).toBe(0);
    expect(await page.getByRole('button', { name: /^取消.*的订单$/ }).count()).toBe(0);
    await page.getByText('已截止订购').first().waitFor();
    await expectAccessible(page);
    await screenshot(page, 'phone-zh-CN-household-cutoff');
  });
});
