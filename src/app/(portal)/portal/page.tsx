import type { Metadata } from 'next'

import { accountCompanies } from './dashboard/accountCompanies'
import { CompanyFilter } from './dashboard/CompanyFilter'
import { dashboardLicenses } from './dashboard/dashboardLicenses'
import { LicenseTable } from './dashboard/LicenseTable'
import { requireCustomer } from './session/currentCustomer'

export const dynamic = 'force-dynamic'

export const metadata: Metadata = { title: 'Your licenses · ProMonitor' }

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> }

/** The portal's home: every license of the account's companies, what needs attention first. */
export default async function DashboardPage({ searchParams }: Props) {
  const { company } = await searchParams
  const asked = typeof company === 'string' && company !== '' ? company : undefined
  const session = await requireCustomer(
    asked ? `/portal?${new URLSearchParams({ company: asked })}` : '/portal',
  )
  const companies = await accountCompanies(session)
  const chosen = asked ? companies.find((known) => String(known.id) === asked) : undefined
  const licenses = await dashboardLicenses(session, { company: chosen?.id })

  return (
    <main className="portal-page">
      <div className="dashboard-heading">
        <div>
          <h1>Your licenses</h1>
          <p className="lead">
            {chosen ? chosen.name : companies.map((known) => known.name).join(', ')}
          </p>
        </div>
        {companies.length > 1 && <CompanyFilter companies={companies} chosen={chosen?.id} />}
      </div>
      {asked && !chosen && (
        <p className="notice notice-danger" role="alert">
          That company is not one of your account’s. Showing the licenses of all your companies.
        </p>
      )}
      {licenses.length === 0 ? (
        <div className="empty">
          <p>
            <strong>No licenses yet.</strong>
          </p>
          <p>
            {companies.length === 0
              ? 'Your account is not linked to a company. Ask your ProMonitor contact to add it, or open the register link from your license mail.'
              : 'Start a trial from ProMonitor’s welcome screen, or ask your ProMonitor sales representative for a license; it shows here as soon as it is created.'}
          </p>
          <p>
            <a href="/portal/faq">Read the FAQ</a>
          </p>
        </div>
      ) : (
        <LicenseTable licenses={licenses} showCompany={!chosen && companies.length > 1} />
      )}
    </main>
  )
}
