// The residents' committee of Q社区 on a phone (375×812, zh-CN): publishes a package for tomorrow priced by the policy
// in force (and is refused a list price above the city's cap, by the form and by the platform), moves a compound's
// orders to REPORTED, PROCURED and AT_GATE with the counts it calls the supplier with equal to the API's, registers a
// party member for the building nobody covered, reads residents' ratings, registers an owners' committee.
import { addDays, DEMO, DEMO_ACTORS, demoIds, fixedClock, today } from '@cgov/shared';
import type { Locator, Page } from 'playwright-core';
import { expect, test } from 'vitest';
import { describeInBrowser, expectAccessible, screenshot, signInAs, useConsoleTestbed } from '../harness.js';

const committee = DEMO_ACTORS.find((actor) => actor.id === 'community-committee')!;
const Q = DEMO.communityId;
const A_COMPOUND = demoIds.compound(Q, 'A小区');
const A3 = demoIds.building(A_COMPOUND, '3栋');

// 10:00 today in Shanghai (the real day, so the browser's tokens stay valid): tomorrow's orders are being collected
// until 20:00 tonight and nothing for tomorrow has been reported yet. The browser's clock is set to the same instant.
const TODAY = today({ now: () => new Date() });
const clock = fixedClock(`${TODAY}T10:00:00+08:00`);
const TOMORROW = addDays(TODAY, 1);
const YESTERDAY = addDays(TODAY, -1);

interface ApiPackage {
  id: string;
  name: string;
  category: string;
  listPrice: string;
  subsidy: string;
  residentPrice: string;
}

interface ReportLine {
  package: { id: string; name: string };
  units: number;
  orders: number;
  households: number;
}

describeInBrowser('community staff on a phone (COMMUNITY_STAFF, zh-CN)', () => {
  const bed = useConsoleTestbed({ clock });
  const staff = () => bed.caller('COMMUNITY_STAFF', Q);

  /** A phone-sized page in zh-CN, its clock at the platform's, signed in as Q社区's committee, on /community/<section>. */
  async function committeeOn(tab: string | null, path: string): Promise<Page> {
    const { page, context } = await bed.newPage({ viewport: 'phone' });
    await context.clock.setFixedTime(clock.now());
    await signInAs(page, committee.label['zh-CN']);
    expect(new URL(page.url()).pathname).toBe('/community');
    await page.getByRole('tab', { name: '套餐', selected: true }).waitFor();
    if (tab) {
      await page.getByRole('tab', { name: tab }).click();
      await page.waitForURL(`**/community/${path}`);
      await page.getByRole('tab', { name: tab, selected: true }).waitFor();
    }
    return page;
  }

  /** Nothing wider than the phone: no horizontal scrolling. */
  async function expectNoSideScroll(page: Page): Promise<void> {
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
  }

  async function packagesOf(date: string): Promise<ApiPackage[]> {
    const answer = await staff().query<{ community: { packages: ApiPackage[] } }>(
      'query($id: ID!, $date: Date!) { community(id: $id) { packages(date: $date) { id name category listPrice subsidy residentPrice } } }',
      { id: Q, date },
    );
    expect(answer.errors).toBeUndefined();
    return answer.data!.community.packages;
  }

  async function reportOf(compoundId: string, date: string): Promise<ReportLine[]> {
    const answer = await staff().query<{ compound: { orderReport: ReportLine[] } }>(
      'query($id: ID!, $date: Date!) { compound(id: $id) { orderReport(date: $date) { package { id name } units orders households } } }',
      { id: compoundId, date },
    );
    expect(answer.errors).toBeUndefined();
    return answer.data!.compound.orderReport;
  }

  async function statusesOf(compoundId: string, date: string): Promise<Record<string, number>> {
    const answer = await staff().query<{ compound: { buildings: Array<{ households: Array<{ orders: Array<{ status: string }> }> }> } }>(
      'query($id: ID!, $date: Date!) { compound(id: $id) { buildings { households { orders(date: $date) { status } } } } }',
      { id: compoundId, date },
    );
    expect(answer.errors).toBeUndefined();
    const counts: Record<string, number> = {};
    for (const order of answer.data!.compound.buildings.flatMap((b) => b.households.flatMap((h) => h.orders))) counts[order.status] = (counts[order.status] ?? 0) + 1;
    return counts;
  }

  /** The figures of a PriceLines list, each "label amount" as its text. */
  const figures = (page: Page, label: string) => page.getByRole('list', { name: label, exact: true }).getByRole('listitem').allTextContents();

  test('publishes a package for tomorrow priced by the policy, refused above the cap by the form and by the platform', async () => {
    const policies = await staff().query<{ effectiveSubsidyPolicies: Array<{ category: string; subsidyPerUnit: string; maxListPrice: string }> }>(
      'query($r: ID!, $d: Date!) { effectiveSubsidyPolicies(regionId: $r, date: $d) { category subsidyPerUnit maxListPrice } }',
      { r: Q, d: TOMORROW },
    );
    expect(policies.data?.effectiveSubsidyPolicies.find((p) => p.category === 'VEGETABLE_BASIC')).toMatchObject({ subsidyPerUnit: '12.00', maxListPrice: '52.00' });

    const page = await committeeOn(null, 'packages');
    await page.getByRole('heading', { name: `${TOMORROW} 的套餐` }).waitFor();
    // Tomorrow's packages, each with the prices the API gives.
    const before = await packagesOf(TOMORROW);
    expect(before.length).toBeGreaterThan(0);
    for (const pkg of before) {
      await page.getByRole('list', { name: `${pkg.name}的价格` }).waitFor();
      expect((await figures(page, `${pkg.name}的价格`)).slice(0, 3)).toEqual([`标价${pkg.listPrice} 元`, `市补贴${pkg.subsidy} 元`, `居民价${pkg.residentPrice} 元`]);
    }
    await expectNoSideScroll(page);
    await expectAccessible(page);
    await screenshot(page, 'phone-zh-CN-community-packages');

    await page.getByRole('button', { name: '发布新套餐' }).click();
    const form = page.getByRole('region', { name: '发布套餐' });
    await form.getByLabel('套餐类别').fill('蔬菜基本');
    await form.getByLabel('套餐类别').press('Enter');
    await expect.poll(() => form.textContent()).toContain(`${TOMORROW} 蔬菜基本套餐的政策：每份补贴 12.00 元，标价最高 52.00 元`);
    await form.getByLabel('套餐名称').fill('蔬菜套餐E');
    expect(await form.getByLabel('配送日期').inputValue()).toBe(TOMORROW);
    // Above the city's cap: refused as typed.
    await form.getByLabel('标价（元）').fill('52.01');
    await form.getByText(`标价不能高于市里为蔬菜基本套餐定的最高标价 52.00 元（${TOMORROW}）`).waitFor();
    await form.getByLabel('标价（元）').fill('52.00');
    await expect.poll(() => form.getByText(/标价不能高于/).count()).toBe(0);
    await form.getByText('居民价将为 40.00 元。', { exact: false }).waitFor();
    await form.getByLabel('第 1 样：品名').fill('白菜');
    await form.getByLabel('第 1 样：数量').fill('3');
    await form.getByRole('button', { name: '再加一样' }).click();
    await form.getByLabel('第 2 样：品名').fill('土豆');
    await form.getByLabel('第 2 样：数量').fill('2');
    await form.getByRole('button', { name: '核对价格' }).click();

    // Before anything is sent: the list price, the subsidy and the resident price the policy gives.
    const confirm = page.getByRole('region', { name: '核对后发布' });
    await confirm.waitFor();
    expect(await figures(page, '按补贴政策的价格')).toEqual(['标价52.00 元', '市补贴12.00 元', '居民价40.00 元']);
    expect(await packagesOf(TOMORROW)).toHaveLength(before.length);
    await expectAccessible(page);
    await screenshot(page, 'phone-zh-CN-community-packages-confirm');
    await confirm.getByRole('button', { name: '确认发布' }).click();
    await page.getByText(new RegExp(`^已发布「蔬菜套餐E」（${TOMORROW} 配送），居民价 40\\.00 元，.*20:00 截单$`)).waitFor();
    await page.getByRole('list', { name: '蔬菜套餐E的价格' }).waitFor();
    expect((await figures(page, '蔬菜套餐E的价格')).slice(0, 3)).toEqual(['标价52.00 元', '市补贴12.00 元', '居民价40.00 元']);
    expect((await packagesOf(TOMORROW)).find((p) => p.name === '蔬菜套餐E')).toMatchObject({ category: 'VEGETABLE_BASIC', listPrice: '52.00', subsidy: '12.00', residentPrice: '40.00' });

    // The platform's refusal, shown in words: the city lowers 青山街道's cap for the day after tomorrow while the
    // committee is looking at the old prices; confirming is refused with BAD_USER_INPUT and nothing is published.
    const later = addDays(TOMORROW, 1);
    await page.getByRole('button', { name: '发布新套餐' }).click();
    await form.getByLabel('套餐类别').fill('蔬菜基本');
    await form.getByLabel('套餐类别').press('Enter');
    await form.getByLabel('套餐名称').fill('蔬菜套餐F');
    await form.getByLabel('配送日期').fill(later);
    await form.getByLabel('配送日期').press('Enter');
    await expect.poll(() => form.textContent()).toContain(`${later} 蔬菜基本套餐的政策：每份补贴 12.00 元，标价最高 52.00 元`);
    await form.getByLabel('标价（元）').fill('52.00');
    await form.getByLabel('第 1 样：品名').fill('青菜');
    await form.getByLabel('第 1 样：数量').fill('4');
    await form.getByRole('button', { name: '核对价格' }).click();
    await confirm.waitFor();
    expect(await figures(page, '按补贴政策的价格')).toEqual(['标价52.00 元', '市补贴12.00 元', '居民价40.00 元']);
    const lowered = await bed.caller('CITY_OFFICIAL', DEMO.cityId).query(
      'mutation($input: PublishSubsidyPolicyInput!) { publishSubsidyPolicy(input: $input) { id } }',
      { input: { regionId: DEMO.streetId, category: 'VEGETABLE_BASIC', subsidyPerUnit: '10.00', maxListPrice: '50.00', perHouseholdDailyLimit: 1, effectiveFrom: later } },
    );
    expect(lowered.errors).toBeUndefined();
    await confirm.getByRole('button', { name: '确认发布' }).click();
    const refusal = page.getByRole('alert').filter({ hasText: '标价高于市里为这类套餐定的最高标价，套餐没有发布。' });
    await refusal.waitFor();
    expect(await refusal.textContent()).toContain('输入有误');
    // The form reads the policy again and now refuses the price itself.
    await expect.poll(() => form.textContent()).toContain(`${later} 蔬菜基本套餐的政策：每份补贴 10.00 元，标价最高 50.00 元`);
    await form.getByText(`标价不能高于市里为蔬菜基本套餐定的最高标价 50.00 元（${later}）`).waitFor();
    expect((await packagesOf(later)).find((p) => p.name === '蔬菜套餐F')).toBeUndefined();
    await expectAccessible(page);
    await screenshot(page, 'phone-zh-CN-community-packages-refused');
  }, 180_000);

  test("moves A小区's orders for tomorrow to REPORTED, PROCURED and AT_GATE, with the API's counts", async () => {
    const report = await reportOf(A_COMPOUND, TOMORROW);
    const statuses = await statusesOf(A_COMPOUND, TOMORROW);
    const placed = statuses.PLACED ?? 0;
    expect(placed).toBeGreaterThan(0);
    expect(Object.keys(statuses).filter((s) => s !== 'PLACED' && s !== 'CANCELLED')).toEqual([]);

    const page = await committeeOn('订单', 'orders');
    const a = page.getByRole('region', { name: 'A小区' });
    const reportList = a.getByRole('list', { name: 'A小区向供应商报的数' });
    await reportList.waitFor();
    // What the committee calls the supplier with: the API's units, orders and households per package.
    expect(await reportList.getByRole('listitem').allTextContents()).toEqual(
      report.map((line) => `${line.package.name}：${line.units} 份 · ${line.orders} 单 · ${line.households} 户`),
    );
    const byStatus = a.getByRole('list', { name: 'A小区的订单状态' });
    expect(await byStatus.getByRole('listitem').allTextContents()).toEqual(
      ['PLACED', 'CANCELLED'].filter((s) => statuses[s]).map((s) => `${s === 'PLACED' ? '已下单' : '已取消'} ${statuses[s]} 单`),
    );
    await expectNoSideScroll(page);
    await expectAccessible(page);
    await screenshot(page, 'phone-zh-CN-community-orders');

    /** Presses a step's button for A小区 and confirms. */
    async function advanceTo(step: string) {
      await a.getByRole('group', { name: '推进A小区的订单' }).getByRole('button', { name: step, exact: true }).click();
      await page.getByRole('button', { name: '确认推进' }).click();
    }

    // Straight to the gate is refused: the orders are still placed; said in words, nothing moves.
    await advanceTo('已到门口');
    await a
      .getByRole('alert')
      .filter({ hasText: `A小区还有订单没走到「已采购」（已下单 ${placed} 单），要先一步步推进到「已采购」，才能推进到「已到小区门口」。这次没有订单被推进。` })
      .waitFor();
    expect((await statusesOf(A_COMPOUND, TOMORROW)).PLACED).toBe(placed);
    await expectAccessible(page);

    const skippedCancelled = statuses.CANCELLED ? [`「已取消」${statuses.CANCELLED} 单：已取消的订单不再配送`] : [];
    // Each button's short word, then the status as the messages and counts say it.
    for (const [button, step, from] of [
      ['已上报', '已上报居委会', '已下单'],
      ['已采购', '已采购', '已上报居委会'],
      ['已到门口', '已到小区门口', '已采购'],
    ] as const) {
      await advanceTo(button);
      await a.getByRole('status').filter({ hasText: `A小区：${placed} 单已从「${from}」推进到「${step}」。` }).waitFor();
      if (skippedCancelled.length) expect(await a.getByRole('list', { name: 'A小区没有推进的订单' }).getByRole('listitem').allTextContents()).toEqual(skippedCancelled);
      await expect.poll(() => byStatus.getByRole('listitem').first().textContent()).toBe(`${step} ${placed} 单`);
    }
    expect(await statusesOf(A_COMPOUND, TOMORROW)).toEqual({ AT_GATE: placed, ...(statuses.CANCELLED ? { CANCELLED: statuses.CANCELLED } : {}) });
    await screenshot(page, 'phone-zh-CN-community-orders-at-gate');

    // Once more: nothing moves, and the page says why each order stayed.
    await advanceTo('已到门口');
    await a.getByRole('status').filter({ hasText: 'A小区：没有处于「已采购」的订单，这次没有订单推进到「已到小区门口」。' }).waitFor();
    expect(await a.getByRole('list', { name: 'A小区没有推进的订单' }).getByRole('listitem').allTextContents()).toEqual([
      `「已到小区门口」${placed} 单：已经到了「已到小区门口」或更后面`,
      ...skippedCancelled,
    ]);
    // Moving them changed no count the supplier is called with.
    const after = await reportOf(A_COMPOUND, TOMORROW);
    expect(after).toEqual(report);
    expect(await reportList.getByRole('listitem').allTextContents()).toEqual(
      after.map((line) => `${line.package.name}：${line.units} 份 · ${line.orders} 单 · ${line.households} 户`),
    );
    await expectAccessible(page);
    await expectButtonsFit(a.getByRole('group', { name: '推进A小区的订单' }), ['已上报', '已采购', '已到门口']);

    // In English the buttons' words are longer ("At the gate"): on a phone they stack, each whole and inside the screen.
    await page.getByRole('button', { name: '打开菜单' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Switch to English' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Close the menu' }).click();
    await expect.poll(() => page.getByRole('button', { name: 'Open the menu' }).getAttribute('aria-expanded')).toBe('false');
    await page.getByRole('dialog').waitFor({ state: 'hidden' });
    await page.getByRole('tab', { name: 'Orders', selected: true }).waitFor();
    const steps = a.getByRole('group', { name: 'Move the orders of A小区' });
    await steps.waitFor();
    await expectButtonsFit(steps, ['Reported', 'Procured', 'At the gate']);
    await expectNoSideScroll(page);
    await expectAccessible(page);
    await screenshot(page, 'phone-en-US-community-orders');
  }, 180_000);

  /**
   * A group's buttons, with these words, each inside the 375 px screen with none of its text cut off: nothing overflows
   * the button (but for the rounding of a fractional width, 1 px) and its words lie within its box.
   */
  async function expectButtonsFit(group: Locator, words: string[]): Promise<void> {
    const buttons = group.getByRole('button');
    expect(await buttons.allTextContents()).toEqual(words);
    for (const button of await buttons.all()) {
      const box = await button.evaluate((element) => {
        const rect = element.getBoundingClientRect();
        const range = document.createRange();
        range.selectNodeContents(element);
        const text = range.getBoundingClientRect();
        return {
          button: { left: rect.left, right: rect.right, top: rect.top, bottom: rect.bottom },
          text: { left: text.left, right: text.right, top: text.top, bottom: text.bottom },
          scrollWidth: element.scrollWidth,
          clientWidth: element.clientWidth,
          scrollHeight: element.scrollHeight,
          clientHeight: element.clientHeight,
        };
      });
      expect(box.button.left).toBeGreaterThanOrEqual(0);
      expect(box.button.right).toBeLessThanOrEqual(375);
      expect(box.scrollWidth).toBeLessThanOrEqual(box.clientWidth + 1);
      expect(box.scrollHeight).toBeLessThanOrEqual(box.clientHeight + 1);
      expect(box.text.left).toBeGreaterThanOrEqual(box.button.left);
      expect(box.text.right).toBeLessThanOrEqual(box.button.right);
      expect(box.text.top).toBeGreaterThanOrEqual(box.button.top);
      expect(box.text.bottom).toBeLessThanOrEqual(box.button.bottom);
    }
  }

  test('registers a party member, assigns the floors of A小区 3栋, and the building is no longer picked out', async () => {
    const coverage = async () => {
      const answer = await staff().query<{ community: { volunteerCoverage: { buildingsCovered: number; uncoveredBuildings: Array<{ id: string }> } } }>(
        'query($id: ID!) { community(id: $id) { volunteerCoverage { buildingsCovered uncoveredBuildings { id } } } }',
        { id: Q },
      );
      expect(answer.errors).toBeUndefined();
      return answer.data!.community.volunteerCoverage;
    };
    const before = await coverage();
    expect(before.uncoveredBuildings.map((b) => b.id)).toContain(A3);

    const page = await committeeOn('党员', 'party');
    const picked = page.getByRole('region', { name: '有楼层无人负责的楼栋' });
    await expect.poll(() => picked.textContent()).toContain('A小区 3栋：1–6 层无人负责');
    expect(await picked.getByRole('listitem').count()).toBe(before.uncoveredBuildings.length);
    await expectNoSideScroll(page);
    await expectAccessible(page);
    await screenshot(page, 'phone-zh-CN-community-party');

    const register = page.getByRole('region', { name: '登记报到党员' });
    await register.getByLabel('姓名').fill('王芳');
    await register.getByLabel('手机号').fill('13900009999');
    await register.getByLabel('工作单位').fill('H市第一医院');
    await register.getByRole('button', { name: '登记', exact: true }).click();
    await register.getByText('已登记报到党员 王芳（H市第一医院），可以在下面为其安排楼层').waitFor();
    await page.getByRole('list', { name: '报到党员' }).getByText('王芳').waitFor();
    // The member just registered is the one the assignment form holds.
    const assign = page.getByRole('region', { name: '安排负责楼层' });
    await expect.poll(() => assign.textContent()).toContain('王芳');
    await assign.getByLabel('楼栋').fill('3栋');
    await assign.getByLabel('楼栋').press('Enter');
    await assign.getByText('这栋楼 1–6 层无人负责，已替你填好').waitFor();
    expect(await assign.getByLabel('从第几层').inputValue()).toBe('1');
    expect(await assign.getByLabel('到第几层').inputValue()).toBe('6');
    await assign.getByRole('button', { name: '安排', exact: true }).click();
    await assign.getByText('已安排 王芳 负责 A小区 3栋 1–6 层').waitFor();

    // No longer picked out, on the screen and in the API.
    await expect.poll(() => picked.textContent()).not.toContain('A小区 3栋');
    const building = page.getByRole('list', { name: '楼栋与负责的党员' }).getByRole('listitem').filter({ hasText: 'A小区 3栋' });
    expect(await building.textContent()).toContain('每层都有人负责');
    expect(await building.textContent()).toContain('1–6 层 王芳');
    const after = await coverage();
    expect(after.uncoveredBuildings.map((b) => b.id)).not.toContain(A3);
    expect(after.buildingsCovered).toBe(before.buildingsCovered + 1);
    expect(await picked.getByRole('listitem').count()).toBe(after.uncoveredBuildings.length);
    await expectAccessible(page);
    await screenshot(page, 'phone-zh-CN-community-party-assigned');
  }, 180_000);

  test("reads residents' ratings per package, as the API gives them", async () => {
    const ratings = async (date: string) => {
      const answer = await staff().query<{ community: { packages: Array<{ name: string; averageRating: number | null; ratingCount: number; ratings: Array<{ comment: string | null }> }> } }>(
        'query($id: ID!, $date: Date!) { community(id: $id) { packages(date: $date) { name averageRating ratingCount ratings { comment } } } }',
        { id: Q, date },
      );
      expect(answer.errors).toBeUndefined();
      return answer.data!.community.packages;
    };
    const page = await committeeOn('评价', 'feedback');
    expect(await page.getByLabel('配送日期').inputValue()).toBe(YESTERDAY);
    const check = async (date: string) => {
      const packages = await ratings(date);
      expect(packages.length).toBeGreaterThan(0);
      for (const pkg of packages) {
        const card = page.getByRole('region', { name: pkg.name });
        const summary = pkg.averageRating == null ? '还没有住户评价' : `平均 ${pkg.averageRating.toFixed(1)} 分，${pkg.ratingCount} 户评价`;
        await expect.poll(() => card.textContent()).toContain(summary);
        const shown = card.getByRole('list', { name: `${pkg.name}的评价` }).getByRole('listitem');
        await expect.poll(() => shown.count()).toBe(pkg.ratings.length);
        // Polled as the summary is: a card of the same name on the day before may still be on screen for a moment.
        for (const rating of pkg.ratings) if (rating.comment) await expect.poll(() => card.textContent()).toContain(rating.comment);
      }
      return packages;
    };
    await check(YESTERDAY);
    // The case's day, when residents said what they thought of the first packages.
    await page.getByLabel('配送日期').fill('2020-02-20');
    await page.getByLabel('配送日期').press('Enter');
    const caseDay = await check('2020-02-20');
    expect(caseDay.some((pkg) => pkg.ratingCount > 0)).toBe(true);
    await page.getByText('菜很新鲜，送到门口，谢谢党员同志！').waitFor();
    await expectNoSideScroll(page);
    await expectAccessible(page);
    await screenshot(page, 'phone-zh-CN-community-feedback');
  }, 120_000);

  test("registers an owners' committee for A小区, which had none", async () => {
    const committeeOf = async (compoundId: string) => {
      const answer = await staff().query<{ compound: { ownerCommittee: { name: string; members: Array<{ name: string; role: string; phone: string | null }> } | null } }>(
        'query($id: ID!) { compound(id: $id) { ownerCommittee { name members { name role phone } } } }',
        { id: compoundId },
      );
      expect(answer.errors).toBeUndefined();
      return answer.data!.compound.ownerCommittee;
    };
    expect(await committeeOf(A_COMPOUND)).toBeNull();
    const bCommittee = await committeeOf(demoIds.compound(Q, 'B小区'));
    expect(bCommittee).not.toBeNull();

    const page = await committeeOn('业委会', 'committees');
    const a = page.getByRole('region', { name: 'A小区' });
    await a.getByText('还没有登记业主委员会').waitFor();
    expect(await page.getByRole('region', { name: 'B小区' }).textContent()).toContain(bCommittee!.name);
    await expectNoSideScroll(page);
    await expectAccessible(page);
    await screenshot(page, 'phone-zh-CN-community-committees');

    await a.getByRole('button', { name: '为A小区登记业委会' }).click();
    expect(await a.getByLabel('业委会名称').inputValue()).toBe('A小区业主委员会');
    await a.getByLabel('第 1 位成员：姓名').fill('刘洋');
    expect(await a.getByLabel('第 1 位成员：职务').inputValue()).toBe('主任');
    await a.getByLabel('第 1 位成员：电话（可不填）').fill('13800001111');
    await a.getByRole('button', { name: '再加一位成员' }).click();
    await a.getByLabel('第 2 位成员：姓名').fill('赵敏');
    await a.getByLabel('第 2 位成员：职务').fill('采购');
    await expectAccessible(page);
    await a.getByRole('button', { name: '登记业委会' }).click();
    await page.getByText('已为A小区登记「A小区业主委员会」').waitFor();
    const members = a.getByRole('list', { name: 'A小区业主委员会成员' });
    await members.waitFor();
    expect(await members.getByRole('listitem').allTextContents()).toEqual(['刘洋（主任） 13800001111', '赵敏（采购）']);
    expect(await committeeOf(A_COMPOUND)).toEqual({
      name: 'A小区业主委员会',
      members: [
        { name: '刘洋', role: '主任', phone: '13800001111' },
        { name: '赵敏', role: '采购', phone: null },
      ],
    });
    await screenshot(page, 'phone-zh-CN-community-committees-registered');
  }, 120_000);

  test('on a desk, in English: the orders section fits and passes axe', async () => {
    const { page, context } = await bed.newPage({ language: 'en-US' });
    await context.clock.setFixedTime(clock.now());
    await signInAs(page, committee.label['en-US']);
    await page.getByRole('tab', { name: 'Orders' }).click();
    await page.getByRole('heading', { name: `Q社区: orders for ${TOMORROW}` }).waitFor();
    await page.getByRole('region', { name: 'A小区' }).getByRole('list', { name: 'What A小区 orders from the supplier' }).waitFor();
    expect(await page.getByRole('group', { name: 'Move the orders of A小区' }).getByRole('button').allTextContents()).toEqual(['Reported', 'Procured', 'At the gate']);
    await expectAccessible(page);
    await screenshot(page, 'desk-en-US-community-orders');
  }, 120_000);
});
