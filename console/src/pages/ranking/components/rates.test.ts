// The ranking's figures as the page writes them: rates as percentages, the score as points, and last month.
import { describe, expect, it } from 'vitest';
import { formatRate, formatScore, lastMonth } from './rates.js';

describe('the ranking’s figures', () => {
  it('writes a rate as a percentage with one place, a missing one as a dash', () => {
    expect(formatRate(0.8333, 'zh-CN')).toBe('83.3%');
    expect(formatRate(1, 'en-US')).toBe('100.0%');
    expect(formatRate(0, 'zh-CN')).toBe('0.0%');
    expect(formatRate(null, 'zh-CN')).toBe('—');
  });

  it('writes the score as points out of 100 with one place', () => {
    expect(formatScore(0.8)).toBe('80.0');
    expect(formatScore(0.6667)).toBe('66.7');
    expect(formatScore(null)).toBe('—');
  });

  it('takes last month in Shanghai, across a year', () => {
    expect(lastMonth(new Date('2026-10-05T02:00:00Z'))).toBe('2026-09');
    expect(lastMonth(new Date('2026-01-15T00:00:00Z'))).toBe('2025-12');
    // 1 March 00:30 in Shanghai is still February in UTC: Shanghai's month counts.
    expect(lastMonth(new Date('2026-02-28T16:30:00Z'))).toBe('2026-02');
  });
});
