import { InputRefused } from './refusal'

// Payload's default page size, used to bound the offset when no limit is given.
const defaultLimit = 10

/**
 * Refuses (400 INVALID_QUERY) a page or limit that is not a whole number the database can take as
 * an offset.
 */
export const checkPagination = ({ page, limit }: { page?: unknown; limit?: unknown }): void => {
  if (page !== undefined && !(Number.isSafeInteger(page) && (page as number) >= 1)) {
    throw new InputRefused('INVALID_QUERY', 'page: a whole number from 1')
  }
  if (limit !== undefined && !(Number.isSafeInteger(limit) && (limit as number) >= 0)) {
    throw new InputRefused('INVALID_QUERY', 'limit: a whole number from 0 (0: no limit)')
  }
  const offset =
    (((page as number | undefined) ?? 1) - 1) * ((limit as number | undefined) || defaultLimit)
  if (!Number.isSafeInteger(offset))
    throw new InputRefused('INVALID_QUERY', 'page: past the last page any collection can have')
}
