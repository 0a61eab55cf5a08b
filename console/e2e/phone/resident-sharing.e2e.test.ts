// The shared community (共享社区) on two residents' phones (RESIDENT, 375×812), both of Q社区: A小区 1栋 1201 posts a need
// (a skill); B小区 1号楼 101 posts an offer, finds the need among its offer's suggestions (in the API's order) and
// proposes. Before acceptance neither screen shows the other's name or phone; the needing side accepts, and each then
// sees the other's details as the API gives them. Completing with more hours than the −12 h floor allows is refused in
// plain words; completing with 2 hours moves them, and both balances on screen are the API's.
import { DEMO_ACTORS } from '@cgov/shared';
import type { Page } from 'playwright-core';
import { expect, test } from 'vitest';
import { describeInBrowser, expectAccessible, screenshot, signInAs, useConsoleTestbed, type ConsoleTestbed } from '../harness.js';
import { send, uniqueWords } from '../requests.js';

const needer = DEMO_ACTORS.find((actor) => actor.id === 'resident-a1-1201')!;
const helper = DEMO_ACTORS.find((actor) => actor.id === 'resident-b1-101')!;
const NEEDER_CONTACT = { name: '王秀英', phone: '13900001201' };
const HELPER_CONTACT = { name: '赵师傅', phone: '13900000101' };

interface Listing {
  id: string;
  title: string;
  status: string;
  matches: Array<{ id: string; status: string }>;
}

/** A household's listings as the household reads them. */
async function listingsOf(bed: ConsoleTestbed, actor: { role: string; scope: string }): Promise<Listing[]> {
  const data = await send<{ household: { listings: Listing[] } }>(bed, actor, 'query($h: ID!) { household(id: $h) { listings { id title status matches { id status } } } }', { h: actor.scope });
  return data.household.listings;
}

/** A household's time credit balance (hours) as the household reads it. */
async function balanceOf(bed: ConsoleTestbed, actor: { role: string; scope: string }): Promise<number> {
  const data = await send<{ household: { timeCredits: { balance: number } } }>(bed, actor, 'query($h: ID!) { household(id: $h) { timeCredits { balance } } }', { h: actor.scope });
  return data.household.timeCredits.balance;
}

/** Opens the household page's 共享 section on a resident's phone. */
async function openSharing(page: Page, label: string) {
  await signInAs(page, label);
  await page.waitForURL('**/household/packages');
  await page.getByRole('navigation', { name: '我家的功能' }).getByText('共享', { exact: true }).click();
  await page.waitForURL('**/household/sharing');
  await page.getByRole('heading', { name: '发布需求或供给' }).waitFor();
}

/** Posts a need or an offer of a skill through the form, with a contact, in the default window (now to 7 days on). */
async function postSkill(page: Page, kind: '需求' | '供给', title: string, contact: { name: string; phone: string }) {
  const form = page.getByRole('form', { name: '发布需求或供给' });
  await form.locator('label', { has: page.getByRole('radio', { name: kind }) }).click();
  await form.locator('label', { has: page.getByRole('radio', { name: '技能' }) }).click();
  await form.getByLabel('标题').fill(title);
  await form.getByLabel('说明').fill('阳台晾衣架的绳子断了，需要上门帮忙换');
  await form.getByLabel('联系人（接受匹配后对方才能看到）').fill(contact.name);
  await form.getByLabel('联系电话（接受匹配后对方才能看到）').fill(contact.phone);
  await form.getByRole('button', { name: '发布' }).click();
  await page.getByText(`已发布：${title}`).waitFor();
}

describeInBrowser('neighbours share a skill (RESIDENT, two phones)', () => {
  const bed = useConsoleTestbed();

  // The steps share the two phones and what was posted; each is a test of its own (a test stays well under 60 s).
  const needTitle = uniqueWords('修阳台晾衣架');
  const offerTitle = uniqueWords('会修晾衣架');
  let a: Page;
  let b: Page;
  let neederBefore: number;
  let helperBefore: number;
  let offerId: string;
  let matchId: string;
  const needCard = () => a.getByRole('region', { name: needTitle, exact: true });
  const offerCard = () => b.getByRole('region', { name: offerTitle, exact: true });

  test('one resident posts a need from its phone; its balance shown is the API’s', async () => {
    a = (await bed.newPage({ viewport: 'phone' })).page;
    [neederBefore, helperBefore] = [await balanceOf(bed, needer), await balanceOf(bed, helper)];

    // A小区 1栋 1201 posts its need; the balance shown is the API's.
    await openSharing(a, needer.label['zh-CN']);
    await a.getByText(`时间积分余额：${neederBefore} 小时`).waitFor();
    await postSkill(a, '需求', needTitle, NEEDER_CONTACT);
    const need = (await listingsOf(bed, needer)).find((listing) => listing.title === needTitle)!;
    expect(need.status).toBe('OPEN');
    await needCard().getByText('可匹配').waitFor();
  });

  test('the other posts an offer, finds the need among its suggestions (in the API’s order) and proposes', async () => {
    b = (await bed.newPage({ viewport: 'phone' })).page;
    // B小区 1号楼 101 posts its offer and looks for matches: the need is among them, in the API's order.
    await openSharing(b, helper.label['zh-CN']);
    await postSkill(b, '供给', offerTitle, HELPER_CONTACT);
    offerId = (await listingsOf(bed, helper)).find((listing) => listing.title === offerTitle)!.id;
    await offerCard()
      .getByRole('button', { name: `为「${offerTitle}」找匹配` })
      .click();
    const suggestions = offerCard().getByRole('list', { name: '可以匹配的需求（同小区优先）' });
    await suggestions.getByText(needTitle).waitFor();
    const api = await send<{ listing: { suggestedMatches: Array<{ id: string; title: string }> } }>(bed, helper, 'query($id: ID!) { listing(id: $id) { suggestedMatches { id title } } }', {
      id: offerId,
    });
    const shown = await suggestions.getByRole('listitem').evaluateAll((items) => items.map((item) => item.querySelector('strong')?.textContent ?? ''));
    expect(shown).toEqual(api.listing.suggestedMatches.map((listing) => listing.title));
    // The need is of another compound (A小区): it is labelled so.
    await suggestions.getByRole('listitem').filter({ hasText: needTitle }).getByText('本社区 A小区').waitFor();
    await expectAccessible(b);
    await suggestions.getByRole('button', { name: `向「${needTitle}」提议匹配` }).click();
    await offerCard().getByText('等待对方接受').waitFor();
    const proposed = (await listingsOf(bed, helper)).find((listing) => listing.id === offerId)!;
    expect(proposed.matches).toEqual([{ id: expect.any(String), status: 'PROPOSED' }]);
    matchId = proposed.matches[0]!.id;
  });

  test('no contact details on either screen before acceptance; once the needing side accepts, each sees the other’s as the API gives them', async () => {
    await a.reload();
    await needCard().getByText(`与「${offerTitle}」的匹配`).waitFor();
    await needCard().getByText('对方接受后，双方才能看到彼此的联系方式').waitFor();
    for (const [page, other] of [
      [a, HELPER_CONTACT],
      [b, NEEDER_CONTACT],
    ] as const) {
      const text = await page.locator('body').innerText();
      expect(text).not.toContain(other.phone);
      expect(text).not.toContain(other.name);
    }
    const early = await bed.caller('RESIDENT', helper.scope).query<{ match: { needContact: unknown } }>('query($id: ID!) { match(id: $id) { needContact { phone } } }', { id: matchId });
    expect(early.data?.match.needContact).toBeNull();

    // The needing side accepts (the helper proposed).
    await needCard()
      .getByRole('button', { name: `接受与「${offerTitle}」的匹配` })
      .click();
    await needCard().getByText('已接受').waitFor();
    type Contact = { name: string; phone: string; address: string };
    const contacts = await send<{ match: { needContact: Contact; offerContact: Contact } }>(
      bed,
      needer,
      'query($id: ID!) { match(id: $id) { needContact { name phone address } offerContact { name phone address } } }',
      { id: matchId },
    );
    expect(contacts.match.offerContact).toMatchObject(HELPER_CONTACT);
    expect(contacts.match.needContact).toMatchObject(NEEDER_CONTACT);
    await needCard().getByText(`联系人：${HELPER_CONTACT.name}`).waitFor();
    await needCard().getByRole('link', { name: HELPER_CONTACT.phone }).waitFor();
    await needCard().getByText(`住址：${contacts.match.offerContact.address}`).waitFor();
    await b.reload();
    await offerCard().getByText(`联系人：${NEEDER_CONTACT.name}`).waitFor();
    await offerCard().getByRole('link', { name: NEEDER_CONTACT.phone }).waitFor();
    await offerCard().getByText(`住址：${contacts.match.needContact.address}`).waitFor();
  });

  test('completing past the −12 h floor is refused in plain words; completing 2 h moves them, both balances as the API says', async () => {
    const tooMany = Math.ceil((neederBefore + 12 + 0.25) * 4) / 4;
    expect(tooMany).toBeLessThanOrEqual(24);
    const hours = needCard().getByRole('spinbutton', { name: `与「${offerTitle}」的时长（小时）` });
    const complete = needCard().getByRole('button', { name: `确认与「${offerTitle}」的匹配已完成` });
    await hours.fill(String(tooMany));
    await complete.click();
    await needCard().getByRole('alert').getByText('没能完成：完成后你家的时间积分会低于 −12 小时，平台不允许。', { exact: false }).waitFor();
    expect(await balanceOf(bed, needer)).toBe(neederBefore);
    await screenshot(a, 'phone-zh-CN-sharing-refused');

    await hours.fill('2');
    await complete.click();
    await needCard().getByText('已转移 2 小时时间积分').waitFor();
    const [neederAfter, helperAfter] = [await balanceOf(bed, needer), await balanceOf(bed, helper)];
    expect([neederAfter, helperAfter]).toEqual([neederBefore - 2, helperBefore + 2]);
    await a.getByText(`时间积分余额：${neederAfter} 小时`).waitFor();
    await b.reload();
    await b.getByText(`时间积分余额：${helperAfter} 小时`).waitFor();
    await offerCard().getByText('已转移 2 小时时间积分').waitFor();
    expect((await listingsOf(bed, helper)).find((listing) => listing.id === offerId)!.status).toBe('COMPLETED');
    await expectAccessible(a);
    await screenshot(a, 'phone-zh-CN-sharing');
  });
});
