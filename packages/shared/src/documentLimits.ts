import { Lexer, Source, TokenKind } from 'graphql';

/**
 * The deepest a document may nest braces, brackets and parentheses, counted together. graphql's parser
 * recurses once per level and exhausts the stack somewhere past 1,000 ("Maximum call stack size
 * exceeded"); no sensible document comes near 100 (the gateway serves 12 levels of fields, and
 * introspection's type references nest about 20 deep).
 */
export const MAX_NESTING = 100;

/**
 * How deep a GraphQL document nests `{`, `[` and `(` within its first `maxTokens` tokens, read token by token
 * without recursion; stops counting past `limit`. graphql's parser refuses a document past `maxTokens` before
 * it reads further, so what lies beyond is never lexed here either (a 2 MB document costs no more than a short
 * one). Text the lexer cannot read counts as 0: the parser will say what is wrong with it.
 */
export function nestingDepth(document: string, limit = MAX_NESTING, maxTokens = Number.POSITIVE_INFINITY): number {
  const lexer = new Lexer(new Source(document));
  let depth = 0;
  let deepest = 0;
  let tokens = 0;
  try {
    for (let token = lexer.advance(); token.kind !== TokenKind.EOF && tokens < maxTokens; token = lexer.advance(), tokens += 1) {
      if (token.kind === TokenKind.BRACE_L || token.kind === TokenKind.BRACKET_L || token.kind === TokenKind.PAREN_L) {
        depth += 1;
        if (depth > deepest) deepest = depth;
        if (deepest > limit) return deepest;
      } else if (token.kind === TokenKind.BRACE_R || token.kind === TokenKind.BRACKET_R || token.kind === TokenKind.PAREN_R) {
        depth -= 1;
      }
    }
  } catch {
    return 0;
  }
  return deepest;
}

/** Why a document is refused before parsing (too deeply nested), or null when it may be parsed. */
export function nestingRefusal(document: unknown, limit = MAX_NESTING, maxTokens = Number.POSITIVE_INFINITY): string | null {
  if (typeof document !== 'string') return null;
  const depth = nestingDepth(document, limit, maxTokens);
  return depth > limit
    ? `The document nests braces, brackets or parentheses more than ${limit} deep; at most ${limit} are read. Send a less nested document.`
    : null;
}
