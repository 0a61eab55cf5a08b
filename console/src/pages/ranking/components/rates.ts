/** A rate of the contract (a decimal 0–1, four places) as a percentage with one place, "83.3%"; "—" when null (nothing to divide by). */
export function formatRate(rate: number | null | undefined, language: string): string {
  if (rate === null || rate === undefined) return '—';
  return new Intl.NumberFormat(language, { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(rate);
}

/** A score (0.2 × response + 0.4 × resolution + 0.4 × satisfaction, 0–1) as points out of 100 with one place, "86.7"; "—" when null. */
export function formatScore(score: number | null | undefined): string {
  if (score === null || score === undefined) return '—';
  return (Math.round(score * 1000) / 10).toFixed(1);
}

/** The month before the one of `now`, in Asia/Shanghai, "YYYY-MM". */
export function lastMonth(now: Date = new Date()): string {
  const [year, month] = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit' }).format(now).split('-').map(Number) as [number, number];
  return month === 1 ? `${year - 1}-12` : `${year}-${String(month - 1).padStart(2, '0')}`;
}
