/** An owners' committee's page (OWNER_COMMITTEE): its group buys, joins, the pickup list. */
export const groupBuys = {
  title: '团购',
};
