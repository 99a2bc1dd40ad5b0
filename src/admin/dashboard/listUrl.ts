import type { CollectionSlug, Where } from 'payload'

/** Flattens a query into the bracket notation Payload's list view reads (`where[status][equals]=…`). */
const bracketParams = (value: unknown, prefix: string, params: URLSearchParams): void => {
  if (Array.isArray(value)) {
    value.forEach((item, index) => bracketParams(item, `${prefix}[${index}]`, params))
  } else if (value !== null && typeof value === 'object') {
    for (const [key, item] of Object.entries(value))
      bracketParams(item, `${prefix}[${key}]`, params)
  } else if (value !== undefined) {
    params.append(prefix, String(value))
  }
}

/** The admin list view of `collection` filtered by `where`. */
export const listUrl = (adminRoute: string, collection: CollectionSlug, where: Where): string => {
  const params = new URLSearchParams()
  bracketParams(where, 'where', params)
  return `${adminRoute}/collections/${collection}?${params.toString()}`
}

/** The admin edit view of one document. */
export const editUrl = (
  adminRoute: string,
  collection: CollectionSlug,
  id: number | string,
): string => `${adminRoute}/collections/${collection}/${encodeURIComponent(String(id))}`
