import type { Activation } from '../../../../../../payload-types'
import { shortFingerprint, type CustomerLicenseFile } from '../../../../../../plugins/licensing'
import { CopyButtonSlot } from './CopyButtonSlot'
import styles from './licensePage.module.css'

type Props = {
  licenseId: number
  installations: Activation[]
  chosen: string | null
  file: CustomerLicenseFile | null
}

const notUsable: Record<string, string> = {
  SUSPENDED: 'This license is suspended: no license file can be issued for it.',
  EXPIRED: 'This license has expired: no license file can be issued for it.',
  NOT_STARTED: 'This license has not started yet: its license file can be issued once it has.',
}

const nameOf = (installation: Activation) =>
  installation.hostname || shortFingerprint(installation.fingerprint)

/**
 * The license file for installing by hand on a machine without internet access: chosen per
 * installation (the file is bound to its fingerprint), shown to copy and offered as a `.lic`.
 */
export const LicenseFilePanel = ({ licenseId, installations, chosen, file }: Props) => (
  <section className="panel" id="license-file" aria-labelledby="license-file-heading">
    <h2 id="license-file-heading">License file for manual installation</h2>
    {installations.length === 0 ? (
      <p className={styles.hint}>A license file is issued for an activated installation.</p>
    ) : (
      <form
        method="get"
        action={`/portal/licenses/${licenseId}#license-file`}
        className={styles.chooser}
      >
        <div className="field">
          <label htmlFor="license-file-installation">Installation</label>
          <select id="license-file-installation" name="file" defaultValue={chosen ?? undefined}>
            {installations.map((installation) => (
              <option key={installation.id} value={installation.id}>
                {nameOf(installation)} ({installation.role})
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <button type="submit" className="button button-quiet">
            Show license file
          </button>
        </div>
      </form>
    )}
    {chosen && file?.code === 'NOT_FOUND' ? (
      <p className="notice notice-danger" role="alert">
        There is no such installation on this license. Choose one from the list.
      </p>
    ) : null}
    {file?.code === 'NOT_USABLE' ? (
      <p className="notice notice-danger" role="alert">
        {notUsable[file.reason]}
      </p>
    ) : null}
    {file?.code === 'ISSUED' && chosen ? (
      <>
        <div className="field">
          <label htmlFor="license-file-text">
            License file for {file.hostname ?? `installation ${chosen}`}
          </label>
          <textarea
            id="license-file-text"
            className={styles.licenseFile}
            readOnly
            value={file.armored}
            aria-describedby="license-file-hint"
          />
        </div>
        <p id="license-file-hint" className={styles.hint}>
          Paste it in the app’s offline license box, or save the file and open it there. It is bound
          to this installation and must be renewed online within its validity.
        </p>
        <div className={styles.fileActions}>
          <a
            className="button"
            href={`/portal/licenses/${licenseId}/license-file?installation=${encodeURIComponent(chosen)}`}
            download={file.fileName}
          >
            Download {file.fileName}
          </a>
          <CopyButtonSlot targetId="license-file-text" label="Copy license file" />
        </div>
      </>
    ) : null}
  </section>
)
