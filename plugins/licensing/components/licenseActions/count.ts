/** A whole, non-negative count from what was typed; 0 for nothing or nonsense. */
export const countOf = (text: string): number => Math.max(0, Math.floor(Number(text) || 0))
