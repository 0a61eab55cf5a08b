// A street office's inbox of resident requests (STREET_OFFICER, 青山街道), on a desk and on a phone: the hotline files a
// request for a caller in Q社区; it is in the inbox at once with its response deadline counting down (2 hours, URGENT);
// the office accepts it (the reply deadline then counts), blows the whistle on 市供水集团, which reports, and replies; the
// hotline's callback closes it. Another request is returned with a reason inside the 2-hour window; past the window the
// return button is disabled and says why, the overdue request is on top in red, and a move the platform refuses (a
// request another desk has returned meanwhile) is said in words. Every step is checked against the API.
import { fixedClock } from '@cgov/shared';
import { expect, test } from 'vitest';
import { describeInBrowser, expectAccessible, screenshot, signInAs, useConsoleTestbed } from '../harness.js';
import { after, fileByHotline, moves, readRequest, STREET_OFFICE, uniqueWords, WATER_DEPARTMENT } from '../requests.js';

/** 9:00 in Shanghai on a day in the past (the tokens the platform signs are checked against the real time). */
const START = '2026-11-20T09:00:00+08:00';

describeInBrowser("a street office's requests inbox (STREET_OFFICER)", () => {
  const clock = fixedClock(START);
  const bed = useConsoleTestbed({ clock });

  /** Moves the platform's clock and the page's to the same instant. */
  async function moveClocks(context: { clock: { setFixedTime(time: Date): Promise<void> } }, to: Date) {
    clock.set(to.toISOString());
    await context.clock.setFixedTime(to);
  }

  test('accepts, whistles, replies with the deadlines counting down; the hotline closes it', async () => {
    const words = uniqueWords('3号楼 12 户老人的蔬菜今天没有送到');
    const filed = await fileByHotline(bed, { description: words, callerName: '王阿姨' });
    expect(filed).toMatchObject({ status: 'DISPATCHED', street: { id: STREET_OFFICE.scope } });
    expect(filed.responseDeadline).toBe('2026-11-20T11:00:00+08:00');

    const { page, context } = await bed.newPage();
    await context.clock.setFixedTime(new Date(START));
    await signInAs(page, STREET_OFFICE.label['zh-CN']);
    await page.getByRole('navigation').getByRole('link', { name: '接诉即办' }).click();
    await page.getByRole('heading', { name: '街道接诉即办' }).waitFor();
    const card = page.getByRole('region', { name: '生活物资 · Q社区' }).filter({ hasText: words });
    await card.getByRole('timer', { name: '响应剩余 02:00:00' }).waitFor();
    await card.getByText('12345 热线').waitFor();
    // The caller's name is the holding unit's to read: in the drawer.
    await card.getByRole('button', { name: '查看诉求详情：生活物资 · Q社区' }).click();
    const drawer = page.getByRole('dialog', { name: '生活物资 · Q社区' });
    await drawer.getByText('王阿姨').waitFor();
    await expectAccessible(page);
    await drawer.getByRole('button', { name: '关闭诉求详情' }).click();

    // Half an hour later: 1:30 left; the office accepts (its first response, on time) and the reply deadline counts.
    await moveClocks(context, after(START, 30));
    await card.getByRole('timer', { name: '响应剩余 01:30:00' }).waitFor();
    await expect.poll(() => card.getByRole('button', { name: '退回诉求：生活物资 · Q社区' }).isEnabled()).toBe(true);
    await expectAccessible(page);
    await screenshot(page, 'desk-zh-CN-requests-street');
    await card.getByRole('button', { name: '受理诉求：生活物资 · Q社区' }).click();
    await card.getByRole('timer', { name: '答复剩余 23:30:00' }).waitFor();
    expect(await readRequest(bed, filed.id)).toMatchObject({ status: 'ACCEPTED', respondedLate: false });

    // The whistle: 市供水集团 is summoned with a note, and must report within 24 hours.
    await card.getByRole('button', { name: '吹哨：生活物资 · Q社区' }).click();
    await card.getByLabel('召集的部门').click();
    await page.keyboard.type('供水');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Escape');
    await card.getByLabel('需要部门做什么').fill('小区供水管爆裂，蔬菜车进不来，请来抢修');
    await card.getByRole('button', { name: '吹哨召集' }).click();
    await card.getByRole('status').getByText('已吹哨，市供水集团须在 24 小时内报到。').waitFor();
    const whistled = await readRequest(bed, filed.id);
    expect(whistled.summons).toEqual([{ department: { id: WATER_DEPARTMENT.scope, name: '市供水集团' }, reportDeadline: '2026-11-21T09:30:00+08:00', reportedAt: null }]);
    await moves.report(bed, WATER_DEPARTMENT, filed.id, '抢修队已出发');

    // The reply: the request leaves the inbox for "replied, awaiting callback".
    await card.getByRole('button', { name: '答复诉求：生活物资 · Q社区' }).click();
    await card.getByLabel('答复内容').fill('供水已恢复，蔬菜已由网格员送到 12 户老人家中');
    await card.getByRole('button', { name: '提交答复' }).click();
    await expect.poll(() => page.getByRole('list', { name: '待办诉求' }).getByText(words).count().catch(() => 0)).toBe(0);
    expect(await readRequest(bed, filed.id)).toMatchObject({ status: 'REPLIED', reply: '供水已恢复，蔬菜已由网格员送到 12 户老人家中', resolvedLate: false });
    await page.getByText(/^已答复待回访 \d+$/).click();
    await page.getByRole('list', { name: '已答复的诉求' }).getByText(words).waitFor();

    // The hotline calls back: resolved, satisfied — closed.
    await moves.callback(bed, filed.id, true, 'SATISFIED');
    expect(await readRequest(bed, filed.id)).toMatchObject({ status: 'CLOSED', callback: { resolved: true, satisfaction: 'SATISFIED' } });
  });

  test('returns within 2 hours with a reason; past them the return is disabled, the overdue request on top in red, a refusal in words', async () => {
    clock.set(START);
    const returned = await fileByHotline(bed, { description: uniqueWords('隔壁小区的垃圾堆在我们楼下') });
    const late = await fileByHotline(bed, { description: uniqueWords('楼里有人发烧，需要上门核酸'), categoryCode: 'EPIDEMIC_CONTROL' });

    const { page, context } = await bed.newPage();
    await context.clock.setFixedTime(new Date(START));
    await signInAs(page, STREET_OFFICE.label['zh-CN']);
    await page.goto('/requests');
    const inbox = page.getByRole('list', { name: '待办诉求' });
    const first = inbox.getByRole('listitem').filter({ hasText: '隔壁小区的垃圾堆在我们楼下' });
    await first.getByRole('button', { name: '退回诉求：生活物资 · Q社区' }).click();
    await first.getByLabel('退回理由').fill('垃圾来自和平街道友谊社区，应由和平街道办理');
    await first.getByRole('button', { name: '确认退回' }).click();
    await expect.poll(async () => (await readRequest(bed, returned.id)).status).toBe('RETURNED');
    await expect.poll(() => first.count()).toBe(0);

    // 2 hours and a minute after dispatch: the epidemic request is overdue (above every request still in time, in red)
    // and can no longer be returned; a property request filed now waits below it.
    await moveClocks(context, after(START, 121));
    const taken = await fileByHotline(bed, { description: uniqueWords('楼道灯坏了'), categoryCode: 'PROPERTY' });
    await page.reload();
    const overdue = inbox.getByRole('listitem').filter({ hasText: '楼里有人发烧，需要上门核酸' });
    await overdue.getByRole('timer', { name: '响应已超时 00:01:00' }).waitFor();
    const texts = await inbox.getByRole('listitem').allInnerTexts();
    const at = texts.findIndex((text) => text.includes('楼里有人发烧'));
    expect(texts.slice(0, at + 1).every((text) => text.includes('已超时')), 'overdue requests first').toBe(true);
    expect(texts.findIndex((text) => text.includes('楼道灯坏了'))).toBeGreaterThan(at);
    expect(await overdue.getByRole('button', { name: '退回诉求：疫情防控 · Q社区' }).isDisabled()).toBe(true);
    await overdue.getByText('派单已超过 2 小时，不能再退回，由本单位办理。').waitFor();
    await expectAccessible(page);
    await screenshot(page, 'desk-zh-CN-requests-street-overdue');
    expect((await readRequest(bed, late.id)).respondedLate).toBe(true);

    // Meanwhile the office's other desk returned the property request; this page still offers to accept it, and is refused in words.
    const stale = inbox.getByRole('listitem').filter({ hasText: '楼道灯坏了' });
    await stale.getByRole('button', { name: '受理诉求：物业管理 · Q社区' }).waitFor();
    await moves.giveBack(bed, STREET_OFFICE, taken.id, '另一张工位已处理');
    await stale.getByRole('button', { name: '受理诉求：物业管理 · Q社区' }).click();
    await stale.getByRole('alert').getByText('平台没有接受：这件诉求的状态已经变了（例如已被受理、退回或超过时限），请刷新后再看。').waitFor();
  });

  test('on a phone: the inbox with its countdown and the details full-screen, nothing wider than the screen', async () => {
    clock.set(START);
    const words = uniqueWords('电梯停了，8 楼老人下不了楼');
    await fileByHotline(bed, { description: words, categoryCode: 'PROPERTY' });
    const { page, context } = await bed.newPage({ viewport: 'phone' });
    await context.clock.setFixedTime(new Date(START));
    await signInAs(page, STREET_OFFICE.label['zh-CN']);
    await page.getByRole('button', { name: '打开菜单' }).click();
    await page.getByRole('navigation').getByRole('link', { name: '接诉即办' }).click();
    const card = page.getByRole('listitem').filter({ hasText: words });
    await card.getByRole('timer', { name: '响应剩余 1天 00:00:00' }).waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    await expectAccessible(page);
    await screenshot(page, 'phone-zh-CN-requests-street');
    // The details take the whole screen, no wider.
    await card.getByRole('button', { name: '查看诉求详情：物业管理 · Q社区' }).click();
    const drawer = page.getByRole('dialog', { name: '物业管理 · Q社区' });
    await drawer.getByText(words).waitFor();
    expect((await drawer.boundingBox())!.width).toBeLessThanOrEqual(375);
    await expectAccessible(page);
  });
  test('in English: the inbox, its countdown and its buttons in the words of the language', async () => {
    clock.set(START);
    const words = uniqueWords('楼下广场舞音响太吵');
    await fileByHotline(bed, { description: words, categoryCode: 'NOISE' });
    const { page, context } = await bed.newPage({ language: 'en-US' });
    await context.clock.setFixedTime(after(START, 5));
    await signInAs(page, STREET_OFFICE.label['en-US']);
    await page.getByRole('navigation').getByRole('link', { name: 'Requests' }).click();
    await page.getByRole('heading', { name: "The street's requests" }).waitFor();
    const card = page.getByRole('list', { name: 'Requests to do' }).getByRole('listitem').filter({ hasText: words });
    await card.getByRole('timer', { name: 'Respond within 23:55:00' }).waitFor();
    await card.getByText(/12345 hotline · Normal · held by 青山街道/).waitFor();
    await card.getByRole('button', { name: 'Accept the request: 噪音扰民 · Q社区' }).waitFor();
    await expectAccessible(page);
  });
});
