import type { Metadata } from 'next'
import { notFound } from 'next/navigation'

import { issueCustomerLicenseFile } from '../../../../../../plugins/licensing'
import { requireCustomer } from '../../session/currentCustomer'
import { Installations } from './Installations'
import { LicenseFilePanel } from './LicenseFilePanel'
import { LicenseHistory } from './LicenseHistory'
import { LicenseTerms } from './LicenseTerms'
import { readLicensePage } from './readLicensePage'
import { UsageChart } from './UsageChart'

export const dynamic = 'force-dynamic'

export const metadata: Metadata = {
  title: 'License · ProMonitor',
  robots: { index: false, follow: false },
}

type Props = {
  params: Promise<{ id: string }>
  searchParams: Promise<Record<string, string | string[] | undefined>>
}

const one = (value: string | string[] | undefined): string | null =>
  typeof value === 'string' && value.length <= 20 ? value : null

/** Messages the deactivation leaves for this page (a code in the address, never data). */
const doneMessages: Record<string, string> = {
  deactivated: 'The installation was deactivated and its seat is free again.',
  'already-deactivated': 'That installation had already been deactivated.',
}

/** One license of the account's companies: terms, installations, license file, usage, history. */
export default async function LicensePage({ params, searchParams }: Props) {
  const { id } = await params
  const query = await searchParams
  const session = await requireCustomer(`/portal/licenses/${encodeURIComponent(id)}`)
  const data = await readLicensePage(session, id)
  if (!data) notFound()
  const { license } = data
  const chosen = one(query.file)
  const file = chosen
    ? await issueCustomerLicenseFile(session.payload, {
        user: session.user,
        licenseId: license.id,
        activationId: chosen,
      })
    : null
  const done = doneMessages[one(query.done) ?? '']
  return (
    <main className="portal-page">
      <p>
        <a href="/portal">← All licenses</a>
      </p>
      <h1>
        {license.productName ?? 'License'} {license.line.toUpperCase()}{' '}
        <span className="badge">{license.type}</span>
      </h1>
      {done ? (
        <p className="notice notice-ok" role="status">
          {done}
        </p>
      ) : null}
      <LicenseTerms license={license} />
      <Installations
        licenseId={license.id}
        installations={data.installations}
        deactivationsUsed={data.deactivationsUsed}
      />
      <LicenseFilePanel
        licenseId={license.id}
        installations={data.installations}
        chosen={chosen}
        file={file}
      />
      {data.usage ? <UsageChart usage={data.usage} credits={license.credits ?? 0} /> : null}
      <LicenseHistory history={data.history} />
    </main>
  )
}
