// The 12345 hotline's desk (HOTLINE_OPERATOR, H市): the operator files a caller's request from the form (community
// picked by name, category from the catalogue, caller's name and phone); it reaches 青山街道 at once. A request the
// street returns waits in "退回待派" with the street's reason and is re-dispatched to exactly one unit (a street, or a
// department); the search lists the city's requests page by page, and a replied request's details (history, summons,
// reply) take the callback that closes it. Every step is checked against the API.
import { fixedClock } from '@cgov/shared';
import { expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { describeInBrowser, expectAccessible, screenshot, signInAs, useConsoleTestbed } from '../harness.js';
import { fileByHotline, HEPING_STREET, HOTLINE, moves, readRequest, send, STREET_OFFICE, uniqueWords, WATER_DEPARTMENT } from '../requests.js';

const START = '2026-11-20T09:00:00+08:00';

describeInBrowser("the 12345 hotline's desk (HOTLINE_OPERATOR)", () => {
  const clock = fixedClock(START);
  const bed = useConsoleTestbed({ clock });

  /** The hotline's page, on a desk, its clock the platform's. */
  async function hotlinePage() {
    const testPage = await bed.newPage();
    await testPage.context.clock.setFixedTime(new Date(START));
    await signInAs(testPage.page, HOTLINE.label['zh-CN']);
    return testPage;
  }

  /** The search tab, listing the city's replied requests. */
  async function searchReplied(page: Page) {
    await page.getByRole('tab', { name: '查询与回访' }).click();
    const search = page.getByRole('form', { name: '查询诉求' });
    await search.getByLabel('状态').click();
    await page.keyboard.type('已答复');
    await page.keyboard.press('Enter');
    await search.getByRole('button', { name: '查询' }).click();
  }

  /** Opens the details of Q社区's property request with these words from the list. */
  async function openFromList(page: Page, words: string) {
    const row = page.getByRole('table', { name: '诉求列表' }).getByRole('row').filter({ hasText: words });
    await row.getByRole('button', { name: '查看诉求详情：物业管理 · Q社区' }).click();
    return page.getByRole('dialog', { name: '物业管理 · Q社区' });
  }

  test('files a caller’s request from the form: it reaches the street of the community at once, filed once', async () => {
    const { page } = await hotlinePage();
    // The hotline lands on its desk.
    await page.waitForURL('**/requests');
    await page.getByRole('heading', { name: '12345 接诉即办' }).waitFor();
    await page.getByLabel('所在社区').click();
    await page.keyboard.type('Q社区');
    await page.keyboard.press('Enter');
    await page.getByLabel('诉求类别').click();
    await page.keyboard.type('生活物资');
    await page.keyboard.press('Enter');
    const words = uniqueWords('独居老人家里断粮两天，请尽快送菜');
    await page.getByLabel('诉求内容').fill(words);
    await page.getByLabel('来电人姓名（可不填）').fill('李大爷');
    // A phone the platform would refuse is said at once, as it is typed.
    await page.getByLabel('来电人电话（可不填）').fill('139 0000 1234');
    await page.getByText('电话号码只能有数字和 -，可以 + 开头，5 到 20 位').waitFor();
    await page.getByLabel('来电人电话（可不填）').fill('13900001234');
    await expectAccessible(page);
    await screenshot(page, 'desk-zh-CN-requests-hotline-file');
    await page.getByRole('button', { name: '登记并派单' }).click();
    await page.getByRole('status').getByText('已登记，已派给青山街道。').waitFor();

    const found = await send<{ requests: { totalCount: number; edges: Array<{ node: { id: string; description: string; channel: string; callerName: string; callerPhone: string; street: { id: string } } }> } }>(
      bed,
      HOTLINE,
      'query { requests(filter: { streetId: "420102001", status: DISPATCHED }, first: 50) { totalCount edges { node { id description channel callerName callerPhone street { id } } } } }',
    );
    const mine = found.requests.edges.filter(({ node }) => node.description === words);
    expect(mine, 'filed once').toHaveLength(1);
    expect(mine[0]!.node).toMatchObject({ channel: 'HOTLINE', callerName: '李大爷', callerPhone: '13900001234', street: { id: STREET_OFFICE.scope } });
    // The form is empty again, for the next caller.
    expect(await page.getByLabel('诉求内容').inputValue()).toBe('');
  });

  test('re-dispatches a returned request, with the street’s reason shown, to another street or a department', async () => {
    const toStreet = await fileByHotline(bed, { description: uniqueWords('友谊社区门口的垃圾三天没清运') });
    const toDepartment = await fileByHotline(bed, { description: uniqueWords('整栋楼停水一天了') });
    await moves.giveBack(bed, STREET_OFFICE, toStreet.id, '垃圾点在和平街道友谊社区，不属于青山街道');
    await moves.giveBack(bed, STREET_OFFICE, toDepartment.id, '停水应由市供水集团处理');

    const { page } = await hotlinePage();
    await page.getByRole('tab', { name: '退回待派' }).click();
    const first = page.getByRole('region').filter({ hasText: '友谊社区门口的垃圾三天没清运' });
    await first.getByText('退回理由：垃圾点在和平街道友谊社区，不属于青山街道').waitFor();
    await expectAccessible(page);
    await screenshot(page, 'desk-zh-CN-requests-hotline-returned');
    await first.getByRole('combobox').click();
    await page.keyboard.type('和平');
    await page.keyboard.press('Enter');
    await first.getByRole('button', { name: '重新派单' }).click();
    await expect.poll(async () => (await readRequest(bed, toStreet.id)).street?.id).toBe(HEPING_STREET);
    expect(await readRequest(bed, toStreet.id)).toMatchObject({ status: 'DISPATCHED', department: null, returnCount: 1 });

    const second = page.getByRole('region').filter({ hasText: '整栋楼停水一天了' });
    // Ant Design's radio buttons hide the input itself under the label a person clicks.
    await second.getByRole('radiogroup').getByText('部门', { exact: true }).click();
    await second.getByRole('combobox').click();
    await page.keyboard.type('供水');
    await page.keyboard.press('Enter');
    await second.getByRole('button', { name: '重新派单' }).click();
    await expect.poll(async () => (await readRequest(bed, toDepartment.id)).department?.id).toBe(WATER_DEPARTMENT.scope);
    expect(await readRequest(bed, toDepartment.id)).toMatchObject({ status: 'DISPATCHED', street: null });
    await page.getByRole('status').getByText('已重新派出 2 件诉求。').waitFor();
    await expect.poll(() => page.getByRole('region').filter({ hasText: '整栋楼停水一天了' }).count()).toBe(0);
  });

  test('finds a replied request in the search, reads its history and summons, and records the callback that closes it', async () => {
    const words = uniqueWords('小区门禁坏了，外卖和蔬菜都进不来');
    const filed = await fileByHotline(bed, { description: words, categoryCode: 'PROPERTY', callerName: '赵女士' });
    await moves.accept(bed, STREET_OFFICE, filed.id);
    await moves.whistle(bed, filed.id, [WATER_DEPARTMENT.scope], '门禁电源与供水泵房同一线路，请派人');
    await moves.report(bed, WATER_DEPARTMENT, filed.id, '已到场');
    await moves.reply(bed, STREET_OFFICE, filed.id, '门禁已修好，物业已道歉');

    const { page } = await hotlinePage();
    await searchReplied(page);
    const api = await send<{ requests: { totalCount: number } }>(bed, HOTLINE, 'query { requests(filter: { regionId: "4201", status: REPLIED }, first: 1) { totalCount } }');
    await page.getByText(`共 ${api.requests.totalCount} 件 · 第 1 页`).waitFor();
    const drawer = await openFromList(page, words);
    await drawer.getByText('赵女士').waitFor();
    await drawer.getByText('门禁已修好，物业已道歉').first().waitFor();
    await drawer.getByRole('region', { name: '吹哨报到' }).getByText(/^市供水集团：已于 .* 报到$/).waitFor();
    await drawer.getByRole('region', { name: '办理经过' }).getByText('whistle: 门禁电源与供水泵房同一线路，请派人').waitFor();
    // Who did each step, by role and scope: the street accepted and replied, the department reported.
    await drawer.getByRole('region', { name: '办理经过' }).getByText('街道干部 420102001').first().waitFor();
    await drawer.getByRole('region', { name: '办理经过' }).getByText(`委办局工作人员 ${WATER_DEPARTMENT.scope}`).waitFor();
    await drawer.getByRole('radiogroup', { name: '问题解决了吗' }).getByText('已解决', { exact: true }).click();
    await drawer.getByRole('radiogroup', { name: '满意程度' }).getByText('基本满意', { exact: true }).click();
    await drawer.getByLabel('回访记录（可不填）').fill('居民说门禁好了');
    await expectAccessible(page);
    await screenshot(page, 'desk-zh-CN-requests-hotline-callback');
    await drawer.getByRole('button', { name: '记录回访' }).click();
    await expect.poll(async () => (await readRequest(bed, filed.id)).status).toBe('CLOSED');
    expect((await readRequest(bed, filed.id)).callback).toEqual({ resolved: true, satisfaction: 'BASICALLY_SATISFIED' });
    await drawer.getByText('已办结').first().waitFor();
  });

  test('records a callback that says not resolved and closes the request unresolved when the hotline says so', async () => {
    const words = uniqueWords('楼道灯坏了，物业说不归他们管');
    const filed = await fileByHotline(bed, { description: words, categoryCode: 'PROPERTY', callerName: '钱先生' });
    await moves.accept(bed, STREET_OFFICE, filed.id);
    await moves.reply(bed, STREET_OFFICE, filed.id, '已协调物业');

    const { page } = await hotlinePage();
    await searchReplied(page);
    const drawer = await openFromList(page, words);
    await drawer.getByText('钱先生').waitFor();
    // What next is asked only when not resolved, and sends it back to the unit unless the hotline says otherwise.
    expect(await drawer.getByRole('radiogroup', { name: '接下来' }).count()).toBe(0);
    await drawer.getByRole('radiogroup', { name: '问题解决了吗' }).getByText('未解决', { exact: true }).click();
    const next = drawer.getByRole('radiogroup', { name: '接下来' });
    expect(await next.getByRole('radio', { name: '退回重新办理' }).isChecked()).toBe(true);
    await next.getByText('按未解决办结', { exact: true }).click();
    await drawer.getByRole('radiogroup', { name: '满意程度' }).getByText('不满意', { exact: true }).click();
    await drawer.getByLabel('回访记录（可不填）').fill('居民说已自行找人修好，不用再办');
    await expectAccessible(page);
    await drawer.getByRole('button', { name: '记录回访' }).click();
    await drawer.getByRole('status').getByText('已记录回访：未解决，诉求按未解决办结。').waitFor();
    const closed = await readRequest(bed, filed.id);
    expect(closed.status).toBe('CLOSED');
    expect(closed.callback).toEqual({ resolved: false, satisfaction: 'DISSATISFIED' });
  });
});
