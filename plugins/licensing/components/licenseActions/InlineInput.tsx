import type { InputHTMLAttributes } from 'react'

/** A small input inside a sentence ("Extend by [14] days"), drawn like Payload's own inputs. */
export const InlineInput = ({
  width,
  ...props
}: InputHTMLAttributes<HTMLInputElement> & { width: number | string }) => (
  <input
    {...props}
    style={{
      width,
      padding: '4px 8px',
      font: 'inherit',
      color: 'var(--theme-elevation-800)',
      background: 'var(--theme-input-bg)',
      border: '1px solid var(--theme-elevation-150)',
      borderRadius: 'var(--style-radius-s)',
    }}
  />
)
