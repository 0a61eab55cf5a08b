/**
 * What a participation takes, item by item. The platform's pickup list answers each line's quantity and unit price but
 * not, within its query cost limit, the line's item (`lines { item }` on every participation is weighed at 500 × 50 × 2
 * objects, over the 50,000 served): a line is matched to the group buy's item of its unit price, which is fixed when
 * the group buy is registered. When two items share a price the line names both.
 */
export interface OfferedItem {
  id: string;
  name: string;
  unit: string;
  unitPrice: string;
}

export interface TakenLine {
  quantity: number;
  unitPrice: string;
}

/** A line with the items it can be: one when the unit price is the group buy's only item at that price. */
export interface MatchedLine {
  quantity: number;
  unitPrice: string;
  items: OfferedItem[];
}

export function matchLines(lines: readonly TakenLine[], items: readonly OfferedItem[]): MatchedLine[] {
  return lines.map((line) => ({ ...line, items: items.filter((item) => item.unitPrice === line.unitPrice) }));
}

/** Units per item (or per group of same-priced items), in the order the group buy offers them. */
export function totalsOf(lines: readonly MatchedLine[]): MatchedLine[] {
  const totals = new Map<string, MatchedLine>();
  for (const line of lines) {
    const key = line.items.map((item) => item.id).join('|') || `price:${line.unitPrice}`;
    const total = totals.get(key) ?? { items: line.items, unitPrice: line.unitPrice, quantity: 0 };
    total.quantity += line.quantity;
    totals.set(key, total);
  }
  return [...totals.values()];
}
