import type { GlobalConfig, TextFieldManyValidation } from 'payload'

import { hasRole } from '../../../collections/access/hasRole'
import { adminGroups } from '../../../collections/adminGroups'

export const alertKinds = ['renewal', 'trial', 'limit', 'credit'] as const
export type AlertKind = (typeof alertKinds)[number]

const looksLikeEmail = /^[^\s@]+@[^\s@]+\.[^\s@]+$/

const validateEmails: TextFieldManyValidation = (values) => {
  const wrong = (values ?? []).find((value) => !looksLikeEmail.test(value))
  return wrong === undefined ? true : `Not an email address: ${wrong}`
}

const recipientsField = (kind: AlertKind, label: string) => ({
  name: `${kind}Recipients`,
  label,
  type: 'text' as const,
  hasMany: true as const,
  validate: validateEmails,
  admin: { description: 'Empty: the addresses in STAFF_ALERTS_TO.' },
})

const daysField = (name: string, label: string, defaultValue: number[]) => ({
  name,
  label,
  type: 'number' as const,
  hasMany: true as const,
  min: 1,
  max: 365,
  defaultValue,
  admin: { description: `Days left at which the mail goes (default ${defaultValue.join(', ')}).` },
})

export const defaultAlertDays = {
  customerWarningDays: [30, 15, 5, 3, 1],
  renewalDays: [30, 7],
  trialDays: [3, 1],
} as const

/** Who on staff gets which alert, and at how many days left the scheduled mails go. */
export const AlertSettings: GlobalConfig = {
  slug: 'alert-settings',
  admin: { group: adminGroups.system },
  access: { read: hasRole('support'), update: hasRole('admin') },
  fields: [
    {
      type: 'collapsible',
      label: 'Staff recipients',
      fields: [
        recipientsField('renewal', 'Renewals due (subscriptions)'),
        recipientsField('trial', 'Trials ending'),
        recipientsField('limit', 'User and client limits reached'),
        recipientsField('credit', 'Usage credits low or exhausted'),
      ],
    },
    {
      type: 'collapsible',
      label: 'Thresholds',
      fields: [
        daysField('customerWarningDays', 'Customer warnings (license-expiring)', [
          ...defaultAlertDays.customerWarningDays,
        ]),
        daysField('renewalDays', 'Staff: renewal due', [...defaultAlertDays.renewalDays]),
        daysField('trialDays', 'Staff: trial ending', [...defaultAlertDays.trialDays]),
      ],
    },
  ],
}
