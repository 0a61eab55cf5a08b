/** The dashboard page. */
export const dashboard = {
  title: '数据看板',
};
