import { formatDay } from '../../../../lib/time'
import { dashboardLicenses, type DashboardLicense } from '../dashboard/dashboardLicenses'
import type { CustomerSession } from '../session/currentCustomer'
import { dismissLoginNotice } from './actions'
import { isLoginNoticeShown } from './loginNoticeCookie'
import './loginNotice.css'

const credits = new Intl.NumberFormat('en')

const whatIsWrong = (license: DashboardLicense): string => {
  switch (license.attention) {
    case 'expired':
      return `expired since ${formatDay(license.expiresAt!)}`
    case 'expiring':
      return license.timeLeft === 'expires today'
        ? 'expires today'
        : `expires in ${license.timeLeft}, on ${formatDay(license.expiresAt!)}`
    case 'no-credit':
      return 'no usage credits left'
    default:
      return license.usage.kind === 'credits'
        ? `low on credit: ${credits.format(license.usage.creditsLeft)} credits left`
        : 'low on credit'
  }
}

/**
 * The notice on the first page after signing in: the account's expired licenses, then those
 * expiring within 30 days and those low on or out of credit, each linking to its page. Shown until
 * dismissed; the next sign-in shows it again.
 */
export const LoginNotice = async ({ session }: { session: CustomerSession | null }) => {
  if (!session || !(await isLoginNoticeShown())) return null
  const all = await dashboardLicenses(session)
  const licenses = all.filter((license) => license.attention)
  if (licenses.length === 0) return null
  const namesCompany = new Set(all.map((license) => license.companyName)).size > 1
  const hasExpired = licenses.some((license) => license.attention === 'expired')
  return (
    <section className="login-notice" aria-labelledby="login-notice-title">
      <div className={hasExpired ? 'notice notice-danger' : 'notice'} role="alert">
        <h2 id="login-notice-title">
          {licenses.length === 1
            ? 'A license needs your attention'
            : `${licenses.length} licenses need your attention`}
        </h2>
        <ul>
          {licenses.map((license) => (
            <li key={license.id} data-attention={license.attention}>
              <a href={`/portal/licenses/${license.id}`}>
                {license.productName} {license.line}
              </a>
              {namesCompany ? ` (${license.companyName})` : ''}: {whatIsWrong(license)}
            </li>
          ))}
        </ul>
        <p className="login-notice-help">
          To renew a license or buy credits, contact your ProMonitor sales representative.
        </p>
        <form action={dismissLoginNotice}>
          <button type="submit" className="button button-quiet">
            Dismiss
          </button>
        </form>
      </div>
    </section>
  )
}
