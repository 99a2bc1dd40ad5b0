import type { Activation } from '../../../../../../payload-types'
import { customerDeactivationLimit, shortFingerprint } from '../../../../../../plugins/licensing'
import { formatDay, formatTime } from '../../../../../lib/time'
import { DeactivationLimitNotice } from './DeactivationLimitNotice'
import styles from './licensePage.module.css'

type Props = {
  licenseId: number
  installations: Activation[]
  deactivationsUsed: number
}

/** The license's installations (client seats), each with its license file and deactivation. */
export const Installations = ({ licenseId, installations, deactivationsUsed }: Props) => {
  const limitReached = deactivationsUsed >= customerDeactivationLimit.count
  return (
    <section className="panel" aria-labelledby="installations-heading">
      <h2 id="installations-heading">Installations</h2>
      {installations.length === 0 ? (
        <p className="empty">
          No installation is activated. Enter the license key in the app, or install a license file
          by hand (see the FAQ).
        </p>
      ) : (
        <div className="table-scroll">
          <table className="data">
            <thead>
              <tr>
                <th scope="col">Host name</th>
                <th scope="col">Fingerprint</th>
                <th scope="col">Role</th>
                <th scope="col">App version</th>
                <th scope="col">Activated</th>
                <th scope="col">Last seen</th>
                <th scope="col">Actions</th>
              </tr>
            </thead>
            <tbody>
              {installations.map((installation) => (
                <tr key={installation.id} data-installation-id={installation.id}>
                  <td>{installation.hostname || '—'}</td>
                  <td>
                    <code title={installation.fingerprint}>
                      {shortFingerprint(installation.fingerprint)}
                    </code>
                  </td>
                  <td>{installation.role}</td>
                  <td>{installation.appVersion || '—'}</td>
                  <td>{formatDay(installation.activatedAt)}</td>
                  <td>{installation.lastSeenAt ? formatTime(installation.lastSeenAt) : '—'}</td>
                  <td>
                    <div className={styles.rowActions}>
                      <a
                        className="button button-quiet"
                        href={`/portal/licenses/${licenseId}?file=${installation.id}#license-file`}
                        aria-label={`Show the license file of ${installation.hostname || shortFingerprint(installation.fingerprint)}`}
                      >
                        License file
                      </a>
                      {limitReached ? null : (
                        <a
                          className="button button-quiet"
                          href={`/portal/licenses/${licenseId}/installations/${installation.id}/deactivate`}
                          aria-label={`Deactivate ${installation.hostname || shortFingerprint(installation.fingerprint)}`}
                        >
                          Deactivate…
                        </a>
                      )}
                    </div>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {limitReached ? (
        <DeactivationLimitNotice />
      ) : (
        <p className={styles.hint}>
          You may deactivate {customerDeactivationLimit.count} installations per{' '}
          {customerDeactivationLimit.days} days; {deactivationsUsed} used.
        </p>
      )}
    </section>
  )
}
