'use client'

import { Button, useDocumentInfo } from '@payloadcms/ui'
import React, { useEffect, useState } from 'react'

import { useStaffAction } from '../../../src/admin/useStaffAction'

/**
 * Sidebar of a release: Pull (choosing the version apps go back to, the previous one by default),
 * Restore, and Load recipients. Each runs the release's staff action and reloads the document.
 */
export const ReleaseActions: React.FC = () => {
  const { id, savedDocumentData } = useDocumentInfo()
  const { run, read, busy } = useStaffAction('releases', id, { afterChange: 'reload' })
  const [targets, setTargets] = useState<string[]>([])
  const [rollbackTo, setRollbackTo] = useState<string>('')
  const status = savedDocumentData?.status as string | undefined
  const isLive = savedDocumentData?._status === 'published'

  useEffect(() => {
    if (!id || status !== 'published') return
    read('rollback-targets')
      .then((answer) => {
        setTargets((answer?.versions as string[] | undefined) ?? [])
        setRollbackTo((answer?.default as string | null | undefined) ?? '')
      })
      .catch(() => setTargets([]))
  }, [read, id, status])

  if (!id)
    return (
      <p className="field-description">Save the release to pull, restore or load recipients.</p>
    )
  return (
    <div
      className="release-actions"
      style={{ display: 'grid', gap: 'calc(var(--base) / 2)', marginBottom: 'var(--base)' }}
    >
      <strong>Release actions</strong>
      {status === 'published' && isLive && (
        <>
          <label className="field-label" htmlFor="release-rollback-to">
            Apps on this version go back to
          </label>
          <select
            id="release-rollback-to"
            value={rollbackTo}
            onChange={(event) => setRollbackTo(event.target.value)}
            disabled={busy}
          >
            {targets.map((version) => (
              <option key={version} value={version}>
                {version}
              </option>
            ))}
            <option value="">nothing (no earlier release)</option>
          </select>
          <Button
            buttonStyle="error"
            size="small"
            disabled={busy}
            onClick={() => {
              if (
                window.confirm(
                  `Pull this release? Apps on it are sent back to ${rollbackTo || 'nothing'}.`,
                )
              ) {
                void run('pull', { rollbackTo: rollbackTo || null }, 'Release pulled')
              }
            }}
          >
            Pull release
          </Button>
        </>
      )}
      {status === 'pulled' && (
        <Button
          buttonStyle="secondary"
          size="small"
          disabled={busy}
          onClick={() => void run('restore', {}, 'Release restored')}
        >
          Restore release
        </Button>
      )}
      <Button
        buttonStyle="secondary"
        size="small"
        disabled={busy}
        onClick={() => void run('load-recipients', {}, 'Recipients loaded')}
      >
        Load recipients
      </Button>
      <p className="field-description">
        The mail list is filled when the release is created and brought up to date each time it is
        opened; Load recipients refreshes and saves it now (unticked and extra addresses stay).
      </p>
    </div>
  )
}
