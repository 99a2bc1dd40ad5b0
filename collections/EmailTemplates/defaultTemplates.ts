import type { EmailTemplateKey } from './templateKeys'

/**
 * The wording every mail starts with. The seed copies these into `email-templates` for staff to
 * edit; a key with no template in the database still sends this text rather than nothing.
 */
export const defaultTemplates: Record<
  EmailTemplateKey,
  { name: string; subject: string; body: string }
> = {
  'release-published': {
    name: 'Release published',
    subject: '{{productName}} {{version}} is available',
    body: `Hello,

{{productName}} {{version}} ({{line}}, {{channel}} channel) has been released.

{{summary}}

Release notes: {{notesUrl}}
Download it from your portal: {{portalUrl}}

The ProMonitor team`,
  },
  'license-expiring': {
    name: 'License expiring',
    subject: 'Your {{productName}} license expires in {{daysLeft}} days',
    body: `Hello {{customerName}},

Your {{licenseType}} license {{licenseKey}} for {{productName}} {{line}} expires on {{expiresAt}} ({{daysLeft}} days left).

Renew it from your portal so monitoring keeps running: {{portalUrl}}

The ProMonitor team`,
  },
  'license-expired': {
    name: 'License expired',
    subject: 'Your {{productName}} license has expired',
    body: `Hello {{customerName}},

Your {{licenseType}} license {{licenseKey}} for {{productName}} {{line}} expired on {{expiresAt}}.

Renew it from your portal: {{portalUrl}}

The ProMonitor team`,
  },
  'trial-created': {
    name: 'Trial created',
    subject: 'Your {{productName}} trial key',
    body: `Hello,

Your {{productName}} {{line}} trial is ready and runs until {{expiresAt}}.

Trial key: {{licenseKey}}

Create your portal account to see your licenses, documentation and downloads: {{registerUrl}}

The ProMonitor team`,
  },
  'license-created': {
    name: 'License created by a reseller',
    subject: 'Your {{productName}} license from {{resellerName}}',
    body: `Hello {{customerName}},

{{resellerName}} has created a {{licenseType}} license for {{productName}} {{line}} for you (valid until {{expiresAt}}).

License key: {{licenseKey}}

Create your portal account: {{registerUrl}}

The ProMonitor team`,
  },
  'staff-renewal-due': {
    name: 'Staff: renewal due',
    subject: 'Renewal due: {{customerName}} {{productName}} in {{daysLeft}} days',
    body: `{{customerName}}'s {{licenseType}} license {{licenseKey}} for {{productName}} expires on {{expiresAt}} ({{daysLeft}} days).

{{adminUrl}}`,
  },
  'staff-trial-expiring': {
    name: 'Staff: trial expiring',
    subject: 'Trial ending: {{customerName}} {{productName}} in {{daysLeft}} days',
    body: `{{customerName}}'s trial {{licenseKey}} for {{productName}} ends on {{expiresAt}} ({{daysLeft}} days). A good moment to call.

{{adminUrl}}`,
  },
  'staff-limit-reached': {
    name: 'Staff: limit reached',
    subject: 'Limit reached: {{customerName}} {{productName}} ({{limit}})',
    body: `{{customerName}}'s license {{licenseKey}} for {{productName}} reached its {{limit}} limit ({{used}} in use).

{{adminUrl}}`,
  },
  'credit-low': {
    name: 'Usage credits low',
    subject: 'Your {{productName}} license has {{credits}} usage credits left',
    body: `Hello {{customerName}},

Your on-usage license {{licenseKey}} for {{productName}} {{line}} has {{credits}} usage credits left (alert level: {{threshold}}).

When they run out, the metered features stop. Top up from your portal: {{portalUrl}}

The ProMonitor team`,
  },
  'credit-exhausted': {
    name: 'Usage credits exhausted',
    subject: 'Your {{productName}} license is out of usage credits',
    body: `Hello {{customerName}},

Your on-usage license {{licenseKey}} for {{productName}} {{line}} has run out of usage credits: the metered features have stopped.

Top up from your portal: {{portalUrl}}

The ProMonitor team`,
  },
  'staff-credit-low': {
    name: 'Staff: usage credits low',
    subject: 'Credits low: {{customerName}} {{productName}} ({{credits}} left)',
    body: `{{customerName}}'s on-usage license {{licenseKey}} for {{productName}} has {{credits}} credits left (alert level {{threshold}}).

{{adminUrl}}`,
  },
  'staff-credit-exhausted': {
    name: 'Staff: usage credits exhausted',
    subject: 'Credits exhausted: {{customerName}} {{productName}}',
    body: `{{customerName}}'s on-usage license {{licenseKey}} for {{productName}} is out of credits: a use was refused.

{{adminUrl}}`,
  },
}
