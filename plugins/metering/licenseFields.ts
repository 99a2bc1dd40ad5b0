import type { Field, FieldAccess } from 'payload'

import { rolesField, systemField } from '../../collections/access/fieldAccess'
import { userHasRole } from '../../collections/access/hasRole'
import { customerCollectionSlug } from '../../collections/access/roles'

const onUsage = (data: Record<string, unknown> | undefined) => data?.type === 'on-usage'

/** Written by metering only (overrideAccess); support reads them. */
const meteringBookkeeping = {
  read: rolesField('support'),
  create: systemField,
  update: systemField,
}

/**
 * The base of the default low-credit level: the owning customer reads it too, so the portal tells
 * them their credit is low exactly when metering does (read access keeps them to their licenses).
 */
const readCreditBase: FieldAccess = ({ req }) =>
  userHasRole(req.user, ['support']) || req.user?.collection === customerCollectionSlug
const creditBase = { ...meteringBookkeeping, read: readCreditBase }

/**
 * What metering keeps on an on-usage license: the alert level staff may set, and the
 * bookkeeping that makes each credit alert go once per top-up. A top-up is seen by metering
 * itself (credits above what its last use left), so credits added any way re-arm the alerts.
 */
export const meteringLicenseFields: Field[] = [
  {
    type: 'collapsible',
    label: 'Metering',
    admin: { condition: onUsage },
    fields: [
      {
        name: 'lowCreditThreshold',
        type: 'number',
        min: 0,
        admin: {
          description:
            'Below this many credits the customer and staff are mailed once. Empty: 10 % of the credits after the last top-up.',
        },
      },
      {
        type: 'row',
        fields: [
          {
            name: 'creditsAtTopUp',
            type: 'number',
            admin: { readOnly: true, description: 'Credits after the last top-up.' },
            access: creditBase,
          },
          {
            name: 'creditsAfterLastUse',
            type: 'number',
            admin: { readOnly: true, description: 'Credits the last metered use left.' },
            access: meteringBookkeeping,
          },
        ],
      },
      {
        type: 'row',
        fields: [
          {
            name: 'creditLowAlertedAt',
            type: 'date',
            admin: { readOnly: true, date: { pickerAppearance: 'dayAndTime' } },
            access: meteringBookkeeping,
          },
          {
            name: 'creditExhaustedAlertedAt',
            type: 'date',
            admin: { readOnly: true, date: { pickerAppearance: 'dayAndTime' } },
            access: meteringBookkeeping,
          },
        ],
      },
      {
        name: 'usage',
        type: 'ui',
        admin: { components: { Field: '/plugins/metering/components/LicenseUsage#LicenseUsage' } },
      },
    ],
  },
]
