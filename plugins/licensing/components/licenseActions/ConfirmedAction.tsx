'use client'

import { Button, ConfirmationModal, useModal } from '@payloadcms/ui'
import type { ReactNode } from 'react'

/**
 * A button whose action changes what the license allows: it first asks, in Payload's own
 * confirmation dialog (`body` may hold inputs, such as a reason), and acts only on "Confirm".
 */
export const ConfirmedAction = ({
  slug,
  label,
  heading,
  body,
  confirmLabel,
  disabled,
  onConfirm,
}: {
  slug: string
  label: string
  heading: string
  body: ReactNode
  confirmLabel: string
  disabled?: boolean
  onConfirm: () => Promise<unknown>
}) => {
  const { openModal } = useModal()
  return (
    <>
      <Button
        buttonStyle="secondary"
        size="small"
        margin={false}
        disabled={disabled}
        onClick={() => openModal(slug)}
      >
        {label}
      </Button>
      <ConfirmationModal
        modalSlug={slug}
        heading={heading}
        body={body}
        confirmLabel={confirmLabel}
        onConfirm={async () => {
          await onConfirm()
        }}
      />
    </>
  )
}
