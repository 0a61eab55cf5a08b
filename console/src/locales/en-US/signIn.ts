import type { Messages } from '../types.js';
import type { signIn as zh } from '../zh-CN/signIn.js';

/** The sign-in page. */
export const signIn: Messages<typeof zh> = {
  title: 'Sign in',
  demoActors: 'Demo actors (development)',
  demoActorsHint: 'Click an actor to sign in; the gateway mints the token, kept for this tab only.',
  signInAs: 'Sign in as this actor',
  pasteToken: 'Paste a token',
  tokenLabel: 'Access token (JWT)',
  tokenPlaceholder: 'eyJhbGciOiJIUzI1NiIs…',
  submit: 'Sign in',
  invalidToken: 'Not a valid token: it needs role, scope and an exp still ahead',
  expiredToken: 'The token has expired',
  noDemo: 'Production offers no demo actors: paste a token to sign in.',
  mintFailed: 'Could not mint a token: {{message}}',
};
