import { defaultLowCreditLevel } from '../../lib/lowCreditLevel'
import type { StaffReader } from './staffReader'

type CreditFigures = {
  credits?: number | null
  lowCreditThreshold?: number | null
  creditsAtTopUp?: number | null
}

/**
 * Low: below the license's own threshold, or (none set) below a tenth of the credits after its
 * last top-up, as metering alerts. None left is low too.
 */
export const isLowOnCredit = ({
  credits,
  lowCreditThreshold,
  creditsAtTopUp,
}: CreditFigures): boolean => {
  const left = credits ?? 0
  if (left <= 0) return true
  const level =
    lowCreditThreshold === null || lowCreditThreshold === undefined
      ? defaultLowCreditLevel(creditsAtTopUp ?? 0)
      : lowCreditThreshold
  return left < level
}

const creditFields = ['credits', 'lowCreditThreshold', 'creditsAtTopUp'] as const

/**
 * The active on-usage licenses low on or out of credit, by id; null when the staff member may
 * not read licenses or their metering figures.
 */
export const lowCreditLicenseIds = async (reader: StaffReader): Promise<number[] | null> => {
  if (!creditFields.every((field) => reader.canReadField('licenses', field))) return null
  const { docs } = await reader.payload.find({
    collection: 'licenses',
    where: { and: [{ type: { equals: 'on-usage' } }, { status: { equals: 'active' } }] },
    select: { credits: true, lowCreditThreshold: true, creditsAtTopUp: true },
    pagination: false,
    depth: 0,
    overrideAccess: false,
    user: reader.user,
  })
  return docs.filter(isLowOnCredit).map((license) => license.id)
}
