/**
 * A rough token count for planning (chunk budgets, usage when a server reports none): one token per
 * four characters, the usual rule of thumb for BPE tokenizers on Latin-script text. Norwegian runs a
 * little higher per character, so budgets built on it keep a safety margin.
 */
export function estimateTokens(text: string): number {
  return Math.ceil(text.length / 4);
}
