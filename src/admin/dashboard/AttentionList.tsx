import { editUrl } from './listUrl'
import type { LicenseNeedingAttention } from './licensesNeedingAttention'

/** The licenses expiring soonest, each linking to its edit view (by id, never by key). */
export const AttentionList = ({
  adminRoute,
  licenses,
}: {
  adminRoute: string
  licenses: LicenseNeedingAttention[]
}) =>
  licenses.length === 0 ? (
    <p>No active license expires.</p>
  ) : (
    <table className="hub-dashboard__table">
      <thead>
        <tr>
          <th align="left">Customer</th>
          <th align="left">License</th>
          <th align="right">Days left</th>
        </tr>
      </thead>
      <tbody>
        {licenses.map((license) => (
          <tr key={license.id}>
            <td>{license.customer}</td>
            <td>
              <a href={editUrl(adminRoute, 'licenses', license.id)}>
                {license.product} {license.line} · {license.type}
              </a>
            </td>
            <td align="right">{license.daysLeft}</td>
          </tr>
        ))}
      </tbody>
    </table>
  )
