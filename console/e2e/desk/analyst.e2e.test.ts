// The analyst's desk: an analyst of H市 signs in, runs the contract's CityDashboard in the IDE and reads the same
// figures the API gives, opens the schema's documentation, and downloads the orders as CSV: one data row per order the
// page counts, UTF-8 with a BOM and a header row in Chinese. No request leaves the platform (the testbed fails otherwise).
import { DEMO, DEMO_ACTORS } from '@cgov/shared';
import type { Locator } from 'playwright-core';
import { expect, test } from 'vitest';
import { readFile } from 'node:fs/promises';
import { describeInBrowser, expectAccessible, screenshot, signInAs, useConsoleTestbed } from '../harness.js';

const analyst = DEMO_ACTORS.find((actor) => actor.id === 'city-analyst')!;
/** The text an editor of GraphiQL shows (Monaco writes its spaces as no-break spaces). */
const textOf = async (editor: Locator) => (await editor.innerText()).replace(/\u00a0/g, ' ');
const shanghaiToday = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());

describeInBrowser("the analyst's desk", () => {
  const bed = useConsoleTestbed();

  test("runs the city's dashboard in the IDE and sees the API's answer; the docs open; the token stays out of the headers", async () => {
    const api = await bed.caller('ANALYST', DEMO.cityId).op<{ city: { name: string; orderStats: { orders: number } } }>('CityDashboard', { cityId: DEMO.cityId, date: shanghaiToday() });
    expect(api.errors).toBeUndefined();
    const { page } = await bed.newPage();
    await signInAs(page, analyst.label['zh-CN']);
    await page.getByRole('navigation').getByRole('link', { name: 'GraphQL 查询' }).click();
    await page.getByRole('heading', { name: 'GraphQL 查询' }).waitFor();
    const operation = page.getByRole('region', { name: 'Operation Editor' });
    await expect.poll(() => textOf(operation), { timeout: 30_000 }).toContain('query CityDashboard');

    await page.getByRole('button', { name: /^Execute query/ }).click();
    const result = page.getByLabel('Result Window');
    await expect.poll(() => textOf(result), { timeout: 30_000 }).toContain(`"name": "${api.data!.city.name}"`);
    expect(await textOf(result), 'the answer shown').toContain(`"orders": ${api.data!.city.orderStats.orders},`);

    await page.getByRole('button', { name: 'Headers' }).click();
    expect(await textOf(page.getByRole('region', { name: 'Headers' }))).not.toContain('Bearer');

    await page.getByRole('button', { name: 'Show Documentation Explorer' }).click();
    await page.getByRole('link', { name: 'Query' }).first().waitFor();
    await expectAccessible(page);
    await screenshot(page, 'desk-zh-CN-ide');
  });

  test('opens one of the contract’s operations from the examples, with the demo’s variables', async () => {
    const { page } = await bed.newPage();
    await signInAs(page, analyst.label['zh-CN']);
    await page.goto('/ide');
    await expect.poll(() => textOf(page.getByRole('region', { name: 'Operation Editor' })), { timeout: 30_000 }).toContain('CityDashboard');
    await page.getByRole('button', { name: 'Show 示例操作' }).click();
    await page.getByRole('button', { name: '在新标签页中打开 CityTree' }).click();
    await expect.poll(() => textOf(page.getByRole('region', { name: 'Operation Editor' }))).toContain('query CityTree');
    await page.getByRole('button', { name: /^Execute query/ }).click();
    await expect.poll(() => textOf(page.getByLabel('Result Window')), { timeout: 30_000 }).toContain('"districts"');
    // The second release's files too: the month's street ranking, with this month and STREET filled in.
    await page.getByRole('button', { name: '在新标签页中打开 RequestRanking' }).click();
    await expect.poll(() => textOf(page.getByRole('region', { name: 'Operation Editor' }))).toContain('query RequestRanking');
    await page.getByRole('button', { name: /^Execute query/ }).click();
    await expect.poll(() => textOf(page.getByLabel('Result Window')), { timeout: 30_000 }).toContain('"requestRanking"');
    expect(await textOf(page.getByLabel('Result Window'))).not.toContain('"errors"');
  });

  test('downloads the orders as CSV: as many data rows as the page counts, a BOM, a Chinese header row', async () => {
    const api = await bed.caller('ANALYST', DEMO.cityId).query<{ orders: { totalCount: number } }>('query($r: ID!) { orders(filter: { regionId: $r }, first: 1) { totalCount } }', { r: DEMO.cityId });
    const { page } = await bed.newPage();
    await signInAs(page, analyst.label['zh-CN']);
    await page.getByRole('navigation').getByRole('link', { name: '数据导出' }).click();
    const count = page.getByText(/共 \d+ 条/);
    await count.waitFor();
    const shown = Number(/共 (\d+) 条/.exec(await count.innerText())![1]);
    expect(shown).toBe(api.data!.orders.totalCount);
    expect(shown).toBeGreaterThan(20);
    await page.getByRole('table', { name: '订单' }).waitFor();

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '下载 CSV' }).click()]);
    const bytes = await readFile((await download.path())!);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = bytes.subarray(3).toString('utf8').split(/\r?\n/).filter((line) => line !== '');
    expect(lines[0]!.split(',').slice(0, 3)).toEqual(['订单编号', '配送日期', '社区代码']);
    expect(lines.length - 1).toBe(shown);
    await expectAccessible(page);
    await screenshot(page, 'desk-zh-CN-exports');
  });

  test('an export the platform refuses is said in words', async () => {
    const { page } = await bed.newPage();
    await signInAs(page, analyst.label['zh-CN']);
    await page.goto('/exports?list=orderStatsSeries&from=2020-01-01&to=2026-12-01');
    await page.getByRole('button', { name: '下载 CSV' }).click();
    await expect.poll(() => page.getByRole('alert').allInnerTexts()).toEqual(expect.arrayContaining([expect.stringMatching(/导出失败: 输入有误[\s\S]*366/)]));
  });
});
