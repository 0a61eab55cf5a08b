// The city's monthly appraisal of resident requests (CITY_OFFICIAL and ANALYST, H市): a September with known requests —
// 10 in 青山街道 (8 answered on time, 7 callbacks resolved, 9 satisfied) and 2 in 和平街道 — worked out by hand: 青山
// ranks first with 80.0% / 70.0% / 90.0% and a score of 80.0; 和平 is listed after, greyed, "不足10件，不参与排名"; the
// month defaults to last month; the charts, the city's figures and 每月一题 show the same numbers as the API.
import { fixedClock } from '@cgov/shared';
import { expect, test } from 'vitest';
import { DEMO_ACTORS } from '@cgov/shared';
import { describeInBrowser, expectAccessible, screenshot, signInAs, useConsoleTestbed } from '../harness.js';
import { fileByHotline, HEPING_STREET, moves, send, STREET_OFFICE, uniqueWords, YOUYI_COMMUNITY } from '../requests.js';

const cityCommand = DEMO_ACTORS.find((actor) => actor.id === 'city-command')!;
const analyst = DEMO_ACTORS.find((actor) => actor.id === 'city-analyst')!;
/** The platform starts (and loads its demo) in June, so that September holds only this test's requests. */
const LOADED = '2026-06-15T10:00:00+08:00';
const SEPTEMBER = '2026-09-10T09:00:00+08:00';
/** The page is opened in October: last month is September. */
const OCTOBER = '2026-10-05T10:00:00+08:00';
const HEPING = { role: 'STREET_OFFICER', scope: HEPING_STREET };

interface RankingRow {
  rank: number | null;
  unitId: string;
  unitName: string;
  dispatched: number;
  responseRate: number | null;
  resolutionRate: number | null;
  satisfactionRate: number | null;
  score: number | null;
  ranked: boolean;
}

describeInBrowser("the city's monthly requests appraisal (CITY_OFFICIAL, ANALYST)", () => {
  const clock = fixedClock(LOADED);
  const bed = useConsoleTestbed({ clock });

  test('ranks the streets by the three rates of a month with known requests, unranked ones after, greyed', async () => {
    clock.set(SEPTEMBER);
    const qingshan = [];
    for (let i = 0; i < 10; i++) qingshan.push(await fileByHotline(bed, { description: uniqueWords(`第 ${i + 1} 户没有收到蔬菜`) }));
    const heping = [];
    for (let i = 0; i < 2; i++) heping.push(await fileByHotline(bed, { communityId: YOUYI_COMMUNITY, categoryCode: 'PROPERTY', description: uniqueWords(`楼道堆物 ${i + 1}`) }));
    // 09:30: eight of 青山's and both of 和平's are accepted within the 2 hours (URGENT) or 24 hours (NORMAL).
    clock.set('2026-09-10T09:30:00+08:00');
    for (const request of qingshan.slice(0, 8)) await moves.accept(bed, STREET_OFFICE, request.id);
    for (const request of heping) await moves.accept(bed, HEPING, request.id);
    // 12:00: the last two of 青山's are accepted late; everything is replied.
    clock.set('2026-09-10T12:00:00+08:00');
    for (const request of qingshan.slice(8)) await moves.accept(bed, STREET_OFFICE, request.id);
    for (const request of qingshan) await moves.reply(bed, STREET_OFFICE, request.id, '已送到');
    for (const request of heping) await moves.reply(bed, HEPING, request.id, '已清理');
    // Callbacks: 青山 7 resolved of 10, 9 satisfied or basically satisfied; 和平 1 of 2, 1 of 2.
    const qingshanCallbacks: Array<[boolean, string]> = [
      [true, 'SATISFIED'], [true, 'SATISFIED'], [true, 'SATISFIED'], [true, 'SATISFIED'], [true, 'BASICALLY_SATISFIED'],
      [true, 'BASICALLY_SATISFIED'], [true, 'SATISFIED'], [false, 'BASICALLY_SATISFIED'], [false, 'SATISFIED'], [false, 'DISSATISFIED'],
    ];
    for (const [index, [resolved, satisfaction]] of qingshanCallbacks.entries()) await moves.callback(bed, qingshan[index]!.id, resolved, satisfaction);
    await moves.callback(bed, heping[0]!.id, true, 'SATISFIED');
    await moves.callback(bed, heping[1]!.id, false, 'DISSATISFIED');

    const api = await send<{ requestRanking: RankingRow[] }>(bed, cityCommand, 'query { requestRanking(cityId: "4201", month: "2026-09", unitKind: STREET) { rank unitId unitName dispatched responseRate resolutionRate satisfactionRate score ranked } }');
    const rows = api.requestRanking;
    expect(rows[0]).toEqual({ rank: 1, unitId: STREET_OFFICE.scope, unitName: '青山街道', dispatched: 10, responseRate: 0.8, resolutionRate: 0.7, satisfactionRate: 0.9, score: 0.8, ranked: true });
    expect(rows[1]).toEqual({ rank: null, unitId: HEPING_STREET, unitName: '和平街道', dispatched: 2, responseRate: 1, resolutionRate: 0.5, satisfactionRate: 0.5, score: 0.6, ranked: false });

    clock.set(OCTOBER);
    const { page, context } = await bed.newPage();
    await context.clock.setFixedTime(new Date(OCTOBER));
    await signInAs(page, cityCommand.label['zh-CN']);
    await page.getByRole('navigation').getByRole('link', { name: '三率考核' }).click();
    await page.getByRole('heading', { name: 'H市接诉即办考核' }).waitFor();
    // Last month by default.
    expect(await page.getByLabel('月份').inputValue()).toBe('2026-09');
    const table = page.getByRole('table', { name: '2026-09 街道三率排名' });
    const qingshanRow = table.getByRole('row').filter({ hasText: '青山街道' });
    await qingshanRow.waitFor();
    await expect.poll(() => qingshanRow.innerText()).toMatch(/^1\s+青山街道\s+10\s+80\.0%\s+70\.0%\s+90\.0%\s+80\.0$/);
    expect(await table.getByRole('row').filter({ hasText: '和平街道' }).innerText()).toMatch(/^不足10件，不参与排名\s+和平街道\s+2\s+100\.0%\s+50\.0%\s+50\.0%\s+60\.0$/);
    // Every row as the API gives it, in its order: the ranked ones, then the others.
    const shown = await table.getByRole('row').allInnerTexts();
    expect(shown.slice(1).map((text) => text.split(/\s+/)[text.startsWith('不足') ? 1 : 1])).toEqual(rows.map((row) => row.unitName));
    await page.getByRole('img', { name: '2026-09 街道三率排名：各单位三率柱状图（数字见下表）' }).waitFor();

    // The city's September: 12 received, 4 reopened and still open, 8 closed; 每月一题 with last month's counts.
    const stats = page.getByRole('region', { name: '2026-09 全市诉求' });
    await stats.getByText('受理').waitFor();
    expect(await stats.innerText()).toMatch(/受理\s+12[\s\S]*未办结\s+4[\s\S]*已办结\s+8/);
    const frequent = page.getByRole('table', { name: '每月一题：高频诉求' });
    expect(await frequent.getByRole('row').filter({ hasText: '生活物资' }).innerText()).toMatch(/^生活物资\s+10\s+0\s+\+10$/);
    expect(await frequent.getByRole('row').filter({ hasText: '物业管理' }).innerText()).toMatch(/^物业管理\s+2\s+0\s+\+2$/);
    await expectAccessible(page);
    await screenshot(page, 'desk-zh-CN-requests-ranking');

    // The departments' ranking of the same month, as the API gives it.
    const departments = await send<{ requestRanking: RankingRow[] }>(bed, cityCommand, 'query { requestRanking(cityId: "4201", month: "2026-09", unitKind: DEPARTMENT) { unitName dispatched ranked } }');
    await page.getByRole('tab', { name: '委办局' }).click();
    const departmentRows = await page.getByRole('table', { name: '2026-09 委办局三率排名' }).getByRole('row').allInnerTexts();
    expect(departmentRows.slice(1).map((text) => text.split(/\s+/).find((word) => word.startsWith('市'))!)).toEqual(departments.requestRanking.map((row) => row.unitName));
  });

  test('an analyst picks another month in English; a month without requests lists every street unranked', async () => {
    clock.set(OCTOBER);
    const { page, context } = await bed.newPage({ language: 'en-US' });
    await context.clock.setFixedTime(new Date(OCTOBER));
    await signInAs(page, analyst.label['en-US']);
    await page.goto('/requests/ranking?month=2026-08');
    const table = page.getByRole('table', { name: "2026-08: the streets' ranking" });
    const api = await send<{ requestRanking: RankingRow[] }>(bed, analyst, 'query { requestRanking(cityId: "4201", month: "2026-08", unitKind: STREET) { unitName dispatched ranked } }');
    expect(api.requestRanking.every((row) => !row.ranked && row.dispatched === 0)).toBe(true);
    await table.getByRole('row').filter({ hasText: '青山街道' }).waitFor();
    expect(await table.getByRole('row').count()).toBe(api.requestRanking.length + 1);
    for (const row of await table.getByRole('row').allInnerTexts()) if (!row.startsWith('Rank')) expect(row).toMatch(/^Fewer than 10: not ranked\s+\S+\s+0\s+—\s+—\s+—\s+—$/);
    await expectAccessible(page);
  });
});
