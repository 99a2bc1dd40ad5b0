'use client'

import { toast, useConfig } from '@payloadcms/ui'
import { useRouter } from 'next/navigation'
import { useState } from 'react'

/** Posts a one-click action to a staff endpoint, reports the outcome, and reloads the view. */
export const useStaffAction = (collection: 'licenses' | 'customers', id: number | string | undefined) => {
  const { config } = useConfig()
  const router = useRouter()
  const [busy, setBusy] = useState(false)

  const run = async (action: string, body: Record<string, unknown>, done: string): Promise<Record<string, unknown> | null> => {
    if (id === undefined) return null
    setBusy(true)
    try {
      const response = await fetch(`${config.serverURL}${config.routes.api}/${collection}/${id}/actions/${action}`, {
        method: 'POST',
        credentials: 'include',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(body),
      })
      const answer = (await response.json().catch(() => ({}))) as { message?: string } & Record<string, unknown>
      if (!response.ok) {
        toast.error(answer.message ?? `The action failed (${response.status})`)
        return null
      }
      toast.success(done)
      router.refresh()
      return answer
    } finally {
      setBusy(false)
    }
  }
  return { run, busy }
}
