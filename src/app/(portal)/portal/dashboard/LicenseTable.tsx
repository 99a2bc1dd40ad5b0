import { formatDay } from '../../../../lib/time'
import type { DashboardLicense } from './dashboardLicenses'
import './dashboard.css'

const number = new Intl.NumberFormat('en')

const statusBadge: Record<DashboardLicense['status'], string> = {
  active: 'badge badge-ok',
  expired: 'badge badge-danger',
  suspended: 'badge badge-danger',
  'not-started': 'badge',
}

const typeNames: Record<DashboardLicense['type'], string> = {
  trial: 'Trial',
  subscription: 'Subscription',
  perpetual: 'Perpetual',
  'on-usage': 'On usage',
}

const timeLeftClass = (license: DashboardLicense): string | undefined =>
  license.attention === 'expired'
    ? 'license-late'
    : license.attention === 'expiring'
      ? 'license-soon'
      : undefined

const Usage = ({ license }: { license: DashboardLicense }) => {
  const { usage } = license
  if (usage.kind === 'credits')
    return (
      <div>
        <span
          className={
            license.attention === 'no-credit' || license.attention === 'low-credit'
              ? 'license-soon'
              : undefined
          }
        >
          {number.format(usage.creditsLeft)} credits left
        </span>
        <span className="license-secondary">
          {number.format(usage.usedLast30Days)} used in the last 30 days
        </span>
      </div>
    )
  return (
    <div>
      {usage.clientsInUse} / {usage.maxClients} clients
      <br />
      {usage.usersInUse} / {usage.maxUsers} users
    </div>
  )
}

/**
 * The account's licenses, one row each. On a narrow screen each row becomes a card whose cells
 * carry their column's name (`data-label`).
 */
export const LicenseTable = ({
  licenses,
  showCompany,
}: {
  licenses: DashboardLicense[]
  showCompany: boolean
}) => (
  <div className="table-scroll">
    <table className="data license-table">
      <caption className="visually-hidden">Your licenses, those that need attention first</caption>
      <thead>
        <tr>
          <th scope="col">Product</th>
          <th scope="col">Type</th>
          <th scope="col">Status</th>
          <th scope="col">Usage</th>
          <th scope="col">Clients</th>
          <th scope="col">Created</th>
          <th scope="col">Expires</th>
          <th scope="col">Days left</th>
        </tr>
      </thead>
      <tbody>
        {licenses.map((license) => (
          <tr key={license.id} data-license-id={license.id}>
            <th scope="row" data-label="Product">
              <a href={`/portal/licenses/${license.id}`}>
                {license.productName} {license.line}
              </a>
              {showCompany && <span className="license-secondary">{license.companyName}</span>}
            </th>
            <td data-label="Type">{typeNames[license.type]}</td>
            <td data-label="Status">
              <span className={statusBadge[license.status]}>
                {license.status.replace('-', ' ')}
              </span>
            </td>
            <td data-label="Usage">
              <Usage license={license} />
            </td>
            <td data-label="Clients">{license.clients}</td>
            <td data-label="Created">{formatDay(license.createdAt)}</td>
            <td data-label="Expires">{license.expiresAt ? formatDay(license.expiresAt) : '—'}</td>
            <td data-label="Days left" className={timeLeftClass(license)}>
              {license.timeLeft}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  </div>
)
