'use client'

import { useActionState } from 'react'

import { downloadFile } from './downloadFile'
import type { DownloadState } from './downloadState'

/** One file's download button: a form that asks for a fresh short-lived link and follows it. */
export function DownloadButton({ artifactId, label }: { artifactId: number; label: string }) {
  const [state, submit, pending] = useActionState<DownloadState, FormData>(downloadFile, {})
  const errorId = `download-error-${artifactId}`
  return (
    <form action={submit}>
      <input type="hidden" name="artifactId" value={artifactId} />
      <button
        type="submit"
        className="button"
        disabled={pending}
        aria-describedby={state.error ? errorId : undefined}
      >
        {label}
      </button>
      {state.error && (
        <p id={errorId} className="notice notice-danger" role="alert">
          {state.error}
        </p>
      )}
    </form>
  )
}
