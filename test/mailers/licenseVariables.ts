export const licenseVariables = {
  customerName: 'Acme <Industrial>',
  productName: 'ProMonitor',
  line: 'v7',
  licenseKey: 'PMON-TEST',
  licenseType: 'subscription',
  expiresAt: '2026-12-28',
  daysLeft: 30,
  portalUrl: 'https://hub.example/portal',
}
