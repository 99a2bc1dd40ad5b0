'use client'

import { useRowLabel } from '@payloadcms/ui'

type Recipient = { email?: string | null; include?: boolean | null }

/** A recipient row reads as its address (and whether it is left out), even when collapsed. */
export const RecipientRowLabel = () => {
  const { data, rowNumber } = useRowLabel<Recipient>()
  const email = data?.email?.trim()
  // Payload's own class: its row header styles the label and lets clicks through to the toggle.
  if (!email)
    return (
      <span className="row-label" style={{ pointerEvents: 'none' }}>
        Recipient {String((rowNumber ?? 0) + 1).padStart(2, '0')}
      </span>
    )
  return (
    <span className="row-label" style={{ pointerEvents: 'none' }}>
      {email}
      {data?.include === false ? ' (left out)' : ''}
    </span>
  )
}
