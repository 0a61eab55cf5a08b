// Documents that ask one request to cost a thousand: the query limits must refuse them (limits.test.ts, auth.e2e.test.ts).

/**
 * The issue's attack: 10 aliases at each of three fragment levels over a compound's buildings and their
 * households, 30 aliases as written and 1,110 once expanded: 1,000 copies of a compound's households.
 */
export function thousandCopiesDocument(): string {
  const ten = (body: (i: number) => string) => Array.from({ length: 10 }, (_, i) => body(i + 1)).join(' ');
  return [
    'query Copies($c: ID!) { compound(id: $c) { ...F1 } }',
    `fragment F1 on Compound { ${ten((i) => `a${i}: buildings { ...F2 }`)} }`,
    `fragment F2 on Building { ${ten((i) => `b${i}: compound { ...F3 }`)} }`,
    `fragment F3 on Compound { ${ten((i) => `c${i}: buildings { households { id room } }`)} }`,
  ].join('\n');
}

/** The whole city's households in one request, without a single alias or fragment. */
export const EVERY_HOUSEHOLD = '{ cities { districts { streets { communities { compounds { buildings { households { id room orders { id } } } } } } } } }';

/** Ten spreads of a fragment at each of five levels, no alias at all: 100,000 fields once expanded. */
export function fragmentFanOut(): string {
  const spreads = (name: string) => Array.from({ length: 10 }, () => `...${name}`).join(' ');
  return [
    `{ cities { ${spreads('L1')} } }`,
    `fragment L1 on City { districts { ${spreads('L2')} } }`,
    `fragment L2 on District { streets { ${spreads('L3')} } }`,
    `fragment L3 on Street { communities { ${spreads('L4')} } }`,
    `fragment L4 on Community { compounds { ${spreads('L5')} } }`,
    'fragment L5 on Compound { id name }',
  ].join('\n');
}

/**
 * The review's query: a household's whole order history, each order's package's ratings, and each rating
 * household's whole history again. Scored 8,841 while every list counted 20; millions of orders on a city with a year of data.
 */
export function orderHistoriesDocument(householdId: string): string {
  return `{ household(id: "${householdId}") { orders { package { ratings { household { orders { id quantity payable status } } } } } } }`;
}
