// The decision codes of the client protocol: apps in the field switch on them, so they only grow.

/** Why a license can or cannot be used right now, before any installation is looked at. */
export const usabilityCodes = [
  'VALID',
  'PRODUCT_MISMATCH',
  'LINE_MISMATCH',
  'SUSPENDED',
  'NOT_STARTED',
  'EXPIRED',
  'NO_CREDIT',
] as const
export type UsabilityCode = (typeof usabilityCodes)[number]

/** `POST /api/v1/licenses/validate` (`validation+jws`). */
export const validationCodes = [...usabilityCodes, 'NOT_FOUND', 'NO_ACTIVATION'] as const
export type ValidationCode = (typeof validationCodes)[number]

/** `POST /api/v1/licenses/activate` and `POST /api/v1/app/license` (`activation+jws`). */
export const activationCodes = [
  'ACTIVATED',
  'ALREADY_ACTIVE',
  'TOO_MANY_CLIENTS',
  'NOT_FOUND',
  ...usabilityCodes.filter((code): code is Exclude<UsabilityCode, 'VALID'> => code !== 'VALID'),
] as const
export type ActivationCode = (typeof activationCodes)[number]

/** `POST /api/v1/usage` and each result of `/api/v1/usage/batch` (`usage+jws`). */
export const usageCodes = [
  'RECORDED',
  'NO_CREDIT',
  'NOT_METERED',
  'NOT_FOUND',
  'EXPIRED',
  'SUSPENDED',
  'NOT_STARTED',
  'NO_ACTIVATION',
] as const
export type UsageCode = (typeof usageCodes)[number]
