/** A resident's page (RESIDENT): tomorrow's packages, its orders, ratings, its compound's group buys. */
export const household = {
  title: '我家',
};
