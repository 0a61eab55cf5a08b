// The analysts' lists a CSV export can page through, their columns (a field path under each row) and each column's
// label in the console's two languages. No column is a name or a phone number.

/** The languages of an export's header row. */
export const EXPORT_LANGUAGES = ['zh-CN', 'en-US'] as const;
export type ExportLanguage = (typeof EXPORT_LANGUAGES)[number];

export interface ExportColumn {
  /** The field path under a row (a list item, or a connection's node), e.g. `package.community.name`. */
  path: string;
  label: Record<ExportLanguage, string>;
  /** Free text people typed (titles, names of places): guarded against being read as a spreadsheet formula. */
  text?: boolean;
}

export interface ExportList {
  /** The Query field, e.g. `orders`. */
  field: string;
  /** True for a connection (`filter`, `first`, `after`, `totalCount`); false for a plain list of its arguments. */
  paged: boolean;
  columns: readonly ExportColumn[];
}

const c = (path: string, zh: string, en: string, text?: boolean): ExportColumn => ({ path, label: { 'zh-CN': zh, 'en-US': en }, ...(text ? { text } : {}) });

/** Each exportable list by the name its URL uses (`/export/<name>.csv`). */
export const EXPORT_LISTS = {
  orders: {
    field: 'orders',
    paged: true,
    columns: [
      c('id', '订单编号', 'Order ID'),
      c('package.date', '配送日期', 'Delivery date'),
      c('package.community.id', '社区代码', 'Community code'),
      c('package.community.name', '社区', 'Community', true),
      c('package.name', '套餐', 'Package', true),
      c('package.category', '套餐类别', 'Category'),
      c('quantity', '份数', 'Quantity'),
      c('subsidizedQuantity', '补贴份数', 'Subsidised units'),
      c('listPrice', '标价', 'List price'),
      c('subsidy', '每份补贴', 'Subsidy per unit'),
      c('payable', '应付金额', 'Payable'),
      c('status', '状态', 'Status'),
      c('channel', '下单渠道', 'Channel'),
      c('placedAt', '下单时间', 'Placed at'),
    ],
  },
  packages: {
    field: 'packages',
    paged: true,
    columns: [
      c('id', '套餐编号', 'Package ID'),
      c('date', '配送日期', 'Delivery date'),
      c('community.id', '社区代码', 'Community code'),
      c('community.name', '社区', 'Community', true),
      c('name', '套餐名称', 'Package', true),
      c('category', '套餐类别', 'Category'),
      c('listPrice', '标价', 'List price'),
      c('subsidy', '每份补贴', 'Subsidy per unit'),
      c('residentPrice', '居民价', 'Resident price'),
      c('supplier.name', '供应商', 'Supplier', true),
      c('orderCutoff', '截单时间', 'Order cut-off'),
      c('averageRating', '平均评分', 'Average rating'),
      c('ratingCount', '评分户数', 'Ratings'),
    ],
  },
  policies: {
    field: 'policies',
    paged: true,
    columns: [
      c('id', '政策编号', 'Policy ID'),
      c('regionId', '区划代码', 'Region code'),
      c('category', '套餐类别', 'Category'),
      c('version', '版本', 'Version'),
      c('subsidyPerUnit', '每份补贴', 'Subsidy per unit'),
      c('maxListPrice', '最高标价', 'Highest list price'),
      c('perHouseholdDailyLimit', '每户每日补贴份数', 'Subsidised units per household a day'),
      c('effectiveFrom', '生效日期', 'Effective from'),
      c('effectiveTo', '截止日期', 'Effective to'),
      c('status', '状态', 'Status'),
      c('publishedAt', '发布时间', 'Published at'),
      c('revokedAt', '撤销时间', 'Revoked at'),
    ],
  },
  groupBuys: {
    field: 'groupBuys',
    paged: true,
    columns: [
      c('id', '团购编号', 'Group buy ID'),
      c('title', '团购名称', 'Title', true),
      c('category', '类别', 'Category'),
      c('status', '状态', 'Status'),
      c('compound.community.id', '社区代码', 'Community code'),
      c('compound.community.name', '社区', 'Community', true),
      c('compound.name', '小区', 'Compound', true),
      c('minParticipants', '成团最少户数', 'Fewest households'),
      c('perHouseholdLimit', '每户限购', 'Limit per household'),
      c('participantCount', '参与户数', 'Households joined'),
      c('deadline', '截止时间', 'Deadline'),
      c('pickupAt', '取货时间', 'Pickup at'),
      c('pickupPoint', '取货地点', 'Pickup point', true),
      c('closedAt', '结束时间', 'Closed at'),
    ],
  },
  orderStatsSeries: {
    field: 'orderStatsSeries',
    paged: false,
    columns: [
      c('date', '日期', 'Date'),
      c('stats.orders', '订单数', 'Orders'),
      c('stats.households', '下单户数', 'Households'),
      c('stats.units', '份数', 'Units'),
      c('stats.listTotal', '标价总额', 'List total'),
      c('stats.subsidyTotal', '补贴总额', 'Subsidy total'),
      c('stats.payableTotal', '应付总额', 'Payable total'),
      c('stats.delivered', '已送达订单', 'Delivered'),
    ],
  },
} as const satisfies Record<string, ExportList>;

export type ExportListName = keyof typeof EXPORT_LISTS;

/** The GraphQL selection set that fetches a list's columns, e.g. `{ id package { date community { id name } } }`. */
export function selectionOf(columns: readonly ExportColumn[]): string {
  type Tree = Map<string, Tree>;
  const root: Tree = new Map();
  for (const column of columns) {
    let node = root;
    for (const part of column.path.split('.')) {
      if (!node.has(part)) node.set(part, new Map());
      node = node.get(part)!;
    }
  }
  const print = (tree: Tree): string => `{ ${[...tree].map(([name, sub]) => (sub.size ? `${name} ${print(sub)}` : name)).join(' ')} }`;
  return print(root);
}

/** A column's value in a row (empty for a null on the way). */
export function valueAt(row: unknown, path: string): unknown {
  return path.split('.').reduce<unknown>((value, key) => (value as Record<string, unknown> | null | undefined)?.[key], row) ?? '';
}
