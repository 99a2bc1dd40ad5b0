/**
 * Every mail the system sends, and the variables its template may use. The code that queues a
 * mail passes exactly these; a template using anything else is refused when saved.
 */
export const emailTemplateVariables = {
  'release-published': [
    'recipientEmail',
    'productName',
    'line',
    'version',
    'channel',
    'summary',
    'notesUrl',
    'portalUrl',
    'critical',
  ],
  'license-expiring': [
    'recipientEmail',
    'customerName',
    'productName',
    'line',
    'licenseKey',
    'licenseType',
    'expiresAt',
    'daysLeft',
    'portalUrl',
  ],
  'license-expired': [
    'recipientEmail',
    'customerName',
    'productName',
    'line',
    'licenseKey',
    'licenseType',
    'expiresAt',
    'portalUrl',
  ],
  'trial-created': [
    'recipientEmail',
    'customerName',
    'productName',
    'line',
    'licenseKey',
    'expiresAt',
    'registerUrl',
    'portalUrl',
  ],
  'license-created': [
    'recipientEmail',
    'customerName',
    'productName',
    'line',
    'licenseKey',
    'licenseType',
    'expiresAt',
    'registerUrl',
    'portalUrl',
    'resellerName',
  ],
  'staff-renewal-due': [
    'recipientEmail',
    'customerName',
    'productName',
    'licenseKey',
    'licenseType',
    'expiresAt',
    'daysLeft',
    'adminUrl',
  ],
  'staff-trial-expiring': [
    'recipientEmail',
    'customerName',
    'productName',
    'licenseKey',
    'expiresAt',
    'daysLeft',
    'adminUrl',
  ],
  'staff-limit-reached': [
    'recipientEmail',
    'customerName',
    'productName',
    'licenseKey',
    'limit',
    'used',
    'adminUrl',
  ],
  'credit-low': [
    'recipientEmail',
    'customerName',
    'productName',
    'line',
    'licenseKey',
    'credits',
    'threshold',
    'portalUrl',
  ],
  'credit-exhausted': [
    'recipientEmail',
    'customerName',
    'productName',
    'line',
    'licenseKey',
    'portalUrl',
  ],
  'staff-credit-low': [
    'recipientEmail',
    'customerName',
    'productName',
    'licenseKey',
    'credits',
    'threshold',
    'adminUrl',
  ],
  'staff-credit-exhausted': [
    'recipientEmail',
    'customerName',
    'productName',
    'licenseKey',
    'adminUrl',
  ],
} as const satisfies Record<string, readonly string[]>

export type EmailTemplateKey = keyof typeof emailTemplateVariables

export const emailTemplateKeys = Object.keys(emailTemplateVariables) as EmailTemplateKey[]

export const variablesUsedIn = (text: string): string[] =>
  [...text.matchAll(/\{\{\s*([a-zA-Z][a-zA-Z0-9]*)\s*\}\}/g)].map((match) => match[1])
