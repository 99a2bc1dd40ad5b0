'use client'

import { Button, toast, useConfig } from '@payloadcms/ui'
import { useRouter } from 'next/navigation'
import { useState } from 'react'

import { formatTime } from '../../../src/lib/time'

const tasks = ['license-alerts', 'retention', 'deliver-outbox'] as const

/** Above the scheduled runs: run a task now on this instance, and see what it did. */
export const RunNow = () => {
  const { config } = useConfig()
  const router = useRouter()
  const [task, setTask] = useState<(typeof tasks)[number]>('license-alerts')
  const [busy, setBusy] = useState(false)

  const runNow = async () => {
    setBusy(true)
    try {
      const response = await fetch(
        `${config.serverURL}${config.routes.api}/scheduled-runs/run-now`,
        {
          method: 'POST',
          credentials: 'include',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify({ task }),
        },
      )
      const answer = (await response.json().catch(() => ({}))) as {
        message?: string
        result?: unknown
      }
      if (!response.ok) toast.error(answer.message ?? `The run failed (${response.status})`)
      else toast.success(`${task}, ${formatTime(new Date())}: ${JSON.stringify(answer.result)}`)
      router.refresh()
    } finally {
      setBusy(false)
    }
  }

  return (
    <div style={{ display: 'flex', gap: 8, alignItems: 'center', marginBottom: 16 }}>
      <label htmlFor="run-now-task">Task</label>
      <select
        id="run-now-task"
        value={task}
        onChange={(event) => setTask(event.target.value as (typeof tasks)[number])}
      >
        {tasks.map((name) => (
          <option key={name} value={name}>
            {name}
          </option>
        ))}
      </select>
      <Button buttonStyle="secondary" size="small" disabled={busy} onClick={runNow}>
        Run now
      </Button>
    </div>
  )
}
