import type { EmailTemplateKey } from './templateKeys'

/**
 * The wording every mail starts with. The seed copies these into `email-templates` for staff to
 * edit; a key with no template in the database still sends this text rather than nothing.
 */
export const defaultTemplates: Record<EmailTemplateKey, { name: string; subject: string; body: string }> = {
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
}
