'use client'

import { useSyncExternalStore } from 'react'

import { CopyButton } from './CopyButton'

const subscribe = () => () => {}

/** The copy button, only in a browser that runs JavaScript (the server draws nothing). */
export const CopyButtonSlot = (props: { targetId: string; label: string }) => {
  const inBrowser = useSyncExternalStore(
    subscribe,
    () => true,
    () => false,
  )
  return inBrowser ? <CopyButton {...props} /> : null
}
