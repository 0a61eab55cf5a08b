/**
 * What a participation takes, item by item: each line names its item by id (`lines { quantity unitPrice item { id } }`,
 * served within the query cost limit on a full pickup list), and the item's name and unit come from the group buy's
 * items, which the same answer carries. Items at the same unit price stay apart.
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
  item: { id: string };
}

/** A line with its item; null only when the item is not among the group buy's items as asked (the line then says its price). */
export interface NamedLine {
  quantity: number;
  unitPrice: string;
  item: OfferedItem | null;
}

export function nameLines(lines: readonly TakenLine[], items: readonly OfferedItem[]): NamedLine[] {
  return lines.map((line) => ({ quantity: line.quantity, unitPrice: line.unitPrice, item: items.find((item) => item.id === line.item.id) ?? null }));
}

/** Units per item, in the order the group buy offers its items (lines of an item not found last, by price). */
export function totalsOf(lines: readonly NamedLine[], items: readonly OfferedItem[]): NamedLine[] {
  const totals = new Map<string, NamedLine>();
  for (const line of lines) {
    const key = line.item ? line.item.id : `price:${line.unitPrice}`;
    const total = totals.get(key) ?? { item: line.item, unitPrice: line.unitPrice, quantity: 0 };
    total.quantity += line.quantity;
    totals.set(key, total);
  }
  const order = (line: NamedLine) => (line.item ? items.indexOf(line.item) : items.length);
  return [...totals.values()].sort((a, b) => order(a) - order(b));
}
