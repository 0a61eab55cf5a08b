// Policy work: H市's epidemic command publishes a subsidy policy for a street through the form, sees in the preview how
// the price of Q社区's package of that category changes on that date, confirms, finds the community's prices changed
// (GraphQL, within the 5 s the platform promises), revokes it and finds it revoked and the prices back.
import { DEMO_ACTORS } from '@cgov/shared';
import { expect, test } from 'vitest';
import { describeInBrowser, expectAccessible, screenshot, signInAs, useConsoleTestbed } from '../harness.js';

const cityCommand = DEMO_ACTORS.find((actor) => actor.id === 'city-command')!;
const STREET = '420102001'; // 青山街道
const Q_COMMUNITY = '420102001001'; // Q社区

/** Tomorrow in Asia/Shanghai, the first day a policy may start. */
function shanghaiTomorrow(): string {
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
  const [y, m, d] = today.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + 1)).toISOString().slice(0, 10);
}

interface PackagePrice {
  id: string;
  name: string;
  category: string;
  listPrice: string;
  subsidy: string | null;
  residentPrice: string | null;
}

describeInBrowser('policy work (CITY_OFFICIAL)', () => {
  const bed = useConsoleTestbed();

  /** Q社区's packages for a date, as its residents' committee reads them. */
  async function qPackages(date: string): Promise<PackagePrice[]> {
    const answer = await bed
      .caller('COMMUNITY_STAFF', Q_COMMUNITY)
      .query<{ community: { packages: PackagePrice[] } }>(
        'query($id: ID!, $date: Date!) { community(id: $id) { packages(date: $date) { id name category listPrice subsidy residentPrice } } }',
        { id: Q_COMMUNITY, date },
      );
    expect(answer.errors).toBeUndefined();
    return answer.data!.community.packages;
  }

  /** A vegetable package of Q社区 for the date: the demo's, or one the committee publishes now when there is none. */
  async function vegetablePackage(date: string): Promise<PackagePrice> {
    const existing = (await qPackages(date)).find((pkg) => pkg.category === 'VEGETABLE_BASIC' && pkg.listPrice === '52.00');
    if (existing) return existing;
    const staff = bed.caller('COMMUNITY_STAFF', Q_COMMUNITY);
    const suppliers = await staff.query<{ suppliers: Array<{ id: string }> }>('query($r: ID!) { suppliers(regionId: $r) { id } }', { r: Q_COMMUNITY });
    const published = await staff.query<{ publishPackage: PackagePrice }>(
      'mutation($input: PublishPackageInput!) { publishPackage(input: $input) { id name category listPrice subsidy residentPrice } }',
      {
        input: {
          communityId: Q_COMMUNITY,
          category: 'VEGETABLE_BASIC',
          name: '蔬菜套餐（测试）',
          date,
          listPrice: '52.00',
          items: [{ name: '白菜', quantity: 3, unit: '斤' }],
          supplierId: suppliers.data!.suppliers[0]!.id,
        },
      },
    );
    expect(published.errors).toBeUndefined();
    return published.data!.publishPackage;
  }

  test('publishes a street policy with a preview of the price change, sees the community priced by it, and revokes it', async () => {
    const date = shanghaiTomorrow();
    const pkg = await vegetablePackage(date);
    expect(pkg).toMatchObject({ subsidy: '12.00', residentPrice: '40.00' }); // H市's demo policy: 12.00 up to 52.00

    const { page } = await bed.newPage();
    await signInAs(page, cityCommand.label['zh-CN']);
    await page.getByRole('navigation').getByRole('link', { name: '补贴政策' }).click();
    await page.getByRole('table', { name: '补贴政策及历史版本' }).getByText('2020-02-18 至 长期').first().waitFor();
    await expectAccessible(page);
    await screenshot(page, 'desk-zh-CN-policies');

    await page.getByRole('tab', { name: '发布政策' }).click();
    const form = page.getByRole('tabpanel', { name: '发布政策' });
    await form.getByLabel('区域').click();
    await page.keyboard.type('青山');
    // The list filters as one types and names each region by its path: one street matches, and Enter takes it.
    await expect.poll(() => page.getByRole('option').count()).toBe(1);
    await page.getByRole('option', { name: 'H市 / 东城区 / 青山街道', exact: true }).waitFor({ state: 'attached' });
    await page.keyboard.press('Enter');
    await expect.poll(() => form.textContent()).toContain('青山街道');
    await page.getByLabel('套餐类别').fill('蔬菜基本');
    await page.getByLabel('套餐类别').press('Enter');
    await expect.poll(() => form.textContent()).toContain('蔬菜基本套餐');
    await page.getByLabel('最高标价（元）').fill('52.00');
    // A bad value is refused as it is typed, in words.
    await page.getByLabel('每份补贴（元）').fill('12.345');
    await page.getByText('请输入金额，如 52.00（不能为负，最多两位小数）').waitFor();
    await page.getByLabel('每份补贴（元）').fill('60.00');
    await page.getByText('每份补贴不能高于最高标价').waitFor();
    await page.getByLabel('每份补贴（元）').fill('15.00');
    await expect.poll(() => page.getByText('每份补贴不能高于最高标价').count()).toBe(0);
    expect(await page.getByLabel('生效日期').inputValue()).toBe(date);

    await page.getByRole('button', { name: '预览变更' }).click();
    const changes = page.getByRole('table', { name: '套餐价格变化' });
    const row = changes.getByRole('row').filter({ hasText: 'Q社区' }).filter({ hasText: pkg.name }).filter({ hasText: date });
    await row.waitFor();
    expect(await row.textContent()).toContain('12.00 → 15.00');
    expect(await row.textContent()).toContain('40.00 → 37.00');
    expect(await row.textContent()).toContain('-3.00');
    const community = page.getByRole('table', { name: `受影响的社区（${date} 起）` }).getByRole('row').filter({ hasText: 'Q社区' });
    expect(await community.textContent()).toContain('+3.00');
    await expectAccessible(page);
    await screenshot(page, 'desk-zh-CN-policies-preview');

    await page.getByRole('button', { name: '确认发布' }).click();
    await page.getByText(`已发布 青山街道「蔬菜基本套餐」第 1 版，自 ${date} 起生效`).waitFor();
    // The community's price follows within 5 s.
    await expect
      .poll(async () => (await qPackages(date)).find((p) => p.id === pkg.id), { timeout: 5000, interval: 250 })
      .toMatchObject({ subsidy: '15.00', residentPrice: '37.00' });

    await page.getByRole('tab', { name: '政策与版本' }).click();
    await page.getByRole('button', { name: '撤销 青山街道「蔬菜基本套餐」第 1 版' }).click();
    const dialog = page.getByRole('dialog', { name: '撤销 青山街道「蔬菜基本套餐」第 1 版' });
    await dialog.getByRole('button', { name: '确认撤销' }).click();
    await page.getByText(/已撤销 青山街道「蔬菜基本套餐」第 1 版/).waitFor();
    const revoked = page.getByRole('table', { name: '补贴政策及历史版本' }).getByRole('row').filter({ hasText: 'H市 / 东城区 / 青山街道' });
    await expect.poll(() => revoked.textContent()).toContain('已撤销');
    await screenshot(page, 'desk-zh-CN-policies-revoked');
    const policies = await bed.caller('CITY_OFFICIAL', '4201').query<{ subsidyPolicies: Array<{ status: string; version: number }> }>(
      'query($r: ID!) { subsidyPolicies(regionId: $r) { status version } }',
      { r: STREET },
    );
    expect(policies.data?.subsidyPolicies).toEqual([{ status: 'REVOKED', version: 1 }]);
    await expect
      .poll(async () => (await qPackages(date)).find((p) => p.id === pkg.id), { timeout: 5000, interval: 250 })
      .toMatchObject({ subsidy: '12.00', residentPrice: '40.00' });

    await page.getByRole('tab', { name: '审计日志' }).click();
    await page.getByRole('table', { name: '审计日志' }).getByText('撤销政策').waitFor();
    await expectAccessible(page);
    await screenshot(page, 'desk-zh-CN-policies-audit');
  }, 180_000);

  test('allocates a district budget, which replaces the allocation', async () => {
    const { page } = await bed.newPage();
    await signInAs(page, cityCommand.label['zh-CN']);
    await page.goto('/policies?tab=budgets');
    await page.getByRole('button', { name: '为 东城区 分配预算' }).click();
    await page.getByLabel('预算金额（元）').fill('1.234');
    await page.getByText('请输入金额，如 52.00（不能为负，最多两位小数）').waitFor();
    await page.getByLabel('预算金额（元）').fill('500000');
    await page.getByRole('dialog').getByRole('button', { name: '分配预算' }).click();
    await page.getByText('东城区 的预算已设为 500000.00').waitFor();
    const row = page.getByRole('table', { name: '全市及各区补贴预算' }).getByRole('row').filter({ hasText: '东城区' });
    await expect.poll(() => row.textContent()).toContain('500000.00');
    const budget = await bed.caller('CITY_OFFICIAL', '4201').query<{ district: { subsidyBudget: { allocated: string } } }>(
      'query { district(id: "420102") { subsidyBudget { allocated } } }',
    );
    expect(budget.data?.district.subsidyBudget.allocated).toBe('500000.00');
    await expectAccessible(page);
    await screenshot(page, 'desk-zh-CN-policies-budgets');
  }, 120_000);
});
