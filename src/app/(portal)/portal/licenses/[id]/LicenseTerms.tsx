import type { License } from '../../../../../../payload-types'
import { formatDay } from '../../../../../lib/time'
import styles from './licensePage.module.css'

const statusBadge: Record<string, string> = {
  active: 'badge badge-ok',
  'not-started': 'badge badge-warning',
  expired: 'badge badge-danger',
  suspended: 'badge badge-danger',
}

const daysLeftText = (license: License): string => {
  if (!license.expiresAt) return 'Never expires'
  if (license.isExpired) return license.timeLeft ?? 'Expired'
  return license.timeLeft ?? `${license.daysLeft} days`
}

/** The license's terms: what it covers, until when, and its limits. */
export const LicenseTerms = ({ license }: { license: License }) => {
  const status = license.currentStatus ?? license.status
  return (
    <section className="panel" aria-labelledby="terms-heading">
      <h2 id="terms-heading">Terms</h2>
      <dl className={styles.terms}>
        <div>
          <dt>Product</dt>
          <dd>{license.productName ?? '—'}</dd>
        </div>
        <div>
          <dt>Line</dt>
          <dd>{license.line.toUpperCase()}</dd>
        </div>
        <div>
          <dt>Type</dt>
          <dd>{license.type}</dd>
        </div>
        <div>
          <dt>Status</dt>
          <dd>
            <span className={statusBadge[status] ?? 'badge'}>{status.replace('-', ' ')}</span>
          </dd>
        </div>
        <div>
          <dt>Starts</dt>
          <dd>{formatDay(license.startsAt)}</dd>
        </div>
        <div>
          <dt>Expires</dt>
          <dd>{license.expiresAt ? formatDay(license.expiresAt) : 'Never'}</dd>
        </div>
        <div>
          <dt>Days left</dt>
          <dd data-testid="days-left">{daysLeftText(license)}</dd>
        </div>
        <div>
          <dt>Clients in use / max</dt>
          <dd>
            {license.activeClients ?? 0} / {license.maxClients}
          </dd>
        </div>
        <div>
          <dt>Users in use / max</dt>
          <dd>
            {license.usersInUse ?? 0} / {license.maxUsers}
          </dd>
        </div>
        {license.type === 'on-usage' ? (
          <div>
            <dt>Credits left</dt>
            <dd>{license.credits ?? 0}</dd>
          </div>
        ) : null}
      </dl>
      <h3>Modules</h3>
      {license.modules?.length ? (
        <ul className={styles.modules}>
          {license.modules.map((module) => (
            <li key={module} className="badge">
              {module}
            </li>
          ))}
        </ul>
      ) : (
        <p className={styles.hint}>The base product only, no extra modules.</p>
      )}
      {license.key ? (
        <>
          <h3>License key</h3>
          <p className={styles.key} data-testid="license-key">
            {license.key}
          </p>
          <p className={styles.hint}>Enter it in the app to activate online. Keep it private.</p>
        </>
      ) : null}
    </section>
  )
}
