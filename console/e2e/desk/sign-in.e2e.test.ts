// Signing in: a newcomer at / is sent to sign in, picks a demo actor with one click (or pastes a token), and the
// console says who they are and shows only the pages their role may open, in zh-CN or English.
import { DEMO_ACTORS } from '@cgov/shared';
import { SignJWT } from 'jose';
import { expect, test } from 'vitest';
import { describeInBrowser, expectAccessible, screenshot, signInAs, useConsoleTestbed } from '../harness.js';

const cityCommand = DEMO_ACTORS.find((actor) => actor.id === 'city-command')!;
const streetOffice = DEMO_ACTORS.find((actor) => actor.role === 'STREET_OFFICER')!;
const resident = DEMO_ACTORS.find((actor) => actor.role === 'RESIDENT')!;

describeInBrowser('signing in', () => {
  const bed = useConsoleTestbed();

  test('a newcomer at / is sent to sign in, where every demo actor is one click away', async () => {
    const { page } = await bed.newPage();
    await page.goto('/');
    await page.waitForURL(/\/sign-in/);
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toContain('登录');
    for (const actor of DEMO_ACTORS) await page.getByRole('button', { name: actor.label['zh-CN'] }).waitFor();
    await expectAccessible(page);
    await screenshot(page, 'desk-zh-CN-sign-in');
  });

  test("the city's epidemic command signs in with one click and sees its role, its city and its pages", async () => {
    const { page } = await bed.newPage();
    await signInAs(page, cityCommand.label['zh-CN']);
    expect(new URL(page.url()).pathname).toMatch(/^\/dashboard/);
    const badge = page.getByLabel('当前身份');
    await expect.poll(() => badge.textContent()).toContain('市级干部');
    await expect.poll(() => badge.textContent()).toContain('H市');
    const menu = page.getByRole('navigation');
    for (const name of ['数据看板', '补贴政策', '数据导出', 'GraphQL 查询']) await menu.getByRole('link', { name }).waitFor();
  });

  test('a street officer is not offered the policy work, and a resident is offered neither dashboard nor exports', async () => {
    const street = await bed.newPage();
    await signInAs(street.page, streetOffice.label['zh-CN']);
    const streetMenu = street.page.getByRole('navigation');
    await streetMenu.getByRole('link', { name: '数据看板' }).waitFor();
    expect(await streetMenu.getByRole('link', { name: '补贴政策' }).count()).toBe(0);
    await street.page.goto('/policies');
    await street.page.getByText('你的角色不能使用此页面').waitFor();

    const household = await bed.newPage();
    await signInAs(household.page, resident.label['zh-CN']);
    expect(new URL(household.page.url()).pathname).toBe('/household');
    const menu = household.page.getByRole('navigation');
    await menu.getByRole('link', { name: '我家' }).waitFor();
    await menu.getByRole('link', { name: 'GraphQL 查询' }).waitFor();
    expect(await menu.getByRole('link', { name: '数据看板' }).count()).toBe(0);
    expect(await menu.getByRole('link', { name: '数据导出' }).count()).toBe(0);
    await expectAccessible(household.page);
  });

  test('English is one click away, and the choice is kept', async () => {
    const { page } = await bed.newPage();
    await page.goto('/sign-in');
    await page.getByRole('button', { name: 'Switch to English' }).click();
    await page.getByRole('button', { name: cityCommand.label['en-US'] }).click();
    await page.waitForURL(/\/dashboard/);
    await page.getByRole('navigation').getByRole('link', { name: 'Dashboard' }).waitFor();
    await expect.poll(() => page.getByRole('group', { name: 'Signed in as' }).textContent()).toContain('City official');
    expect(await page.title(), 'the tab title follows the language').toBe('Community Governance Platform');
    await page.reload();
    await page.getByRole('navigation').getByRole('link', { name: 'Subsidy policies' }).waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en-US');
    expect(await page.title()).toBe('Community Governance Platform');
  });

  test('a pasted token signs in; something that is not a token is refused in words', async () => {
    const { page } = await bed.newPage();
    await page.goto('/sign-in');
    const field = page.getByLabel('访问令牌（JWT）');
    await field.fill('not a token');
    await page.getByRole('button', { name: '登录', exact: true }).click();
    await page.getByText('这不是有效的令牌').first().waitFor();
    const token = await bed.tokenFor('ANALYST', '4201');
    await field.fill(token);
    await page.getByRole('button', { name: '登录', exact: true }).click();
    await page.waitForURL(/\/dashboard/);
    await expect.poll(() => page.getByLabel('当前身份').textContent()).toContain('数据分析员');
  });

  test('a token the platform refuses ends the session and, signed in again, the user is back where they were', async () => {
    const { page } = await bed.newPage();
    const forged = await new SignJWT({ role: 'CITY_OFFICIAL', scope: '4201' })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject('someone')
      .setExpirationTime('1h')
      .sign(new TextEncoder().encode('not-the-platform-secret-not-the-platform-secret'));
    await page.addInitScript((token) => {
      if (!sessionStorage.getItem('cgov.seeded')) {
        sessionStorage.setItem('cgov.seeded', '1');
        sessionStorage.setItem('cgov.token', token);
      }
    }, forged);
    await page.goto('/exports');
    await page.waitForURL(/\/sign-in\?from=%2Fexports/);
    await page.getByRole('button', { name: cityCommand.label['zh-CN'] }).click();
    await page.waitForURL(/\/exports$/);
  });
});
