// A cut export: under a gateway whose exports hold 50 rows, the analyst downloads the city's orders (more than 50). The
// file is kept, with 50 data rows and the gateway's closing line, and the page warns that only the first 50 of all the
// orders were exported instead of reporting success.
import { DEMO, DEMO_ACTORS } from '@cgov/shared';
import { expect, test } from 'vitest';
import { readFile } from 'node:fs/promises';
import { describeInBrowser, expectAccessible, screenshot, signInAs, useConsoleTestbed } from '../harness.js';

const analyst = DEMO_ACTORS.find((actor) => actor.id === 'city-analyst')!;

describeInBrowser('a cut export', () => {
  const bed = useConsoleTestbed({ exportRowLimit: 50 });

  test('keeps the file and warns that only the first 50 rows were exported', async () => {
    const api = await bed.caller('ANALYST', DEMO.cityId).query<{ orders: { totalCount: number } }>('query($r: ID!) { orders(filter: { regionId: $r }, first: 1) { totalCount } }', { r: DEMO.cityId });
    const total = api.data!.orders.totalCount;
    expect(total).toBeGreaterThan(50);
    const { page } = await bed.newPage();
    await signInAs(page, analyst.label['zh-CN']);
    await page.getByRole('navigation').getByRole('link', { name: '数据导出' }).click();
    await page.getByRole('table', { name: '订单' }).waitFor();

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '下载 CSV' }).click()]);
    const lines = (await readFile((await download.path())!)).subarray(3).toString('utf8').split(/\r?\n/).filter((line) => line !== '');
    expect(lines.length, 'header, 50 rows, the closing line').toBe(52);
    expect(lines.at(-1)).toMatch(/^# cut at 50 rows/);

    const warning = page.getByRole('alert').filter({ hasText: '只导出了前 50 行' });
    await expect.poll(() => warning.innerText()).toContain(`共 ${total} 行`);
    expect(await page.getByText(/^已下载/).count(), 'no success message').toBe(0);
    await expectAccessible(page);
    await screenshot(page, 'desk-zh-CN-exports-cut');
  });
});
