// A resident's requests on a phone (RESIDENT, A小区 1栋 1201, 375×812): with no signal it files "vegetables did not
// arrive" for its own household; the request waits on the phone and is sent once the network is back, filed once (the
// same idempotency key), in the app channel, to 青山街道, the street of its community. The street accepts and replies;
// the resident's callback says not resolved (reopened), the street replies again, and the next callback closes it.
// Where the request stands is shown as steps; every step is compared with what the API answers the household.
import { DEMO_ACTORS, fixedClock } from '@cgov/shared';
import { expect, test } from 'vitest';
import { describeInBrowser, expectAccessible, screenshot, signInAs, useConsoleTestbed } from '../harness.js';
import { moves, send, STREET_OFFICE, uniqueWords } from '../requests.js';

const resident = DEMO_ACTORS.find((actor) => actor.id === 'resident-a1-1201')!;
const START = '2026-11-20T09:00:00+08:00';

interface HouseholdRequest {
  id: string;
  status: string;
  channel: string;
  description: string;
  street: { id: string } | null;
  callback: { resolved: boolean; satisfaction: string } | null;
}

describeInBrowser("a resident's requests (RESIDENT, phone)", () => {
  const clock = fixedClock(START);
  const bed = useConsoleTestbed({ clock });

  /** The household's requests with these words, as the household reads them. */
  async function mine(words: string): Promise<HouseholdRequest[]> {
    const data = await send<{ household: { requests: HouseholdRequest[] } }>(bed, resident, 'query($h: ID!) { household(id: $h) { requests { id status channel description street { id } callback { resolved satisfaction } } } }', { h: resident.scope });
    return data.household.requests.filter((request) => request.description === words);
  }

  test('files offline and is sent once back online; calls back after each reply: reopened, then closed', async () => {
    const { page, context } = await bed.newPage({ viewport: 'phone' });
    await context.clock.setFixedTime(new Date(START));
    await signInAs(page, resident.label['zh-CN']);
    await page.waitForURL('**/household/packages');
    await page.getByRole('navigation', { name: '我家的功能' }).getByText('诉求', { exact: true }).click();
    await page.waitForURL('**/household/requests');
    await page.getByRole('heading', { name: '向街道反映诉求' }).waitFor();
    await expectAccessible(page);

    // No signal: the request waits on the phone.
    const words = uniqueWords('今天的蔬菜套餐到现在还没送到，家里有老人');
    await context.setOffline(true);
    await page.getByLabel('诉求类别').click();
    await page.keyboard.type('生活物资');
    await page.keyboard.press('Enter');
    await page.getByLabel('诉求内容').fill(words);
    await page.getByRole('button', { name: '提交诉求' }).click();
    await page.getByText('网络已断开，1 项等待发送。联网后自动发送，不会重复。').waitFor();
    await page.getByText('诉求：生活物资').waitFor();
    await page.getByText('待发送', { exact: true }).waitFor();
    expect(await mine(words)).toEqual([]);
    await screenshot(page, 'phone-zh-CN-household-requests-offline');

    // Back online: sent once, to the street of the household's community, in the app channel.
    await context.setOffline(false);
    await expect.poll(async () => (await mine(words)).length, { timeout: 20_000 }).toBe(1);
    const [filed] = await mine(words);
    expect(filed).toMatchObject({ status: 'DISPATCHED', channel: 'APP', street: { id: STREET_OFFICE.scope } });
    const card = page.getByRole('region', { name: /^生活物资 · / }).filter({ hasText: words });
    await card.getByText('已派单', { exact: true }).first().waitFor();
    await card.getByRole('group', { name: '生活物资诉求的办理进度' }).waitFor();

    // The street accepts and replies; the household says it was not resolved: reopened.
    await moves.accept(bed, STREET_OFFICE, filed!.id);
    await moves.reply(bed, STREET_OFFICE, filed!.id, '已联系超市补送，今天下午到');
    await page.reload();
    await card.getByText('答复：已联系超市补送，今天下午到').waitFor();
    await expectAccessible(page);
    await screenshot(page, 'phone-zh-CN-household-requests');
    await card.getByRole('button', { name: '评价生活物资诉求的办理结果' }).click();
    await card.getByRole('radiogroup', { name: '问题解决了吗' }).getByText('未解决', { exact: true }).click();
    // Not resolved asks what next: back to the unit unless the resident says to close it unresolved.
    expect(await card.getByRole('radiogroup', { name: '接下来' }).getByRole('radio', { name: '退回重新办理' }).isChecked()).toBe(true);
    await screenshot(page, 'phone-zh-CN-household-requests-callback');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    await card.getByRole('radiogroup', { name: '满意程度' }).getByText('不满意', { exact: true }).click();
    await card.getByRole('button', { name: '提交回访' }).click();
    await expect.poll(async () => (await mine(words))[0]!.status, { timeout: 20_000 }).toBe('REOPENED');
    expect((await mine(words))[0]!.callback).toEqual({ resolved: false, satisfaction: 'DISSATISFIED' });
    await card.getByText('重新办理', { exact: true }).first().waitFor();

    // The street replies again; this time it was resolved: closed, the last step reached.
    await moves.reply(bed, STREET_OFFICE, filed!.id, '蔬菜已送到家门口');
    await page.reload();
    await card.getByRole('button', { name: '评价生活物资诉求的办理结果' }).click();
    await card.getByRole('radiogroup', { name: '问题解决了吗' }).getByText('已解决', { exact: true }).click();
    await card.getByRole('radiogroup', { name: '满意程度' }).getByText('满意', { exact: true }).click();
    await card.getByRole('button', { name: '提交回访' }).click();
    await expect.poll(async () => (await mine(words))[0]!.status, { timeout: 20_000 }).toBe('CLOSED');
    await card.getByText('回访：已解决，满意').waitFor();
    await card.getByText('已办结', { exact: true }).first().waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
  });
});
