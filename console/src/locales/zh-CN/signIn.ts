/** The sign-in page. */
export const signIn = {
  title: '登录',
  demoActors: '演示身份（开发环境）',
  demoActorsHint: '点击一个身份即可登录，令牌由网关签发，仅在本标签页有效。',
  signInAs: '以此身份登录',
  pasteToken: '粘贴令牌',
  tokenLabel: '访问令牌（JWT）',
  tokenPlaceholder: 'eyJhbGciOiJIUzI1NiIs…',
  submit: '登录',
  invalidToken: '这不是有效的令牌：需要包含 role、scope 和未过期的 exp',
  expiredToken: '令牌已过期',
  noDemo: '生产环境不提供演示身份，请粘贴令牌登录。',
  mintFailed: '无法签发令牌：{{message}}',
};
