import { DEMO_ACTORS } from '@cgov/shared';
import { expect, test } from 'vitest';
import { describeInBrowser, expectAccessible, screenshot, signInAs, useConsoleTestbed } from '../harness.js';

/** The people in the field, the page each lands on, that page's menu entry and its heading in zh-CN. */
const FIELD = [
  { actor: 'community-committee', path: '/community', menu: '社区工作', heading: 'Q社区居委会' },
  { actor: 'party-member-li', path: '/floors', menu: '我的楼层', heading: '我的楼层' },
  { actor: 'resident-a1-1201', path: '/household', menu: '我家', heading: '我家' },
  { actor: 'owners-committee-b', path: '/group-buys', menu: '团购', heading: 'B小区的团购' },
] as const;

describeInBrowser('the console on a phone (375×812), for the people in the field', () => {
  const bed = useConsoleTestbed();

  test.each(FIELD)('$actor lands on $path, the page fits the screen, and the menu offers it', async ({ actor, path, menu, heading }) => {
    const { page } = await bed.newPage({ viewport: 'phone' });
    await signInAs(page, DEMO_ACTORS.find((a) => a.id === actor)!.label['zh-CN']);
    // Its page, or the page's first section (/household/packages).
    await page.waitForURL((url) => url.pathname.startsWith(path));
    await page.getByRole('heading', { level: 1, name: '协同治理' }).waitFor();
    // The page itself on screen, its figures loaded, and nothing wider than the phone: no sideways scrolling.
    await page.getByRole('heading', { level: 2, name: heading }).waitFor();
    await expect.poll(() => page.getByText('加载中…').count()).toBe(0);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    await page.getByRole('group', { name: '当前身份' }).waitFor();
    // The menu folds away on a phone; its trigger opens it, and it lists the role's page.
    await page.getByRole('button', { name: '打开菜单' }).click();
    await page.getByRole('navigation').getByRole('link', { name: menu }).click();
    await page.waitForURL((url) => url.pathname.startsWith(path));
    await expect.poll(() => page.getByRole('button', { name: '打开菜单' }).getAttribute('aria-expanded')).toBe('false');
    await expectAccessible(page);
  });

  test.each(FIELD)('on a desk, $path is usable too: the side menu, the page, no sideways scrolling', async ({ actor, path, menu, heading }) => {
    const { page } = await bed.newPage({ viewport: 'desk' });
    await signInAs(page, DEMO_ACTORS.find((a) => a.id === actor)!.label['zh-CN']);
    await page.waitForURL((url) => url.pathname.startsWith(path));
    await page.getByRole('heading', { level: 2, name: heading }).waitFor();
    await expect.poll(() => page.getByText('加载中…').count()).toBe(0);
    await page.getByRole('navigation').getByRole('link', { name: menu }).waitFor();
    expect(await page.getByRole('button', { name: '打开菜单' }).count()).toBe(0);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(1440);
    await expectAccessible(page);
    await screenshot(page, `desk-zh-CN-${path.slice(1)}`);
  });

  test('the menu drawer holds the language switch and signing out', async () => {
    const { page } = await bed.newPage({ viewport: 'phone' });
    await signInAs(page, DEMO_ACTORS.find((a) => a.id === 'community-committee')!.label['zh-CN']);
    await page.getByRole('button', { name: '打开菜单' }).click();
    const drawer = page.getByRole('dialog', { name: '协同治理' });
    await drawer.getByRole('link', { name: '社区工作' }).waitFor();
    await expectAccessible(page);
    await screenshot(page, 'phone-zh-CN-menu');
    await drawer.getByRole('button', { name: 'Switch to English' }).click();
    // The drawer stays open, now in English; closed, the header's longer English words ("Residents' committee staff")
    // stay on one line within the phone.
    const english = page.getByRole('dialog', { name: 'Governance' });
    await english.getByRole('link', { name: 'Community work' }).waitFor();
    await english.getByRole('button', { name: 'Close the menu' }).click();
    const badge = page.getByRole('group', { name: 'Signed in as' });
    await badge.getByText('Q社区').waitFor();
    const box = (await badge.boundingBox())!;
    expect(box.height).toBeLessThan(32);
    expect(box.x + box.width).toBeLessThanOrEqual(375);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    await page.getByRole('button', { name: 'Open the menu' }).click();
    await english.getByRole('button', { name: 'Sign out' }).click();
    await page.waitForURL(/\/sign-in/);
  });
});
