import type { ReactNode } from 'react'

import type { ReleaseFile } from '../../../../plugins/updates'
import { formatSize } from './formatSize'
import styles from './releaseContent.module.css'

type Props = {
  files: ReleaseFile[]
  /** The download control of a kept file; without it the table lists the files only. */
  downloadOf?: (file: ReleaseFile) => ReactNode
}

/** The release's files per platform with size and SHA-256, and a download control each. */
export const ReleaseFiles = ({ files, downloadOf }: Props) => {
  if (files.length === 0) return <p className="empty">This release has no files to download.</p>
  return (
    <div className="table-scroll">
      <table className={`data ${styles.files}`}>
        <caption className={styles.caption}>Files per platform</caption>
        <thead>
          <tr>
            <th scope="col">Platform</th>
            <th scope="col">Size</th>
            <th scope="col">SHA-256</th>
            {downloadOf && <th scope="col">Download</th>}
          </tr>
        </thead>
        <tbody>
          {files.map((file) => (
            <tr key={file.id} data-platform={file.platform}>
              <th scope="row">{file.platform}</th>
              <td data-label="Size">{formatSize(file.size)}</td>
              <td data-label="SHA-256">
                <code className={styles.checksum} data-sha256>
                  {file.sha256}
                </code>
              </td>
              {downloadOf && (
                <td data-label="Download">
                  {file.isKept ? (
                    downloadOf(file)
                  ) : (
                    <span className="badge">removed by retention</span>
                  )}
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}
