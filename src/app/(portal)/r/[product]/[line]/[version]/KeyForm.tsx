'use client'

import { useActionState, type ReactNode } from 'react'

import type { ReleaseAddress, ReleaseFile } from '../../../../../../../plugins/updates'
import { formatTime } from '../../../../../../lib/time'
import { ReleaseFiles } from '../../../../releaseContent/ReleaseFiles'
import styles from '../../../../releaseContent/releaseContent.module.css'
import { checkKey } from './checkKey'
import type { KeyState } from './keyState'

/**
 * Asks for a license key (in the POST body, never the address); a key that covers the release
 * turns the file list into download links valid a few minutes.
 */
type Props = {
  address: ReleaseAddress
  files: ReleaseFile[]
  /** What the form asks for, shown until a key opened the files. */
  intro: ReactNode
}

export function KeyForm({ address, files, intro }: Props) {
  const [state, submit, pending] = useActionState<KeyState, FormData>(checkKey, {})
  if (state.files) {
    const links = new Map(state.files.map((file) => [file.id, file.url]))
    return (
      <>
        <p className="notice notice-ok" role="status">
          Your license key covers this release.
          {state.expiresAt && ` The links work until ${formatTime(state.expiresAt)}.`}
        </p>
        <ReleaseFiles
          files={state.files}
          downloadOf={(file) => (
            <a className="button" href={links.get(file.id) ?? undefined} download>
              Download for {file.platform}
            </a>
          )}
        />
      </>
    )
  }
  return (
    <>
      {intro}
      <ReleaseFiles files={files} />
      <form action={submit} className={styles.keyForm} noValidate>
        <input type="hidden" name="product" value={address.product} />
        <input type="hidden" name="line" value={address.line} />
        <input type="hidden" name="version" value={address.version} />
        <div className="field">
          <label htmlFor="license-key">License key</label>
          <input
            id="license-key"
            name="licenseKey"
            type="text"
            required
            maxLength={200}
            autoComplete="off"
            spellCheck={false}
            placeholder="PMON-XXXXX-XXXXX-…"
            aria-invalid={state.error ? true : undefined}
            aria-describedby={state.error ? 'license-key-error' : 'license-key-hint'}
          />
          <p id="license-key-hint" className={styles.hint}>
            The key is in your license mail and on your license’s page in the portal.
          </p>
        </div>
        <button type="submit" className="button" disabled={pending}>
          Show downloads
        </button>
        {state.error && (
          <p id="license-key-error" className="notice notice-danger" role="alert">
            {state.error}
          </p>
        )}
      </form>
    </>
  )
}
