// The analyst's journeys for the other desk roles: the city's epidemic command (in English) and a street office each
// export the orders of their own area as CSV — one data row per order the page counts, which is what the API counts for
// the same caller — and run a query in the IDE that answers what the API answers them.
import { DEMO, DEMO_ACTORS } from '@cgov/shared';
import type { Locator } from 'playwright-core';
import { readFile } from 'node:fs/promises';
import { expect, test } from 'vitest';
import { describeInBrowser, signInAs, useConsoleTestbed } from '../harness.js';

/** The text an editor of GraphiQL shows (Monaco writes its spaces as no-break spaces). */
const textOf = async (editor: Locator) => (await editor.innerText()).replace(/\u00a0/g, ' ');

const desks = [
  { actor: DEMO_ACTORS.find((a) => a.id === 'city-command')!, role: 'CITY_OFFICIAL', region: DEMO.cityId, language: 'en-US', nav: { exports: 'Exports', ide: 'GraphQL IDE' }, download: 'Download CSV', count: /([\d,]+) in all/, firstHeader: 'Order ID' },
  { actor: DEMO_ACTORS.find((a) => a.id === 'street-office')!, role: 'STREET_OFFICER', region: DEMO.streetId, language: 'zh-CN', nav: { exports: '数据导出', ide: 'GraphQL 查询' }, download: '下载 CSV', count: /共 ([\d,]+) 条/, firstHeader: '订单编号' },
] as const;

describeInBrowser('the other desk roles export and query', () => {
  const bed = useConsoleTestbed();

  for (const desk of desks) {
    test(`${desk.role} (${desk.language}): the orders of its area as CSV, as many rows as the API counts`, async () => {
      const api = await bed
        .caller(desk.role, desk.region)
        .query<{ orders: { totalCount: number } }>('query($r: ID!) { orders(filter: { regionId: $r }, first: 1) { totalCount } }', { r: desk.region });
      expect(api.errors).toBeUndefined();
      const { page } = await bed.newPage({ language: desk.language });
      await signInAs(page, desk.actor.label[desk.language]);
      await page.getByRole('navigation').getByRole('link', { name: desk.nav.exports }).click();
      const count = page.getByText(desk.count);
      await count.waitFor();
      const shown = Number(desk.count.exec(await count.innerText())![1]!.replace(/,/g, ''));
      expect(shown).toBe(api.data!.orders.totalCount);
      expect(shown).toBeGreaterThan(0);

      const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: desk.download }).click()]);
      const bytes = await readFile((await download.path())!);
      expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      const lines = bytes.subarray(3).toString('utf8').split(/\r?\n/).filter((line) => line !== '');
      expect(lines[0]!.split(',')[0]).toBe(desk.firstHeader);
      expect(lines.length - 1).toBe(shown);
    });

    test(`${desk.role} (${desk.language}): runs the IDE's first example and sees what the API answers`, async () => {
      // The IDE opens on the contract's CityDashboard for the demo city and today: ask the API the same.
      const date = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
      const api = await bed.caller(desk.role, desk.region).op<{ city: { name: string } }>('CityDashboard', { cityId: DEMO.cityId, date });
      // A street officer's answer begins with its FORBIDDEN errors (the city's figures outside its street); the
      // editor shows the answer's first lines, so that is what it must show: the first error's code, or the city's name.
      const expected = api.errors?.length ? `"code": "${String(api.errors[0]!.extensions?.code)}"` : `"name": "${api.data!.city.name}"`;
      const { page } = await bed.newPage({ language: desk.language });
      await signInAs(page, desk.actor.label[desk.language]);
      await page.getByRole('navigation').getByRole('link', { name: desk.nav.ide }).click();
      await expect.poll(() => textOf(page.getByRole('region', { name: 'Operation Editor' })), { timeout: 30_000 }).toContain('query CityDashboard');
      await page.getByRole('button', { name: /^Execute query/ }).click();
      await expect.poll(() => textOf(page.getByLabel('Result Window')), { timeout: 30_000 }).toContain(expected);
    });
  }
});
