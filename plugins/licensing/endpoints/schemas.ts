import { z } from 'zod'

import { plainText } from '../../clientApi'
import { activationRoles } from '../collections/Activations'

/** A license key as typed: long keys are refused before anything else looks at them. */
export const licenseKey = plainText().trim().min(1, 'Required').max(256, 'At most 256 characters')
export const fingerprint = plainText().trim().min(1, 'Required').max(256, 'At most 256 characters')
export const nonce = plainText().min(1).max(256, 'At most 256 characters').optional()
const shortText = plainText().trim().min(1).max(128)
/** How many users the installation has now (reported with validate and activate). */
const users = z.number({ error: 'Must be a whole number' }).int('Must be a whole number').min(0).max(1_000_000).optional()

export const validateRequest = z.object({
  key: licenseKey,
  fingerprint: fingerprint.optional(),
  product: shortText.optional(),
  line: shortText.optional(),
  users,
  nonce,
})

export const activateRequest = z.object({
  key: licenseKey,
  fingerprint,
  hostname: plainText().trim().max(255).optional(),
  role: z.enum(activationRoles).optional(),
  appVersion: plainText().trim().max(64).optional(),
  users,
  nonce,
})

export const deactivateRequest = z.object({ key: licenseKey, fingerprint, nonce })

export const appLicenseRequest = z.object({
  company: z.union([plainText().trim().min(1).max(64), z.number().int()]),
  product: shortText,
  line: shortText.optional(),
  fingerprint,
  hostname: plainText().trim().max(255).optional(),
  role: z.enum(activationRoles).optional(),
  appVersion: plainText().trim().max(64).optional(),
  nonce,
})

export const email = plainText().trim().toLowerCase().max(254).email('Not an email address')

export const trialRequest = z.object({
  email,
  product: shortText,
  line: shortText.optional(),
  fingerprint: fingerprint.optional(),
  hostname: plainText().trim().max(255).optional(),
  source: plainText().trim().max(64).optional(),
})
