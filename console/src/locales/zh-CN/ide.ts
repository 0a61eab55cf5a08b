/** The ide page. */
export const ide = {
  title: 'GraphQL 查询',
};
