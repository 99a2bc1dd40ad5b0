/** The demo catalogue: what ProMonitor ships, in which lines, and a plausible release history. */
export const seedProducts = [
  {
    slug: 'promonitor',
    name: 'ProMonitor',
    lines: ['v6', 'v7'],
    platforms: ['windows-x64', 'linux-x64'],
    modules: ['reporting', 'alerting-sms', 'sla', 'api-access', 'topology'],
    keepVersionsDays: 730,
  },
  {
    slug: 'collector',
    name: 'Collector',
    lines: ['v6', 'v7'],
    platforms: ['windows-x64', 'linux-x64', 'linux-arm64'],
    modules: ['snmp', 'wmi', 'netflow'],
    keepVersionsDays: 730,
  },
  {
    slug: 'cockpit',
    name: 'Cockpit',
    lines: ['v1'],
    platforms: ['windows-x64', 'linux-x64'],
    modules: ['multi-site', 'sso'],
    keepVersionsDays: 365,
  },
] as const

type SeedRelease = {
  product: (typeof seedProducts)[number]['slug']
  line: string
  version: string
  channel: 'stable' | 'beta' | 'alpha'
  daysAgo: number
  summary: string
  critical?: boolean
  minimumUpgradeFrom?: string
  rolloutPercent?: number
  requires?: Array<{ product: string; range: string }>
  changes: Array<{ kind: 'added' | 'changed' | 'fixed' | 'security'; text: string }>
  /** Pulled after it shipped (apps sent back a version), then restored: its history shows both. */
  pulledAndRestored?: boolean
}

export const seedReleases: SeedRelease[] = [
  {
    product: 'promonitor',
    line: 'v6',
    version: '6.8.0',
    channel: 'stable',
    daysAgo: 400,
    summary: 'Faster dashboards and a new SLA report.',
    changes: [
      { kind: 'added', text: 'SLA report per service group' },
      { kind: 'changed', text: 'Dashboards load twice as fast' },
    ],
  },
  {
    product: 'promonitor',
    line: 'v6',
    version: '6.9.0',
    channel: 'stable',
    daysAgo: 200,
    summary: 'Maintenance release for the V6 line.',
    pulledAndRestored: true,
    changes: [
      { kind: 'fixed', text: 'Alert storms after a collector restart' },
      { kind: 'changed', text: 'TLS 1.3 for the agent channel' },
    ],
  },
  {
    product: 'promonitor',
    line: 'v6',
    version: '6.9.2',
    channel: 'stable',
    daysAgo: 30,
    summary: 'Security fix for the web console.',
    critical: true,
    changes: [{ kind: 'security', text: 'Session fixation in the web console (CVE-2026-1011)' }],
  },
  {
    product: 'promonitor',
    line: 'v7',
    version: '7.2.0',
    channel: 'stable',
    daysAgo: 180,
    summary: 'Topology maps and a rewritten alert engine.',
    minimumUpgradeFrom: '6.9.0',
    changes: [
      { kind: 'added', text: 'Live topology maps' },
      { kind: 'changed', text: 'New alert engine with deduplication' },
    ],
  },
  {
    product: 'promonitor',
    line: 'v7',
    version: '7.3.0',
    channel: 'stable',
    daysAgo: 60,
    summary: 'Reporting module and SSO.',
    requires: [{ product: 'collector', range: '>=7.3.0' }],
    changes: [
      { kind: 'added', text: 'Scheduled PDF reports' },
      { kind: 'added', text: 'Single sign-on with SAML' },
      { kind: 'fixed', text: 'Memory growth with 10k+ sensors' },
    ],
  },
  {
    product: 'promonitor',
    line: 'v7',
    version: '7.4.0',
    channel: 'stable',
    daysAgo: 5,
    summary: 'Pay-per-use metering and faster search.',
    rolloutPercent: 50,
    requires: [{ product: 'collector', range: '>=7.3.0' }],
    changes: [
      { kind: 'added', text: 'Usage metering for on-usage licenses' },
      { kind: 'changed', text: 'Search answers in under 100 ms' },
    ],
  },
  {
    product: 'promonitor',
    line: 'v7',
    version: '7.5.0-beta.1',
    channel: 'beta',
    daysAgo: 2,
    summary: 'Preview of the new dashboard designer.',
    changes: [{ kind: 'added', text: 'Drag-and-drop dashboard designer (preview)' }],
  },
  {
    product: 'collector',
    line: 'v6',
    version: '6.9.0',
    channel: 'stable',
    daysAgo: 200,
    summary: 'Collector for the V6 line.',
    changes: [{ kind: 'fixed', text: 'WMI timeouts on busy hosts' }],
  },
  {
    product: 'collector',
    line: 'v7',
    version: '7.2.0',
    channel: 'stable',
    daysAgo: 180,
    summary: 'Collector for ProMonitor 7.2.',
    changes: [{ kind: 'added', text: 'NetFlow v9' }],
  },
  {
    product: 'collector',
    line: 'v7',
    version: '7.3.0',
    channel: 'stable',
    daysAgo: 61,
    summary: 'Collector needed by ProMonitor 7.3.',
    changes: [
      { kind: 'changed', text: 'Batching of metrics to the master' },
      { kind: 'security', text: 'Pinned certificate for the master channel' },
    ],
  },
  {
    product: 'cockpit',
    line: 'v1',
    version: '1.4.0',
    channel: 'stable',
    daysAgo: 90,
    summary: 'Multi-site console.',
    changes: [{ kind: 'added', text: 'Site health overview' }],
  },
  {
    product: 'cockpit',
    line: 'v1',
    version: '1.5.0',
    channel: 'stable',
    daysAgo: 10,
    summary: 'SSO for Cockpit.',
    changes: [{ kind: 'added', text: 'SSO shared with ProMonitor 7.3+' }],
  },
]
