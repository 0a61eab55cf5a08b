// A resident's part in small livelihood projects on a phone (RESIDENT, A小区1栋1201住户, 375×812, zh-CN): Q社区's staff
// open a round through the API; while it collects, the resident proposes a service, the cap of its kind said as the
// estimate is typed (250,000.00 is over 200,000.00); neighbours propose four more. By the platform's clock the round
// takes supports: the resident supports two on screen, a third from another phone (the API), and the fourth it presses
// is refused in plain words; then the page shows no places left with every other support button blocked. It withdraws
// one, which frees a place, and supports another; the supports on screen are the API's.
import { DEMO_ACTORS, fixedClock } from '@cgov/shared';
import type { BrowserContext, Page } from 'playwright-core';
import { expect, test } from 'vitest';
import { asRole, openRound, propose, Q_NEIGHBOURS, readRound, refusalCodes, SUPPORT, supportOf } from '../council.js';
import { describeInBrowser, expectAccessible, screenshot, signInAs, useConsoleTestbed } from '../harness.js';

const resident = DEMO_ACTORS.find((actor) => actor.id === 'resident-a1-1201')!;
const START = '2026-11-24T09:00:00+08:00';
const MINUTE = 60_000;
const at = (minutes: number) => new Date(Date.parse(START) + minutes * MINUTE);
const TITLE = '2026年Q社区民生微实事(手机征集)';

describeInBrowser('a resident proposes and supports small livelihood projects (RESIDENT, phone)', () => {
  const clock = fixedClock(START);
  const bed = useConsoleTestbed({ clock });

  let page: Page;
  let context: BrowserContext;
  let roundId: string;
  const ids: Record<string, string> = {};
  const region = (title: string) => page.getByRole('region', { name: title, exact: true });
  const supported = async () => (await readRound(bed, roundId, 'RESIDENT', resident.scope)).projects.filter((project) => project.supportedByMyHousehold).map((project) => project.title).sort();

  test("finds its community's new round collecting proposals under 议事", async () => {
    roundId = await openRound(bed, clock, TITLE, '300000.00');
    ({ page, context } = await bed.newPage({ viewport: 'phone' }));
    await context.clock.setFixedTime(clock.now());
    await signInAs(page, resident.label['zh-CN']);
    await page.waitForURL('**/household/packages');
    await page.getByRole('navigation', { name: '我家的功能' }).getByText('议事', { exact: true }).click();
    await page.waitForURL('**/household/council');
    await page.getByRole('heading', { name: TITLE }).waitFor();
    await page.getByText(/^正在征集提案，.+截止。$/).waitFor();
  });

  test('proposes a project while the round collects, the cap of its kind checked as the estimate is typed', async () => {
    // Proposing a service: the cap is said beside the estimate and checked as it is typed.
    await page.getByLabel('项目类别').click();
    await page.keyboard.type('服务');
    await page.keyboard.press('Enter');
    await page.getByText('服务类项目最多 ¥200,000.00。').waitFor();
    await page.getByLabel('项目名称').fill('独居老人助浴服务');
    await page.getByLabel('项目说明').fill('每月两次上门助浴');
    await page.getByLabel('估算费用（元）').fill('250000');
    await page.getByText('服务类项目最多 ¥200,000.00，已超出 ¥50,000.00。').waitFor();
    await page.getByRole('button', { name: '提交项目' }).click();
    expect((await readRound(bed, roundId)).projects).toEqual([]); // nothing sent over the cap
    await page.getByLabel('估算费用（元）').fill('18000');
    await expect.poll(() => page.getByText('服务类项目最多 ¥200,000.00，已超出 ¥50,000.00。').count()).toBe(0);
    await page.getByRole('button', { name: '提交项目' }).click();
    await page.getByText('已提交：独居老人助浴服务（¥18,000.00）').waitFor();
    const [mine] = (await readRound(bed, roundId)).projects;
    expect(mine).toMatchObject({ title: '独居老人助浴服务', estimatedCost: '18000.00', status: 'PROPOSED' });
    ids['独居老人助浴服务'] = mine!.id;
  });

  test('the proposing form, with its words, is accessible', async () => {
    await expectAccessible(page);
  });

  test('supports up to 3 with the places left said; a fourth is refused in plain words and then blocked', async () => {
    // Neighbours propose four more; an hour on, the round takes supports.
    const titles = ['楼道声控灯', '社区读书会', '单元门禁维修', '儿童游乐设施'];
    for (const [i, title] of titles.entries()) ids[title] = await propose(bed, Q_NEIGHBOURS[i]!, roundId, title, i % 2 === 0 ? 'WORKS' : 'SERVICE', `${(i + 2) * 5000}.00`);
    clock.set(at(61));
    await context.clock.setFixedTime(clock.now());
    await page.reload();
    await page.getByText(/^正在征集居民支持，.+截止。每户最多支持 3 个项目。$/).waitFor();
    await page.getByText('本户还可以支持 3 个项目（共 3 个）。').waitFor();

    // Two supports on screen, a third from another phone.
    await page.getByRole('button', { name: '支持独居老人助浴服务' }).click();
    await page.getByText('已支持：独居老人助浴服务').waitFor();
    await page.getByRole('button', { name: '支持楼道声控灯' }).click();
    await page.getByText('本户还可以支持 1 个项目（共 3 个）。').waitFor();
    await asRole(bed, 'RESIDENT', resident.scope, SUPPORT, supportOf(ids['社区读书会']!, resident.scope));
    // The page still offers one place; the platform refuses the fourth, and the page says so in plain words.
    await page.getByRole('button', { name: '支持单元门禁维修' }).click();
    await page.getByRole('alert').getByText('没能支持：本户在这一轮已支持 3 个项目，或支持已经截止。').waitFor();
    await page.getByText('本户已支持 3 个项目，名额已用完；撤回一个才能支持其他项目。').waitFor();
    for (const title of ['单元门禁维修', '儿童游乐设施']) expect(await page.getByRole('button', { name: `支持${title}` }).isDisabled()).toBe(true);
    expect(await supported()).toEqual(['楼道声控灯', '独居老人助浴服务', '社区读书会'].sort());
    expect(await refusalCodes(bed, 'RESIDENT', resident.scope, SUPPORT, supportOf(ids['儿童游乐设施']!, resident.scope))).toEqual(['CONFLICT']);
    for (const title of ['楼道声控灯', '独居老人助浴服务', '社区读书会']) await region(title).getByText('本户已支持').waitFor();
    await expectAccessible(page);
    await screenshot(page, 'phone-zh-CN-council');
  });

  test('withdraws a support, which frees a place, and supports another; the supports on screen are the API\'s', async () => {
    // Withdrawing frees a place; another is supported.
    await page.getByRole('button', { name: '撤回对楼道声控灯的支持' }).click();
    await page.getByText('已撤回对楼道声控灯的支持，空出 1 个名额').waitFor();
    await page.getByText('本户还可以支持 1 个项目（共 3 个）。').waitFor();
    await page.getByRole('button', { name: '支持儿童游乐设施' }).click();
    await page.getByText('已支持：儿童游乐设施').waitFor();
    await page.getByText('本户已支持 3 个项目，名额已用完；撤回一个才能支持其他项目。').waitFor();
    expect(await supported()).toEqual(['儿童游乐设施', '独居老人助浴服务', '社区读书会'].sort());
    const api = await readRound(bed, roundId, 'RESIDENT', resident.scope);
    for (const project of api.projects) await region(project.title).getByText(`${project.supports} 户支持`).waitFor();
  });
});
