import type { ReactNode } from 'react'

/** One action of the panel: what it does in words, with its inputs inline, and its button. */
export const ActionRow = ({ children, button }: { children: ReactNode; button: ReactNode }) => (
  <div
    className="license-actions__row"
    style={{
      display: 'flex',
      flexWrap: 'wrap',
      alignItems: 'center',
      gap: 'calc(var(--base) / 3)',
      padding: 'calc(var(--base) / 2) 0',
      borderBottom: '1px solid var(--theme-elevation-100)',
    }}
  >
    <span style={{ display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: 6, flex: 1 }}>
      {children}
    </span>
    {button}
  </div>
)
