// A grid worker on a phone (375×812, zh-CN): 刘芳 of A小区1栋's micro-grid lands on her grid's page, sees only her
// grid's households (1栋's, not 2栋's), the households in care with the overdue one first and the one due today next,
// as the API's overdue and nextVisitDue say; records a visit, then one in a stairwell without network that waits on the
// phone and is sent once when the network is back; the API then shows both visits and no household overdue; she flags
// a household for care and the API has it.
import { DEMO, DEMO_ACTORS, demoId, demoIds, fixedClock } from '@cgov/shared';
import type { Page, Request } from 'playwright-core';
import { expect, test } from 'vitest';
import { describeInBrowser, expectAccessible, screenshot, signInAs, useConsoleTestbed, type TestPage } from '../harness.js';

const liu = DEMO_ACTORS.find((actor) => actor.id === 'grid-worker-liu')!;
const Q = DEMO.communityId;
const QA1 = demoIds.building(demoIds.compound(Q, 'A小区'), '1栋');
const A1 = demoId(`grid:${Q}:a1`);
const household = (room: string) => demoIds.household(QA1, room);
const DAY = 86_400_000;
const MINUTE = 60_000;
/** How long a check waits for the page or the platform to catch up (the machine is shared). */
const WAIT = { timeout: 20_000, interval: 250 };
const SHANGHAI_DAY = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' });

/**
 * The platform's clock and the phone's: a whole second a little before now (tokens are checked against the real time),
 * kept off the last minutes of a Shanghai day so that a visit due a minute later is due today.
 */
const START = (() => {
  let at = Math.floor((Date.now() - 2 * MINUTE) / 1000) * 1000;
  if (SHANGHAI_DAY.format(new Date(at)) !== SHANGHAI_DAY.format(new Date(at + 5 * MINUTE))) at -= 10 * MINUTE;
  return new Date(at);
})();
const clock = fixedClock(START);

interface Care {
  household: { id: string; room: string; building: { name: string } };
  kind: string;
  visitEveryDays: number;
  lastVisitAt: string | null;
  nextVisitDue: string;
  overdue: boolean;
}

describeInBrowser('a grid worker on a phone (GRID_WORKER, zh-CN)', () => {
  const bed = useConsoleTestbed({ clock });
  const worker = () => bed.caller('GRID_WORKER', liu.scope);

  /** The care list of her micro-grid, as she reads it through the API, by room. */
  async function care(): Promise<Map<string, Care>> {
    const answer = await worker().query<{ grid: { careHouseholds: Care[] } }>(
      'query($id: ID!) { grid(id: $id) { careHouseholds { household { id room building { name } } kind visitEveryDays lastVisitAt nextVisitDue overdue } } }',
      { id: A1 },
    );
    expect(answer.errors).toBeUndefined();
    return new Map(answer.data!.grid.careHouseholds.map((flag) => [flag.household.room, flag]));
  }

  /** A cared-for household's card on the page ("1栋 702 …"). */
  const cared = (page: Page, room: string) => page.getByRole('region', { name: '关爱对象' }).getByRole('group', { name: new RegExp(`^1栋 ${room}( |$)`) });

  /** Writes a visit's note in the dialog opened from a button and saves it. */
  async function recordVisit(page: Page, room: string, note: string) {
    await cared(page, room).getByRole('button', { name: `记录走访：1栋 ${room}` }).click();
    const dialog = page.getByRole('dialog', { name: `记录走访：1栋 ${room}` });
    await dialog.getByLabel('走访情况').fill(note);
    await dialog.getByRole('button', { name: '保存走访' }).click();
    await dialog.waitFor({ state: 'hidden' });
  }

  // One phone through the steps below, in order: each step a test of its own, to keep each well within its time.
  let phone: TestPage;
  const visits: string[] = [];
  let before: Map<string, Care>;

  test('lands on its grid: care overdue first, then due today, as the API says', async () => {
    // 1801 flagged seven days less a minute ago, every 7 days: due a minute from now, today. 702 (the demo's) is overdue.
    clock.set(new Date(START.getTime() - 7 * DAY + MINUTE));
    const flagged = await bed.caller('COMMUNITY_STAFF', Q).op('FlagHouseholdCare', { input: { householdId: household('1801'), kind: 'DISABLED', visitEveryDays: 7 } });
    expect(flagged.errors).toBeUndefined();
    clock.set(START);
    before = await care();
    expect([...before.keys()].sort()).toEqual(['1201', '1801', '201', '702']);
    expect(before.get('702')!.overdue).toBe(true);
    expect(before.get('1801')).toMatchObject({ overdue: false, lastVisitAt: null });
    expect(Date.parse(before.get('1801')!.nextVisitDue)).toBe(START.getTime() + MINUTE);
    const today = SHANGHAI_DAY.format(START);
    const overdue = [...before.values()].filter((flag) => flag.overdue);
    const dueToday = [...before.values()].filter((flag) => !flag.overdue && SHANGHAI_DAY.format(new Date(flag.nextVisitDue)) === today);
    expect(overdue.map((flag) => flag.household.room)).toEqual(['702']);
    expect(dueToday.map((flag) => flag.household.room)).toEqual(['1801']);

    phone = await bed.newPage({ viewport: 'phone' });
    const { page, context } = phone;
    await context.clock.setFixedTime(START);
    page.on('request', (request: Request) => {
      const body = request.postData();
      if (request.url().endsWith('/graphql') && body?.includes('recordVisit')) visits.push((JSON.parse(body) as { variables: { input: { householdId: string; idempotencyKey: string } } }).variables.input.idempotencyKey);
    });
    await signInAs(page, liu.label['zh-CN']);
    // The grid worker's home is her grid's page.
    await page.waitForURL('**/grid');
    await page.getByRole('heading', { name: '我的网格', level: 2 }).waitFor();
    await page.getByText('A小区1栋微网格（楼栋微网格），住户 36 户').waitFor();

    // Care: overdue first, then due today, then the others; the counts are the API's.
    const careList = page.getByRole('region', { name: '关爱对象' });
    await careList.getByText(`关爱对象 ${before.size} 户 · 逾期 ${overdue.length} 户 · 今天到期 ${dueToday.length} 户`).waitFor();
    const order = await careList.getByRole('group').evaluateAll((groups) => groups.map((group) => group.getAttribute('aria-label')!.split(' ')[1]));
    expect(order.slice(0, 2)).toEqual(['702', '1801']);
    expect(order.sort()).toEqual([...before.keys()].sort());
    await cared(page, '702').getByText('已逾期', { exact: true }).waitFor();
    await cared(page, '1801').getByText('今天到期', { exact: true }).waitFor();
    expect(await careList.getByText('已逾期', { exact: true }).count()).toBe(1);
    expect(await careList.getByText('今天到期', { exact: true }).count()).toBe(1);
  });

  test('lists only its grid’s households: 1栋’s, each door the API lists', async () => {
    const { page } = phone;
    // Only her grid's households: 1栋's 36, each door the API lists, no other building's.
    const building = await worker().query<{ building: { households: Array<{ room: string }> } }>('query($id: ID!) { building(id: $id) { households { room } } }', { id: QA1 });
    expect(building.errors).toBeUndefined();
    const rooms = building.data!.building.households.map((h) => h.room).sort();
    expect(rooms).toHaveLength(36);
    const households = page.getByRole('region', { name: '本网格住户' });
    await households.getByRole('heading', { name: '1栋（36 户）' }).waitFor();
    const shown = await households.getByRole('listitem').evaluateAll((items) => items.map((item) => item.getAttribute('aria-label')!));
    expect(shown.map((label) => label.split(' ')[1]).sort()).toEqual(rooms);
    expect(shown.every((label) => label.startsWith('1栋 '))).toBe(true);
    expect(await page.getByText(/^2栋/).count()).toBe(0);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    await expectAccessible(page);
    await screenshot(page, 'phone-zh-CN-grid-worker');
  });

  test('records the visit due today: sent at once, the API has it', async () => {
    const { page } = phone;
    // A visit for the one due today: sent at once; the API has it and the card no longer says due today.
    await recordVisit(page, '1801', '上门看望，轮椅完好。');
    await expect.poll(async () => (await care()).get('1801')!.lastVisitAt, WAIT).not.toBeNull();
    expect(Date.parse((await care()).get('1801')!.lastVisitAt!)).toBe(START.getTime());
    await expect.poll(() => cared(page, '1801').getByText('今天到期', { exact: true }).count(), WAIT).toBe(0);
    expect(visits).toHaveLength(1);
  });

  test('records a visit offline: it waits on the phone and is sent once back online; the API shows it and nothing overdue', async () => {
    const { page, context } = phone;
    const careList = page.getByRole('region', { name: '关爱对象' });
    // In the stairwell without network: the visit waits on the phone and the platform has not got it.
    await context.setOffline(true);
    await recordVisit(page, '702', '送药上门，血压正常。');
    await page.getByText('网络已断开，1 项等待发送。联网后自动发送，不会重复。').waitFor();
    await cared(page, '702').getByText('走访待发送', { exact: true }).waitFor();
    await page.getByRole('heading', { name: '发送队列' }).waitFor();
    await page.getByText('走访：1栋 702').waitFor();
    await screenshot(page, 'phone-zh-CN-grid-worker-offline');
    expect((await care()).get('702')).toMatchObject({ overdue: true });

    // Back online: sent once, with the key made when it was recorded; the API shows the visit and 702 no longer overdue.
    await context.setOffline(false);
    await expect.poll(async () => (await care()).get('702')!.overdue, WAIT).toBe(false);
    const after = await care();
    expect(Date.parse(after.get('702')!.lastVisitAt!)).toBe(START.getTime());
    expect(Date.parse(after.get('702')!.nextVisitDue)).toBe(START.getTime() + 7 * DAY);
    expect(visits).toHaveLength(2);
    await expect.poll(() => careList.getByText('已逾期', { exact: true }).count(), WAIT).toBe(0);
    await careList.getByText(`关爱对象 ${after.size} 户 · 逾期 0 户 · 今天到期 0 户`).waitFor();
    expect([...after.values()].filter((flag) => flag.overdue)).toEqual([]);
  });

  test('flags a household of its grid for care: the API has the flag', async () => {
    const { page } = phone;
    const households = page.getByRole('region', { name: '本网格住户' });
    // Flags 1802 for care (a child in difficulty, every 14 days) from the household list: the API has the flag.
    await households.getByRole('button', { name: '标记关爱：1栋 1802' }).click();
    const dialog = page.getByRole('dialog', { name: '标记关爱对象：1栋 1802' });
    await dialog.getByRole('radiogroup', { name: '关爱类型' }).getByText('困境儿童', { exact: true }).click();
    await expect.poll(() => dialog.getByRole('radio', { name: '困境儿童' }).isChecked(), WAIT).toBe(true);
    await dialog.getByRole('spinbutton', { name: '走访间隔（天）' }).fill('14');
    await dialog.getByRole('button', { name: '标记' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await cared(page, '1802').waitFor();
    expect((await care()).get('1802')).toMatchObject({ kind: 'CHILD_IN_DIFFICULTY', visitEveryDays: 14, overdue: false, lastVisitAt: null });
    await expectAccessible(page);
  });
});
