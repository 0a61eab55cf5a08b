// Readiness for the next emergency on the dashboard: the city's epidemic command sees cards and a table of the regions
// within that say what the gateway's `readiness` answers for the same request (city, then a district and a street
// drilled down to through the readiness table's links), with the regions needing work (a score below 60 or a supply
// below its minimum) tagged and listed; a street officer's district shows the other street outside its scope, not 0.
import { DEMO_ACTORS } from '@cgov/shared';
import { print } from 'graphql';
import type { Page } from 'playwright-core';
import { expect, test } from 'vitest';
import { DashboardReadinessDocument, type DashboardReadinessQuery, type Readiness_FiguresFragment as Figures } from '../../src/gql/graphql.js';
import { levelOf } from '../../src/pages/dashboard/region.js';
import { describeInBrowser, expectAccessible, screenshot, signInAs, useConsoleTestbed, type ConsoleTestbed } from '../harness.js';

/** A journey through several pages, each checked by axe, outlasts the file's default 60 s on a busy machine. */
const JOURNEY_TIMEOUT_MS = 150_000;

const actor = (id: string) => DEMO_ACTORS.find((a) => a.id === id)!;
const OUTSIDE = '不在你的范围内';
const CARD_LABELS = ['准备度得分', '有现行疫情预案的社区', '平疫结合场所', '场所容量（人）', '低于最低储备的物资', '30 天内到期的物资', '已接受的志愿者', '每千户志愿者'] as const;

const count = new Intl.NumberFormat('zh-CN');
const decimal = (value: number | null | undefined, places: number) =>
  value == null ? '—' : new Intl.NumberFormat('zh-CN', { minimumFractionDigits: places, maximumFractionDigits: places }).format(value);
/** Whether a region needs work by the page's rule, from the API's figures. */
const needsWork = (f: Figures) => (f.score != null && f.score < 60) || f.suppliesBelowMinimum > 0;
const tag = (f: Figures) => (needsWork(f) ? '待加强' : '达标');

/** What the cards say for a region's readiness, in CARD_LABELS' order (the score with its tag). */
function expectedCards(f: Figures): string[] {
  return [
    `${decimal(f.score, 1)} ${tag(f)}`,
    `${f.communitiesWithCurrentPlan} / ${f.communities}`,
    count.format(f.spaces),
    count.format(f.spaceCapacity),
    count.format(f.suppliesBelowMinimum),
    count.format(f.suppliesExpiringWithin30Days),
    count.format(f.volunteers),
    decimal(f.volunteersPerThousandHouseholds, 2),
  ];
}

/** What a row of the readiness table says for a region: name, status, then the figures as the cards show them. */
const expectedRow = (name: string, f: Figures) => [name, tag(f), ...expectedCards(f).map((text, i) => (i === 0 ? decimal(f.score, 1) : text))];

const tidy = (text: string) => text.replace(/\s+/g, ' ').trim();

/** The readiness cards' values, in order, each read from the group its visible label names. */
async function cardFigures(page: Page): Promise<string[]> {
  return Promise.all(
    CARD_LABELS.map(async (label) => {
      const text = await page.getByRole('group', { name: label, exact: true }).innerText();
      return tidy(text.slice(text.indexOf(label) + label.length));
    }),
  );
}

/** The cells of the readiness table's row for a region. */
async function rowFigures(page: Page, parentName: string, regionName: string): Promise<string[]> {
  const table = page.getByRole('table', { name: `${parentName} 下级区域的应急准备` });
  const row = table.getByRole('row').filter({ has: page.getByRole('link', { name: regionName, exact: true }) });
  return (await row.getByRole('cell').allInnerTexts()).map(tidy);
}

/** Asks the gateway what the page asked: the same document and variables, in the role and scope the page signed in as. */
async function ask(bed: ConsoleTestbed, role: 'CITY_OFFICIAL' | 'STREET_OFFICER', scope: string, id: string) {
  const level = levelOf(id);
  const variables = { id, isCity: level === 'city', isDistrict: level === 'district', isStreet: level === 'street', isCommunity: level === 'community' };
  const response = await bed.caller(role, scope).query<DashboardReadinessQuery>(print(DashboardReadinessDocument), variables);
  expect(response.status).toBe(200);
  return { data: response.data!, errors: response.errors ?? [] };
}
// The generated types mask fragments (the console unmasks them with getFragmentData, an identity at run time).
const figures = (ref: object | null | undefined) => (ref ?? null) as Figures | null;

/** Waits for a region's dashboard with its readiness cards on screen. */
async function waitForRegion(page: Page, name: string): Promise<void> {
  await page.getByRole('heading', { level: 2, name: `${name} 数据看板` }).waitFor();
  await page.getByRole('group', { name: '准备度得分', exact: true }).waitFor();
}

/** Checks the table of the regions within against the API: every row, and the list of those needing work. */
async function expectTable(page: Page, parentName: string, children: Array<{ name: string; readiness?: object | null }>) {
  for (const child of children) expect(await rowFigures(page, parentName, child.name)).toEqual(expectedRow(child.name, figures(child.readiness)!));
  const weak = children.filter((child) => needsWork(figures(child.readiness)!)).map((child) => child.name);
  const listed = await page.getByRole('region', { name: '待加强的下级区域' }).getByRole('listitem').allInnerTexts();
  expect(listed.map((item) => item.split('：')[0])).toEqual(weak);
}

describeInBrowser('readiness on the dashboard', () => {
  const bed = useConsoleTestbed();

  test("the city's command sees the city's readiness and its districts', then a district's and a street's as it drills down", async () => {
    const { page } = await bed.newPage();
    await signInAs(page, actor('city-command').label['zh-CN']);
    await page.waitForURL(/\/dashboard\/4201(\?|$)/);
    await waitForRegion(page, 'H市');

    const city = (await ask(bed, 'CITY_OFFICIAL', '4201', '4201')).data.city!;
    const cityFigures = figures(city.readiness)!;
    expect(cityFigures.communities).toBeGreaterThan(1);
    expect(await cardFigures(page)).toEqual(expectedCards(cityFigures));
    await expectTable(page, 'H市', city.districts);
    // The demo's districts differ: 西城区 scores below 60, 东城区 has a supply below its minimum.
    expect(city.districts.every((district) => needsWork(figures(district.readiness)!))).toBe(true);
    await expectAccessible(page);
    await screenshot(page, 'desk-zh-CN-readiness');

    await page.getByRole('table', { name: 'H市 下级区域的应急准备' }).getByRole('link', { name: '东城区', exact: true }).click();
    await waitForRegion(page, '东城区');
    const district = (await ask(bed, 'CITY_OFFICIAL', '4201', '420102')).data.district!;
    expect(await cardFigures(page)).toEqual(expectedCards(figures(district.readiness)!));
    await expectTable(page, '东城区', district.streets);
    // One street ready, one not: both tags on screen.
    expect(district.streets.map((street) => needsWork(figures(street.readiness)!)).sort()).toEqual([false, true]);

    await page.getByRole('table', { name: '东城区 下级区域的应急准备' }).getByRole('link', { name: '青山街道', exact: true }).click();
    await waitForRegion(page, '青山街道');
    const street = (await ask(bed, 'CITY_OFFICIAL', '4201', '420102001')).data.street!;
    expect(await cardFigures(page)).toEqual(expectedCards(figures(street.readiness)!));
    await expectTable(page, '青山街道', street.communities);
    await expectAccessible(page);
  }, JOURNEY_TIMEOUT_MS);

  test("a street officer sees its street's readiness; the other street of its district is outside its scope, not 0", async () => {
    const office = actor('street-office');
    const { page } = await bed.newPage();
    await signInAs(page, office.label['zh-CN']);
    await page.waitForURL(/\/dashboard\/420102001(\?|$)/);
    await waitForRegion(page, '青山街道');
    const street = (await ask(bed, 'STREET_OFFICER', office.scope, '420102001')).data.street!;
    expect(await cardFigures(page)).toEqual(expectedCards(figures(street.readiness)!));

    await page.getByRole('navigation', { name: '所在层级' }).getByRole('link', { name: '东城区' }).click();
    await waitForRegion(page, '东城区');
    const answer = await ask(bed, 'STREET_OFFICER', office.scope, '420102');
    expect(answer.errors.map((e) => e.extensions?.code)).toContain('FORBIDDEN');
    expect(answer.data.district!.readiness).toBeNull();
    expect(await cardFigures(page)).toEqual(CARD_LABELS.map(() => OUTSIDE));
    const other = answer.data.district!.streets.find((s) => s.id !== office.scope)!;
    expect(await rowFigures(page, '东城区', other.name)).toEqual([other.name, '', ...CARD_LABELS.map(() => OUTSIDE)]);
    const own = answer.data.district!.streets.find((s) => s.id === office.scope)!;
    expect(await rowFigures(page, '东城区', own.name)).toEqual(expectedRow(own.name, figures(own.readiness)!));
    await page.getByText('部分应急准备数据不在你的范围内').waitFor();
    await expectAccessible(page);
  }, JOURNEY_TIMEOUT_MS);
});
