/** The exports page. */
export const exports = {
  title: '数据导出',
};
