// The residents' council's page at a desk (COMMUNITY_STAFF, Q社区居委会, zh-CN): a round of Q社区 opened, proposed and
// supported through the API reaches RESOLVING by the platform's clock; the staff enter the council's resolution. With
// 5 of the 9 members present the page says the quorum (6) is not met and the submit button stays disabled; a project
// with 4 votes for of 6 present (most of those present, not of all 9) is said to fail before anything is sent; once
// submitted, the funded list in funding order, what did not fit and the budget's figures are the API's.
//
// The round, worked out by hand (budget 100,000.00; 9 members: quorum 6, a pass needs 5 for):
//   楼道扶手 WORKS   60,000.00  for 6            → funded first                          left 40,000.00
//   助餐服务 SERVICE 50,000.00  for 5, 2 supports → passes, does not fit: NOT_FUNDED
//   健身器材 GOODS   30,000.00  for 5, 1 support, 1 recused → fits: funded second         left 10,000.00
//   宠物乐园 SERVICE 10,000.00  for 4 of 6 present → REJECTED
import { DEMO_ACTORS, fixedClock } from '@cgov/shared';
import type { Page } from 'playwright-core';
import { expect, test } from 'vitest';
import { asRole, openRound, propose, Q_NEIGHBOURS, readRound, SUPPORT, supportOf } from '../council.js';
import { describeInBrowser, expectAccessible, screenshot, signInAs, useConsoleTestbed } from '../harness.js';

const committee = DEMO_ACTORS.find((actor) => actor.id === 'community-committee')!;
const START = '2026-11-24T09:00:00+08:00';
const MINUTE = 60_000;
const at = (minutes: number) => new Date(Date.parse(START) + minutes * MINUTE);
const TITLE = '2026年Q社区民生微实事(议事会录入)';

describeInBrowser("the residents' council's resolution at a desk (COMMUNITY_STAFF)", () => {
  const clock = fixedClock(START);
  const bed = useConsoleTestbed({ clock });

  let page: Page;
  let roundId: string;

  test('a round of Q社区 proposed and supported through the API reaches RESOLVING by the platform\'s clock', async () => {
    // A round collects, takes supports and reaches RESOLVING by the platform's clock.
    roundId = await openRound(bed, clock, TITLE, '100000.00');
    clock.set(at(1));
    const ids = {
      rail: await propose(bed, Q_NEIGHBOURS[0]!, roundId, '楼道扶手', 'WORKS', '60000.00'),
      meals: await propose(bed, Q_NEIGHBOURS[1]!, roundId, '助餐服务', 'SERVICE', '50000.00'),
      gym: await propose(bed, Q_NEIGHBOURS[2]!, roundId, '健身器材', 'GOODS', '30000.00'),
      pets: await propose(bed, Q_NEIGHBOURS[3]!, roundId, '宠物乐园', 'SERVICE', '10000.00'),
    };
    clock.set(at(61));
    await asRole(bed, 'RESIDENT', Q_NEIGHBOURS[4]!, SUPPORT, supportOf(ids.meals, Q_NEIGHBOURS[4]!));
    await asRole(bed, 'RESIDENT', Q_NEIGHBOURS[5]!, SUPPORT, supportOf(ids.meals, Q_NEIGHBOURS[5]!));
    await asRole(bed, 'RESIDENT', Q_NEIGHBOURS[6]!, SUPPORT, supportOf(ids.gym, Q_NEIGHBOURS[6]!));
    clock.set(at(121));
    expect((await readRound(bed, roundId)).status).toBe('RESOLVING');
  });

  test("lists the round's proposals with their supports, as the API has them", async () => {
    const opened = await bed.newPage();
    page = opened.page;
    const { context } = opened;
    await context.clock.setFixedTime(clock.now());
    await signInAs(page, committee.label['zh-CN']);
    await page.getByRole('navigation').getByRole('link', { name: '居民议事会' }).click();
    await page.waitForURL('**/council');
    await page.getByText(/^议事会成员 9 人：陈建华（主任）、王秀英（党组织代表）/).waitFor();
    await page.getByRole('button', { name: `查看${TITLE}` }).click();
    const table = page.getByRole('table');
    for (const project of (await readRound(bed, roundId)).projects) {
      await table.getByRole('row', { name: new RegExp(`^${project.title}`) }).getByRole('cell', { name: String(project.supports), exact: true }).waitFor();
    }
  });

  test('says the quorum not met with 5 of 9 present and keeps the submit disabled', async () => {
    const form = page.getByRole('region', { name: '录入议事会决议' });
    await form.getByText('议事会共 9 名成员。到会不少于三分之二（6 人）方可表决；项目须获全体成员过半数（至少 5 票）赞成才通过。').waitFor();

    // Five of nine present: no quorum, said, and the submit button disabled.
    for (const name of ['陈建华（主任）', '王秀英（党组织代表）', '刘国强（成员）', '杨丽（成员）', '赵志明（成员）']) await form.getByRole('checkbox', { name }).check();
    await form.getByText('到会 5 人，不足全体 9 人的三分之二（至少 6 人），不能表决。').waitFor();
    const submit = form.getByRole('button', { name: '提交决议' });
    expect(await submit.isDisabled()).toBe(true);

    // Every count starts at 0; only the others are typed.
    const vote = async (title: string, counts: { for: number; against?: number; abstain?: number }) => {
      await form.getByLabel(`${title}：赞成`).fill(String(counts.for));
      if (counts.against) await form.getByLabel(`${title}：反对`).fill(String(counts.against));
      if (counts.abstain) await form.getByLabel(`${title}：弃权`).fill(String(counts.abstain));
    };
    await vote('楼道扶手', { for: 6 });
    await vote('助餐服务', { for: 5, against: 1 });
    await vote('健身器材', { for: 5 });
    await vote('宠物乐园', { for: 4, against: 1, abstain: 1 });
    // Six votes on 楼道扶手 with five present: too many, said beside it.
    const rail = form.getByRole('region', { name: /^楼道扶手/ });
    await rail.getByText('赞成、反对、弃权共 6 票，超过到会人数减回避人数（5 票），请核对。').waitFor();
    expect(await submit.isDisabled()).toBe(true);
  });

  test('says the pass rule and the votes\' ceiling per project as typed: most of the present but not of all fails', async () => {
    const form = page.getByRole('region', { name: '录入议事会决议' });
    const submit = form.getByRole('button', { name: '提交决议' });
    const rail = form.getByRole('region', { name: /^楼道扶手/ });
    // A sixth member arrives: the quorum is met.
    await form.getByRole('checkbox', { name: '黄美玲（成员）' }).check();
    await form.getByText('到会 6 人，达到全体 9 人的三分之二（至少 6 人），可以表决。').waitFor();
    await rail.getByText('通过：赞成 6 票，超过全体 9 名成员的半数（至少 5 票）。').waitFor();
    // 4 of 6 present is most of those present, not of all 9: shown as failing before anything is sent.
    const pets = form.getByRole('region', { name: /^宠物乐园/ });
    await pets.getByText('不通过：赞成 4 票虽超过到会 6 人的半数，但未超过全体 9 名成员的半数（至少 5 票）。').waitFor();
    // 杨丽 recuses herself from 健身器材: 5 for of 6 present less 1 recused fits; one more would not.
    const gym = form.getByRole('region', { name: /^健身器材/ });
    await gym.getByLabel('健身器材：回避成员').click();
    await page.keyboard.type('杨丽');
    await page.getByRole('option', { name: '杨丽', exact: true }).waitFor({ state: 'attached' });
    await page.keyboard.press('Enter');
    await page.keyboard.press('Escape');
    await gym.getByText('赞成、反对、弃权共 5 票，不超过到会人数减回避人数（5 票）。').waitFor();
    await form.getByLabel('健身器材：弃权').fill('1');
    await gym.getByText('赞成、反对、弃权共 6 票，超过到会人数减回避人数（5 票），请核对。').waitFor();
    expect(await submit.isDisabled()).toBe(true);
    await form.getByLabel('健身器材：弃权').fill('0');
    await gym.getByText('赞成、反对、弃权共 5 票，不超过到会人数减回避人数（5 票）。').waitFor();
    await expect.poll(() => submit.isEnabled()).toBe(true);
    expect((await readRound(bed, roundId)).status).toBe('RESOLVING'); // nothing sent yet
  });

  test('the resolution form, with its words, is accessible', async () => {
    await expectAccessible(page);
    await screenshot(page, 'desk-zh-CN-council');
  });

  test("once submitted, shows the API's funded list in funding order, what did not fit, and the budget's figures", async () => {
    const form = page.getByRole('region', { name: '录入议事会决议' });
    const submit = form.getByRole('button', { name: '提交决议' });
    // Submitted: the funded list in funding order, what did not fit, and the figures, as the API has them.
    await submit.click();
    const results = page.getByRole('region', { name: '决议结果' });
    await results.waitFor();
    const api = await readRound(bed, roundId);
    expect(api).toMatchObject({ status: 'PUBLICISED', budget: '100000.00', allocated: '90000.00', remaining: '10000.00' });
    const status = Object.fromEntries(api.projects.map((project) => [project.title, project.status]));
    expect(status).toEqual({ 楼道扶手: 'FUNDED', 助餐服务: 'NOT_FUNDED', 健身器材: 'FUNDED', 宠物乐园: 'REJECTED' });
    const titlesIn = async (heading: string) =>
      (await results.getByRole('region', { name: heading }).getByRole('listitem').allTextContents()).map((text) => api.projects.find((project) => text.includes(project.title))?.title);
    expect(await titlesIn('获得资金的项目（按资金安排顺序）')).toEqual(['楼道扶手', '健身器材']);
    expect(api.projects.filter((project) => project.funded).map((project) => project.title).sort()).toEqual(['健身器材', '楼道扶手'].sort());
    expect(await titlesIn('通过但预算不足、未获资金')).toEqual(api.projects.filter((project) => project.status === 'NOT_FUNDED').map((project) => project.title));
    expect(await titlesIn('未通过（赞成票未超过全体成员半数）')).toEqual(api.projects.filter((project) => project.status === 'REJECTED').map((project) => project.title));
    const round = page.getByRole('region', { name: TITLE });
    await round.getByText('¥90,000.00').waitFor(); // allocated
    await round.getByText('¥10,000.00').waitFor(); // remaining
    await round.getByText('已公示').waitFor();
    await results.getByText(/录入决议：到会 6 人 \/ 全体 9 人$/).waitFor();
    await expectAccessible(page);
    await screenshot(page, 'desk-zh-CN-council-funded');
  });
});
