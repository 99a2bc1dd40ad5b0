'use client'

import { useState } from 'react'

/**
 * Copies the text of the element `targetId` (the license file's box). Drawn only once JavaScript
 * runs: without it the box is there to select and copy by hand.
 */
export const CopyButton = ({ targetId, label }: { targetId: string; label: string }) => {
  const [copied, setCopied] = useState<boolean | null>(null)
  const copy = async () => {
    const target = document.getElementById(targetId) as HTMLTextAreaElement | null
    if (!target) return
    try {
      await navigator.clipboard.writeText(target.value)
      setCopied(true)
    } catch {
      target.select()
      setCopied(false)
    }
  }
  return (
    <>
      <button type="button" className="button" onClick={copy}>
        {label}
      </button>
      <span role="status">
        {copied === true ? 'Copied.' : copied === false ? 'Selected: press Ctrl+C to copy.' : ''}
      </span>
    </>
  )
}
