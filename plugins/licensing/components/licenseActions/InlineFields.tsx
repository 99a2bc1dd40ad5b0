import type { CSSProperties, InputHTMLAttributes, SelectHTMLAttributes } from 'react'

/** How an input inside a sentence looks: like Payload's own inputs, smaller. */
const inlineFieldStyle: CSSProperties = {
  padding: '4px 8px',
  font: 'inherit',
  color: 'var(--theme-elevation-800)',
  background: 'var(--theme-input-bg)',
  border: '1px solid var(--theme-elevation-150)',
  borderRadius: 'var(--style-radius-s)',
}

/** A small input inside a sentence ("Extend by [14] days"). */
export const InlineInput = ({
  width,
  ...props
}: InputHTMLAttributes<HTMLInputElement> & { width: number | string }) => (
  <input {...props} style={{ ...inlineFieldStyle, width }} />
)

/** A small choice inside a sentence ("Convert to [subscription]"). */
export const InlineSelect = (props: SelectHTMLAttributes<HTMLSelectElement>) => (
  <select {...props} style={inlineFieldStyle} />
)
