'use client'

import { Button, toast, useConfig, useDocumentInfo } from '@payloadcms/ui'
import React, { useEffect, useState } from 'react'

type Answer = { code?: string; message?: string; errors?: Array<{ message: string }> }

/**
 * Sidebar of a release: Pull (choosing the version apps go back to, the previous one by default),
 * Restore, and Load recipients. Each calls the staff endpoint and reloads the document.
 */
export const ReleaseActions: React.FC = () => {
  const { id, savedDocumentData } = useDocumentInfo()
  const { config } = useConfig()
  const [targets, setTargets] = useState<string[]>([])
  const [rollbackTo, setRollbackTo] = useState<string>('')
  const [busy, setBusy] = useState(false)
  const status = savedDocumentData?.status as string | undefined
  const isLive = savedDocumentData?._status === 'published'
  const endpoint = `${config.serverURL ?? ''}${config.routes.api}/releases/${id}`

  useEffect(() => {
    if (!id || status !== 'published') return
    fetch(`${endpoint}/rollback-targets`, { credentials: 'include' })
      .then((response) => (response.ok ? response.json() : { versions: [], default: null }))
      .then((answer: { versions: string[]; default: string | null }) => {
        setTargets(answer.versions)
        setRollbackTo(answer.default ?? '')
      })
      .catch(() => setTargets([]))
  }, [endpoint, id, status])

  if (!id) return <p className="field-description">Save the release to pull, restore or load recipients.</p>

  const run = async (action: string, body: unknown, done: string) => {
    setBusy(true)
    try {
      const response = await fetch(`${endpoint}/${action}`, {
        method: 'POST',
        credentials: 'include',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(body),
      })
      const answer = (await response.json().catch(() => ({}))) as Answer
      if (!response.ok) {
        toast.error(answer.message ?? answer.errors?.[0]?.message ?? `Failed (${response.status})`)
        return
      }
      toast.success(done)
      window.location.reload()
    } finally {
      setBusy(false)
    }
  }

  return (
    <div className="release-actions" style={{ display: 'grid', gap: 'calc(var(--base) / 2)', marginBottom: 'var(--base)' }}>
      <strong>Release actions</strong>
      {status === 'published' && isLive && (
        <>
          <label className="field-label" htmlFor="release-rollback-to">
            Apps on this version go back to
          </label>
          <select id="release-rollback-to" value={rollbackTo} onChange={(event) => setRollbackTo(event.target.value)} disabled={busy}>
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
              if (window.confirm(`Pull this release? Apps on it are sent back to ${rollbackTo || 'nothing'}.`)) {
                void run('pull', { rollbackTo: rollbackTo || null }, 'Release pulled')
              }
            }}
          >
            Pull release
          </Button>
        </>
      )}
      {status === 'pulled' && (
        <Button buttonStyle="secondary" size="small" disabled={busy} onClick={() => void run('restore', {}, 'Release restored')}>
          Restore release
        </Button>
      )}
      <Button buttonStyle="secondary" size="small" disabled={busy} onClick={() => void run('load-recipients', {}, 'Recipients loaded')}>
        Load recipients
      </Button>
      <p className="field-description">
        Load recipients fills the release mail list with every contact of every customer licensed for this product and line
        (unticked addresses and extra ones stay).
      </p>
    </div>
  )
}
