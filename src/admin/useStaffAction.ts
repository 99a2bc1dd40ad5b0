'use client'

import { toast, useConfig } from '@payloadcms/ui'
import { useRouter } from 'next/navigation'
import { useCallback, useState } from 'react'

type Answer = Record<string, unknown> & { message?: string; errors?: Array<{ message?: string }> }

export type StaffActionView = {
  /**
   * After a change: `refresh` re-renders the view's server data; `reload` reloads the page, for a
   * change the open edit form must show (a pulled release's status).
   * @default 'refresh'
   */
  afterChange?: 'refresh' | 'reload'
}

/**
 * The admin side of `staffAction`: `run` posts to `/api/<collection>/:id/actions/<action>`,
 * toasts the outcome and refreshes the view; `read` gets a GET action's answer.
 */
export const useStaffAction = (
  collection: string,
  id: number | string | undefined,
  { afterChange = 'refresh' }: StaffActionView = {},
) => {
  const { config } = useConfig()
  const router = useRouter()
  const [busy, setBusy] = useState(false)
  const actionsUrl = `${config.serverURL ?? ''}${config.routes.api}/${collection}/${id}/actions`

  const run = async (action: string, body: unknown, done: string): Promise<Answer | null> => {
    if (id === undefined) return null
    setBusy(true)
    try {
      const response = await fetch(`${actionsUrl}/${action}`, {
        method: 'POST',
        credentials: 'include',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(body),
      })
      const answer = (await response.json().catch(() => ({}))) as Answer
      if (!response.ok) {
        const message = answer.message ?? answer.errors?.[0]?.message
        toast.error(message ?? `The action failed (${response.status})`)
        return null
      }
      toast.success(done)
      if (afterChange === 'reload') window.location.reload()
      else router.refresh()
      return answer
    } finally {
      setBusy(false)
    }
  }

  const read = useCallback(
    async (action: string): Promise<Answer | null> => {
      if (id === undefined) return null
      const response = await fetch(`${actionsUrl}/${action}`, { credentials: 'include' })
      return response.ok ? ((await response.json()) as Answer) : null
    },
    [actionsUrl, id],
  )

  return { run, read, busy }
}
