/** Prices of a model per 1000 tokens, in one currency (the config says which; we report the number). */
export interface TokenPrices {
  /** Price per 1000 prompt (input) tokens. */
  inputPer1k: number;
  /** Price per 1000 completion (output) tokens. */
  outputPer1k: number;
}

/** Estimated cost of one call: tokens / 1000 × price per 1000, input and output summed. 0 without prices or tokens. */
export function estimateCost(
  usage: { tokensIn?: number | undefined; tokensOut?: number | undefined },
  prices: TokenPrices | undefined,
): number {
  if (!prices) return 0;
  return (
    ((usage.tokensIn ?? 0) / 1000) * prices.inputPer1k + ((usage.tokensOut ?? 0) / 1000) * prices.outputPer1k
  );
}
