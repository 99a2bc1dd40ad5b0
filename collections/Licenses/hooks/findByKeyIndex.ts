import type { CollectionBeforeOperationHook, Where } from 'payload'

import { canonicalLicenseKey } from '../../../src/lib/licenseKey'
import { licenseKeyIndex } from '../../../src/lib/licenseKeyAtRest'

type Constraint = Record<string, unknown>

/**
 * A key names one license only whole: the stored key is sealed, so a condition on `key` becomes
 * one on its index. `like` and `contains` (the admin list's search) match a whole key, pasted in
 * any form `canonicalLicenseKey` accepts; anything else matches nothing rather than a sealed value.
 */
const onIndex = (secret: string, constraint: Constraint): Constraint => {
  const indexOf = (value: unknown) =>
    typeof value === 'string' ? licenseKeyIndex(secret, canonicalLicenseKey(value) ?? value) : value
  const rewritten: Constraint = {}
  for (const [operator, value] of Object.entries(constraint)) {
    if (operator === 'equals' || operator === 'like' || operator === 'contains')
      rewritten.equals = indexOf(value)
    else if (operator === 'not_equals') rewritten.not_equals = indexOf(value)
    else if (operator === 'in' || operator === 'not_in')
      rewritten[operator] = Array.isArray(value)
        ? value.map(indexOf)
        : typeof value === 'string'
          ? value.split(',').map(indexOf)
          : value
    else rewritten[operator] = value
  }
  return rewritten
}

const rewriteWhere = (secret: string, where: Where): Where => {
  const rewritten: Where = {}
  for (const [field, condition] of Object.entries(where)) {
    if ((field === 'and' || field === 'or') && Array.isArray(condition))
      rewritten[field] = condition.map((part) =>
        part && typeof part === 'object' ? rewriteWhere(secret, part as Where) : part,
      )
    else if (field === 'key' && condition && typeof condition === 'object')
      rewritten.keyIndex = onIndex(secret, condition as Constraint)
    else rewritten[field] = condition
  }
  return rewritten
}

export const findByKeyIndex: CollectionBeforeOperationHook = ({ args, req }) => {
  const where = (args as { where?: unknown }).where
  if (!where || typeof where !== 'object' || Array.isArray(where)) return args
  return { ...args, where: rewriteWhere(req.payload.secret, where as Where) }
}
