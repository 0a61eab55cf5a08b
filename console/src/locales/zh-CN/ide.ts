/** The ide page. */
export const ide = {
  title: 'GraphQL 查询',
  tokenNote: '请求由控制台以你当前的登录身份发送，令牌不显示在请求头中，也不会保存；编辑器内容仅保留到关闭此标签页。',
  examples: {
    title: '示例操作',
    hint: '平台契约中的操作，已填好演示数据的变量（H市 4201、今天的日期）。点击即在新标签页中打开。',
    open: '在新标签页中打开 {{name}}',
    mutation: '会修改数据',
    files: {
      dashboard: '数据看板',
      regions: '行政区划',
      'city-policy': '补贴政策',
      'community-ops': '社区运营',
      selforg: '业主自治',
      requests: '接诉即办',
      grid: '网格与应急准备',
      council: '民生微实事',
      sharing: '共享社区',
    },
  },
};
