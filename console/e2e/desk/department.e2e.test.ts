// A department's requests (DEPARTMENT_OFFICER, 市供水集团): a water request the catalogue sends it straight away is on
// its desk with the response deadline counting down; it accepts and replies. A street blows the whistle on it for a
// request the street holds: the summons waits with the 24-hour report deadline counting down, and "报到" reports; a
// second report is refused in words. Every step is checked against the API.
import { fixedClock } from '@cgov/shared';
import { expect, test } from 'vitest';
import { describeInBrowser, expectAccessible, screenshot, signInAs, useConsoleTestbed } from '../harness.js';
import { after, fileByHotline, moves, readRequest, uniqueWords, WATER_DEPARTMENT } from '../requests.js';

const START = '2026-11-20T09:00:00+08:00';

describeInBrowser("a department's requests and summons (DEPARTMENT_OFFICER)", () => {
  const clock = fixedClock(START);
  const bed = useConsoleTestbed({ clock });

  /** Moves the platform's clock and the page's to the same instant. */
  async function moveClocks(context: { clock: { setFixedTime(time: Date): Promise<void> } }, to: Date) {
    clock.set(to.toISOString());
    await context.clock.setFixedTime(to);
  }

  test('accepts and replies to a request the catalogue sent it, its deadlines counting down', async () => {
    const words = uniqueWords('整个单元没有自来水');
    const filed = await fileByHotline(bed, { description: words, categoryCode: 'WATER' });
    expect(filed).toMatchObject({ status: 'DISPATCHED', street: null, department: { id: WATER_DEPARTMENT.scope } });

    const { page, context } = await bed.newPage();
    await context.clock.setFixedTime(new Date(START));
    await signInAs(page, WATER_DEPARTMENT.label['zh-CN']);
    await page.waitForURL('**/requests');
    await page.getByRole('heading', { name: '委办局接诉即办' }).waitFor();
    const card = page.getByRole('region', { name: '供水 · Q社区' }).filter({ hasText: words });
    await card.getByRole('timer', { name: '响应剩余 02:00:00' }).waitFor();
    await expectAccessible(page);

    await moveClocks(context, after(START, 45));
    await card.getByRole('timer', { name: '响应剩余 01:15:00' }).waitFor();
    await card.getByRole('button', { name: '受理诉求：供水 · Q社区' }).click();
    await card.getByRole('timer', { name: '答复剩余 23:15:00' }).waitFor();
    expect(await readRequest(bed, filed.id)).toMatchObject({ status: 'ACCEPTED', respondedLate: false });
    await card.getByRole('button', { name: '答复诉求：供水 · Q社区' }).click();
    await card.getByLabel('答复内容').fill('管道已抢修完毕，已恢复供水');
    await card.getByRole('button', { name: '提交答复' }).click();
    await expect.poll(async () => (await readRequest(bed, filed.id)).status).toBe('REPLIED');
    await expect.poll(() => page.getByRole('region').filter({ hasText: words }).count()).toBe(0);
  });

  test('reports (报到) on a whistle before the 24-hour deadline; the request stays the street’s', async () => {
    clock.set(START);
    const words = uniqueWords('小区二次供水水箱脏了，居民不敢喝');
    const filed = await fileByHotline(bed, { description: words, categoryCode: 'PROPERTY' });
    await moves.whistle(bed, filed.id, [WATER_DEPARTMENT.scope], '请派人检测水箱水质');

    const { page, context } = await bed.newPage();
    await context.clock.setFixedTime(after(START, 90));
    clock.set(after(START, 90).toISOString());
    await signInAs(page, WATER_DEPARTMENT.label['zh-CN']);
    await page.getByText(/^被吹哨待报到 \d+$/).click();
    const card = page.getByRole('region', { name: '物业管理 · Q社区' }).filter({ hasText: words });
    await card.getByRole('timer', { name: '报到剩余 22:30:00' }).waitFor();
    await expectAccessible(page);
    await screenshot(page, 'desk-zh-CN-requests-department-summons');
    await card.getByLabel('报到说明').fill('水质检测人员已出发，下午两点到');
    await card.getByRole('button', { name: '报到：物业管理 · Q社区' }).click();
    // The card says when it reported, once the list has read the report back.
    await card.getByRole('status').getByText('已于 11月20日 10:30 报到').waitFor();
    const reported = await readRequest(bed, filed.id);
    expect(reported.summons).toEqual([{ department: { id: WATER_DEPARTMENT.scope, name: '市供水集团' }, reportDeadline: '2026-11-21T09:00:00+08:00', reportedAt: '2026-11-20T10:30:00+08:00' }]);
    // The request stays the street's.
    expect(reported.street).not.toBeNull();
  });

  test('a second report on the same summons is refused in words', async () => {
    clock.set(START);
    const words = uniqueWords('水压太低，六楼以上没水');
    const filed = await fileByHotline(bed, { description: words, categoryCode: 'PROPERTY' });
    await moves.whistle(bed, filed.id, [WATER_DEPARTMENT.scope], '请查水压');
    const { page, context } = await bed.newPage();
    await context.clock.setFixedTime(new Date(START));
    await signInAs(page, WATER_DEPARTMENT.label['zh-CN']);
    await page.getByText(/^被吹哨待报到 \d+$/).click();
    const card = page.getByRole('region', { name: '物业管理 · Q社区' }).filter({ hasText: words });
    await card.getByRole('timer', { name: '报到剩余 1天 00:00:00' }).waitFor();
    // Another desk of the department reports meanwhile; this page's report is refused, in words.
    await moves.report(bed, WATER_DEPARTMENT, filed.id, '已安排');
    await card.getByLabel('报到说明').fill('马上去');
    await card.getByRole('button', { name: '报到：物业管理 · Q社区' }).click();
    await card.getByRole('alert').getByText('本单位已经为这件诉求报到过了。').waitFor();
  });
});
