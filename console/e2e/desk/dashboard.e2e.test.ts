// The dashboard: each desk role signs in and sees the same figures the gateway answers for the same request (same
// role, scope and variables), drills down from the city to Q社区 through the table's links and back through the
// breadcrumbs, and a street officer sees the regions outside its street marked "不在你的范围内", never as 0.
import { DEMO_ACTORS } from '@cgov/shared';
import { print } from 'graphql';
import type { Page } from 'playwright-core';
import { expect, test } from 'vitest';
import {
  DashboardDocument,
  type DashboardQuery,
  type Figures_OrderStatsFragment as Stats,
  type Figures_SubsidyBudgetFragment as Budget,
} from '../../src/gql/graphql.js';
import { addDays } from '../../src/lib/dates.js';
import { levelOf } from '../../src/pages/dashboard/region.js';
import { describeInBrowser, expectAccessible, screenshot, signInAs, useConsoleTestbed, type ConsoleTestbed } from '../harness.js';

/** A journey through several pages, each checked by axe, outlasts the file's default 60 s on a busy machine. */
const JOURNEY_TIMEOUT_MS = 150_000;

const actor = (id: string) => DEMO_ACTORS.find((a) => a.id === id)!;
const OUTSIDE = '不在你的范围内';
const CARD_LABELS = ['订单数', '下单户数', '套餐份数', '标价合计', '补贴合计', '居民应付合计', '送达率'] as const;
const BUDGET_LABELS = ['预算已分配', '预算已使用', '预算剩余'] as const;

const count = new Intl.NumberFormat('zh-CN');
const share = new Intl.NumberFormat('zh-CN', { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 });
/** A money figure as the screen shows it, back to the API's decimal string ("-¥13,158.00" → "-13158.00"). */
const plainMoney = (text: string) => text.replace(/[¥,\s]/g, '');

/** What the cards (or a table row's cells) should say for a region's figures: counts as written in zh-CN, money as the API's strings. */
function expectedFigures(stats: Stats | null | undefined, budget: Budget | null | undefined, withBudget: boolean): string[] {
  const figures = stats
    ? [count.format(stats.orders), count.format(stats.households), count.format(stats.units), stats.listTotal, stats.subsidyTotal, stats.payableTotal, stats.orders === 0 ? '—' : share.format(stats.delivered / stats.orders)]
    : CARD_LABELS.map(() => OUTSIDE);
  if (!withBudget) return figures;
  return [...figures, ...(budget ? [budget.allocated, budget.spent ?? OUTSIDE, budget.remaining ?? OUTSIDE] : BUDGET_LABELS.map(() => OUTSIDE))];
}

/** A screen figure made comparable: money back to a decimal string, the rest as shown. */
const comparable = (text: string) => (text.includes('¥') ? plainMoney(text) : text.trim());

/** The headline cards' values, in order, each read from the group its visible label names. */
async function cardFigures(page: Page, withBudget: boolean): Promise<string[]> {
  const labels = withBudget ? [...CARD_LABELS, ...BUDGET_LABELS] : CARD_LABELS;
  return Promise.all(
    labels.map(async (label) => {
      const text = await page.getByRole('group', { name: label, exact: true }).innerText();
      return comparable(text.slice(text.indexOf(label) + label.length));
    }),
  );
}

/** The cells of the child-region table's row for a region (its name first). */
async function rowFigures(page: Page, regionName: string, parentName: string): Promise<string[]> {
  const table = page.getByRole('table', { name: `${parentName} 的下级区域指标` });
  const row = table.getByRole('row').filter({ has: page.getByRole('link', { name: regionName, exact: true }) });
  return (await row.getByRole('cell').allInnerTexts()).map(comparable);
}

/** The date the page shows (its date picker), YYYY-MM-DD. */
async function shownDate(page: Page): Promise<string> {
  return page.getByLabel('日期').first().inputValue();
}

/** Asks the gateway what the page asked: the same document and variables, with the role and scope the page signed in as. */
async function ask(bed: ConsoleTestbed, role: 'CITY_OFFICIAL' | 'STREET_OFFICER' | 'ANALYST', scope: string, id: string, date: string) {
  const level = levelOf(id);
  const variables = { id, date, from: addDays(date, -29), isCity: level === 'city', isDistrict: level === 'district', isStreet: level === 'street', isCommunity: level === 'community' };
  const response = await bed.caller(role, scope).query<DashboardQuery>(print(DashboardDocument), variables);
  expect(response.status).toBe(200);
  return { data: response.data!, errors: response.errors ?? [] };
}

/** Waits for the dashboard of a region (its heading) with its figures on screen. */
async function waitForRegion(page: Page, name: string): Promise<void> {
  await page.getByRole('heading', { level: 2, name: `${name} 数据看板` }).waitFor();
  await page.getByRole('group', { name: '订单数', exact: true }).waitFor();
}

/** Follows a region's link in the child-region table, and waits for its dashboard. */
async function drillDown(page: Page, parentName: string, name: string): Promise<void> {
  await page.getByRole('table', { name: `${parentName} 的下级区域指标` }).getByRole('link', { name, exact: true }).click();
  await waitForRegion(page, name);
}

// A region's figures and budget as the answer holds them: the generated types mask fragments (the console unmasks
// them with getFragmentData, an identity at run time, whose generated module NodeNext cannot import).
const stats = (ref: object | null | undefined) => (ref ?? null) as Stats | null;
const budget = (ref: object | null | undefined) => (ref ?? null) as Budget | null;

describeInBrowser('the dashboard', () => {
  const bed = useConsoleTestbed();

  test("the city's epidemic command sees the figures the gateway answers, and drills down to Q社区 and back", async () => {
    const { page } = await bed.newPage();
    await signInAs(page, actor('city-command').label['zh-CN']);
    await page.waitForURL(/\/dashboard\/4201(\?|$)/);
    await waitForRegion(page, 'H市');
    const date = await shownDate(page);

    const city = (await ask(bed, 'CITY_OFFICIAL', '4201', '4201', date)).data.city!;
    expect(await cardFigures(page, true)).toEqual(expectedFigures(stats(city.orderStats), budget(city.subsidyBudget), true));
    expect(stats(city.orderStats)!.orders).toBeGreaterThan(0);
    for (const district of city.districts) {
      expect(await rowFigures(page, district.name, 'H市')).toEqual([district.name, ...expectedFigures(stats(district.orderStats), budget(district.subsidyBudget), true)]);
    }
    await page.getByRole('img', { name: /H市 各下级区域/ }).waitFor();
    await page.getByRole('img', { name: /H市 近 30 天/ }).waitFor();
    await expectAccessible(page);
    await screenshot(page, 'desk-zh-CN-dashboard-city');

    await drillDown(page, 'H市', '东城区');
    const district = (await ask(bed, 'CITY_OFFICIAL', '4201', '420102', date)).data.district!;
    expect(await cardFigures(page, true)).toEqual(expectedFigures(stats(district.orderStats), budget(district.subsidyBudget), true));
    await drillDown(page, '东城区', '青山街道');
    const street = (await ask(bed, 'CITY_OFFICIAL', '4201', '420102001', date)).data.street!;
    expect(await cardFigures(page, false)).toEqual(expectedFigures(stats(street.orderStats), null, false));
    for (const community of street.communities) {
      expect(await rowFigures(page, community.name, '青山街道')).toEqual([community.name, ...expectedFigures(stats(community.orderStats), null, false)]);
    }
    await drillDown(page, '青山街道', 'Q社区');
    expect(new URL(page.url()).pathname).toBe('/dashboard/420102001001');
    expect(new URL(page.url()).searchParams.get('date')).toBe(date);
    const community = (await ask(bed, 'CITY_OFFICIAL', '4201', '420102001001', date)).data.community!;
    expect(await cardFigures(page, false)).toEqual(expectedFigures(stats(community.orderStats), null, false));
    // The community's own volunteer coverage and open group buys.
    await page.getByRole('table', { name: '各社区志愿者覆盖' }).getByRole('cell', { name: 'Q社区' }).waitFor();
    await page.getByRole('table', { name: '进行中的团购' }).getByRole('row').nth(1).waitFor();
    await expectAccessible(page);
    await screenshot(page, 'desk-zh-CN-dashboard-community');

    const breadcrumbs = page.getByRole('navigation', { name: '所在层级' });
    await breadcrumbs.getByRole('link', { name: '东城区' }).click();
    await waitForRegion(page, '东城区');
    await page.getByRole('navigation', { name: '所在层级' }).getByRole('link', { name: 'H市' }).click();
    await waitForRegion(page, 'H市');
    expect(new URL(page.url()).pathname).toBe('/dashboard/4201');
  }, JOURNEY_TIMEOUT_MS);

  test('a street officer lands on its street in full; the rest of its district is marked outside its scope, not 0', async () => {
    const office = actor('street-office');
    const { page } = await bed.newPage();
    await signInAs(page, office.label['zh-CN']);
    await page.waitForURL(/\/dashboard\/420102001(\?|$)/);
    await waitForRegion(page, '青山街道');
    const date = await shownDate(page);
    const street = (await ask(bed, 'STREET_OFFICER', office.scope, '420102001', date)).data.street!;
    expect(await cardFigures(page, false)).toEqual(expectedFigures(stats(street.orderStats), null, false));
    expect(stats(street.orderStats)!.orders).toBeGreaterThan(0);

    await page.getByRole('navigation', { name: '所在层级' }).getByRole('link', { name: '东城区' }).click();
    await waitForRegion(page, '东城区');
    const answer = await ask(bed, 'STREET_OFFICER', office.scope, '420102', date);
    expect(answer.errors.map((e) => e.extensions?.code)).toContain('FORBIDDEN');
    const district = answer.data.district!;
    expect(district.orderStats).toBeNull();
    expect(await cardFigures(page, true)).toEqual(expectedFigures(null, null, true));
    const other = district.streets.find((s) => s.id !== office.scope)!;
    expect(stats(other.orderStats)).toBeNull();
    expect(await rowFigures(page, other.name, '东城区')).toEqual([other.name, ...CARD_LABELS.map(() => OUTSIDE)]);
    const own = district.streets.find((s) => s.id === office.scope)!;
    expect(await rowFigures(page, own.name, '东城区')).toEqual([own.name, ...expectedFigures(stats(own.orderStats), null, false)]);
    // The refusal is a note, not a red page error.
    await page.getByText('部分数据不在你的范围内').waitFor();
    expect(await page.getByText('超出你的权限范围').count()).toBe(0);
    await expectAccessible(page);
    await screenshot(page, 'desk-zh-CN-dashboard-street-officer');

    await drillDown(page, '东城区', '青山街道');
    await drillDown(page, '青山街道', 'Q社区');
    const community = (await ask(bed, 'STREET_OFFICER', office.scope, '420102001001', date)).data.community!;
    expect(await cardFigures(page, false)).toEqual(expectedFigures(stats(community.orderStats), null, false));
  }, JOURNEY_TIMEOUT_MS);

  test('an analyst sees the city figures the gateway answers', async () => {
    const analyst = actor('city-analyst');
    const { page } = await bed.newPage();
    await signInAs(page, analyst.label['zh-CN']);
    await page.waitForURL(/\/dashboard\/4201(\?|$)/);
    await waitForRegion(page, 'H市');
    const date = await shownDate(page);
    const city = (await ask(bed, 'ANALYST', analyst.scope, '4201', date)).data.city!;
    expect(await cardFigures(page, true)).toEqual(expectedFigures(stats(city.orderStats), budget(city.subsidyBudget), true));
  });
});
