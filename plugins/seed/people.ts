import type { License } from '../../payload-types'
import type { StaffRole } from '../../collections/access/roles'

export const demoCustomerPassword = 'demo-customer-2026'

/** Staff of each role; they all log in with SEED_ADMIN_PASSWORD. */
export const seedStaff: Array<{ email: string; name: string; roles: StaffRole[] }> = [
  { email: 'admin@example.com', name: 'Ada Admin', roles: ['admin'] },
  { email: 'support@example.com', name: 'Sam Support', roles: ['support'] },
  { email: 'releases@example.com', name: 'Rita Releases', roles: ['release-manager'] },
  { email: 'editor@example.com', name: 'Eddie Editor', roles: ['editor'] },
]

/** A seeded license: its terms now, and what support did to it on the way. */
export type SeedLicense = {
  product: 'promonitor' | 'collector' | 'cockpit'
  line: string
  type: License['type']
  status?: 'active' | 'suspended'
  /** Days from now; negative is in the past. */
  startsInDays: number
  expiresInDays?: number
  maxClients: number
  maxUsers: number
  modules?: string[]
  credits?: number
  notes?: string
  /** Installed machines already activated on it (hostname, role). */
  machines?: Array<{ hostname: string; role: 'app' | 'collector' | 'cockpit' | 'slave' }>
  /**
   * Metered use by its first machine: `creditsPerDay` on each of the last `days` days (on-usage).
   */
  usage?: { days: number; creditsPerDay: number }
  /** Support extended it by this many days (it was created that much shorter). */
  extendedBy?: number
  /** Why support suspended it (with `status: 'suspended'`). */
  suspensionReason?: string
}

/**
 * Companies, their accounts (password `demoCustomerPassword`) and a license of every type and
 * state.
 */
export const seedCompanies: Array<{
  name: string
  contacts: Array<{ email: string; name: string }>
  accounts: string[]
  licenses: SeedLicense[]
}> = [
  {
    name: 'Acme Industrial',
    contacts: [
      { email: 'it@acme.example', name: 'Alice Ops' },
      { email: 'purchasing@acme.example', name: 'Bob Buyer' },
    ],
    accounts: ['alice@acme.example'],
    licenses: [
      {
        product: 'promonitor',
        line: 'v7',
        type: 'subscription',
        startsInDays: -300,
        expiresInDays: 65,
        extendedBy: 30,
        maxClients: 5,
        maxUsers: 25,
        modules: ['reporting', 'alerting-sms'],
        machines: [
          { hostname: 'acme-mon-01', role: 'app' },
          { hostname: 'acme-mon-02', role: 'slave' },
          { hostname: 'acme-plant-b', role: 'slave' },
        ],
      },
      {
        product: 'collector',
        line: 'v7',
        type: 'subscription',
        startsInDays: -300,
        expiresInDays: 65,
        maxClients: 20,
        maxUsers: 0,
        machines: [
          { hostname: 'acme-coll-dc1', role: 'collector' },
          { hostname: 'acme-coll-dc2', role: 'collector' },
        ],
      },
      {
        product: 'promonitor',
        line: 'v6',
        type: 'perpetual',
        startsInDays: -900,
        maxClients: 2,
        maxUsers: 10,
        notes: 'Legacy plant, stays on V6.',
      },
    ],
  },
  {
    name: 'Globex Energy',
    contacts: [{ email: 'noc@globex.example', name: 'Grace NOC' }],
    accounts: ['grace@globex.example'],
    licenses: [
      {
        product: 'promonitor',
        line: 'v7',
        type: 'trial',
        startsInDays: -27,
        expiresInDays: 3,
        maxClients: 1,
        maxUsers: 3,
        notes: 'Trial from the in-app button; ends in 3 days.',
        machines: [
          { hostname: 'globex-noc', role: 'app' },
          { hostname: 'globex-noc-2', role: 'app' },
        ],
      },
    ],
  },
  {
    name: 'Initech Networks',
    contacts: [{ email: 'admin@initech.example', name: 'Peter Gibbons' }],
    accounts: ['peter@initech.example'],
    licenses: [
      {
        product: 'promonitor',
        line: 'v7',
        type: 'subscription',
        startsInDays: -400,
        expiresInDays: -35,
        maxClients: 3,
        maxUsers: 10,
      },
    ],
  },
  {
    name: 'Umbrella Logistics',
    contacts: [{ email: 'monitoring@umbrella.example', name: 'Ulla Ops' }],
    accounts: ['ulla@umbrella.example'],
    licenses: [
      // 1500 credits bought, 300 spent over the last 30 days: 1200 left.
      {
        product: 'promonitor',
        line: 'v7',
        type: 'on-usage',
        startsInDays: -90,
        expiresInDays: 275,
        maxClients: 10,
        maxUsers: 50,
        credits: 1500,
        modules: ['api-access'],
        machines: [{ hostname: 'umb-hub', role: 'app' }],
        usage: { days: 30, creditsPerDay: 10 },
      },
      {
        product: 'cockpit',
        line: 'v1',
        type: 'subscription',
        startsInDays: -90,
        expiresInDays: 275,
        maxClients: 1,
        maxUsers: 5,
        modules: ['multi-site'],
      },
    ],
  },
  {
    name: 'Stark Utilities',
    contacts: [{ email: 'ops@stark.example', name: 'Tony Ops' }],
    accounts: ['tony@stark.example'],
    licenses: [
      {
        product: 'promonitor',
        line: 'v7',
        type: 'subscription',
        status: 'suspended',
        suspensionReason: 'Invoice 2026-0815 unpaid.',
        startsInDays: -120,
        expiresInDays: 245,
        maxClients: 4,
        maxUsers: 20,
        notes: 'Suspended: invoice 2026-0815 unpaid.',
      },
    ],
  },
  {
    // One license at each customer warning (30, 15, 5, 3, 1 days left) and one just expired: the
    // first license-alerts sweep mails each of them (and staff about the renewals due).
    name: 'Wayne Monitoring',
    contacts: [{ email: 'renewals@wayne.example', name: 'Bruce Renewals' }],
    accounts: ['bruce@wayne.example'],
    licenses: [30, 15, 5, 3, 1, -2].map((days) => ({
      product: 'promonitor' as const,
      line: 'v7',
      type: 'subscription' as const,
      startsInDays: -300,
      expiresInDays: days,
      maxClients: 2,
      maxUsers: 10,
      notes:
        days > 0
          ? `Expires in ${days} days: gets the ${days}-day warning.`
          : 'Expired 2 days ago: gets the license-expired mail.',
    })),
  },
]

/** A reseller with an API key, allowed to sell ProMonitor trials and subscriptions. */
export const seedReseller = {
  name: 'DataDog Marketplace',
  contactEmail: 'partners@datadog.example',
  allowedTypes: ['trial', 'subscription'] as const,
}
