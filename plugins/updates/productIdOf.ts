/** The id of a relationship to a product, whether Payload handed it populated or not. */
export const productIdOf = (
  product: number | { id: number } | null | undefined,
): number | undefined =>
  product === null || product === undefined
    ? undefined
    : typeof product === 'object'
      ? product.id
      : product
