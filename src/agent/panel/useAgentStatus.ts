import { useCallback, useEffect, useState } from 'react'

import { callDaemon, eventsUrl } from './api'

export type Target = {
  target: string
  product: string
  version: string
  state: string
  lastGoodState?: string
  error?: { phase: string; code: string; message: string }
  available?: { version: string; critical: boolean; size: number; notesUrl: string | null }
}
export type Notification = {
  type: string
  target: string
  version: string | null
  at: string
  message: string
  code?: string
}
export type Status = {
  settings: {
    autoDownload: boolean
    autoInstall: boolean
    checkIntervalHours: number
    channel: string
  }
  targets: Target[]
  notifications: Notification[]
  lastCheckAt: string | null
}
export type Progress = Record<string, { bytes: number; total: number }>

/**
 * The daemon's status, kept current by its event stream (states, notifications, download progress).
 */
export const useAgentStatus = () => {
  const [status, setStatus] = useState<Status | null>(null)
  const [progress, setProgress] = useState<Progress>({})
  const refresh = useCallback(
    () =>
      callDaemon('GET', '/status').then((answer) => {
        if (answer.ok) setStatus(answer.body as Status)
      }),
    [],
  )

  useEffect(() => {
    void refresh()
    const events = new EventSource(eventsUrl)
    events.addEventListener('progress', (event) => {
      const { target, bytes, total } = JSON.parse((event as MessageEvent).data)
      setProgress((current) => ({ ...current, [target]: { bytes, total } }))
    })
    events.addEventListener('state', () => void refresh())
    events.addEventListener('notification', () => void refresh())
    return () => events.close()
  }, [refresh])

  return { status, setStatus, progress, refresh }
}
