'use client'

import { Button, useDocumentInfo, useFormFields } from '@payloadcms/ui'
import { useState } from 'react'

import { useStaffAction } from '../../../src/admin/useStaffAction'

const numberOrZero = (text: string): number => Math.max(0, Math.floor(Number(text) || 0))

/**
 * Support's one-click actions on a license: extend, add modules or a pack, suspend/reinstate,
 * convert.
 */
export const LicenseActions = () => {
  const { id } = useDocumentInfo()
  const { run, busy } = useStaffAction('licenses', id)
  const type = useFormFields(([fields]) => fields.type?.value as string | undefined)
  const status = useFormFields(([fields]) => fields.status?.value as string | undefined)
  const [days, setDays] = useState('14')
  const [modules, setModules] = useState('')
  const [pack, setPack] = useState({ clients: '', users: '', credits: '' })
  if (id === undefined) return null

  return (
    <div
      className="license-actions"
      style={{ display: 'flex', flexWrap: 'wrap', gap: 8, alignItems: 'center' }}
    >
      {type !== 'perpetual' && (
        <span>
          <input
            aria-label="Days to add"
            type="number"
            min={1}
            value={days}
            onChange={(event) => setDays(event.target.value)}
            style={{ width: 56 }}
          />
          <Button
            buttonStyle="secondary"
            size="small"
            disabled={busy}
            onClick={() =>
              run(
                'extend',
                { days: numberOrZero(days) || 14 },
                `Extended by ${numberOrZero(days) || 14} days`,
              )
            }
          >
            Extend
          </Button>
        </span>
      )}
      <span>
        <input
          aria-label="Modules to add"
          placeholder="module, module"
          value={modules}
          onChange={(event) => setModules(event.target.value)}
          style={{ width: 140 }}
        />
        <Button
          buttonStyle="secondary"
          size="small"
          disabled={busy || !modules.trim()}
          onClick={async () => {
            const names = modules
              .split(',')
              .map((name) => name.trim())
              .filter(Boolean)
            if (await run('add-modules', { modules: names }, `Added ${names.join(', ')}`))
              setModules('')
          }}
        >
          Add modules
        </Button>
      </span>
      <span>
        {(['clients', 'users', 'credits'] as const).map((part) => (
          <input
            key={part}
            aria-label={`Extra ${part}`}
            placeholder={`+${part}`}
            type="number"
            min={0}
            value={pack[part]}
            onChange={(event) => setPack({ ...pack, [part]: event.target.value })}
            style={{ width: 72 }}
          />
        ))}
        <Button
          buttonStyle="secondary"
          size="small"
          disabled={busy}
          onClick={async () => {
            const body = {
              clients: numberOrZero(pack.clients),
              users: numberOrZero(pack.users),
              credits: numberOrZero(pack.credits),
            }
            if (await run('add-pack', body, 'Pack added'))
              setPack({ clients: '', users: '', credits: '' })
          }}
        >
          Add pack
        </Button>
      </span>
      {status === 'suspended' ? (
        <Button
          buttonStyle="primary"
          size="small"
          disabled={busy}
          onClick={() => run('reinstate', {}, 'License reinstated')}
        >
          Reinstate
        </Button>
      ) : (
        <Button
          buttonStyle="error"
          size="small"
          disabled={busy}
          onClick={() =>
            window.confirm('Suspend this license? Every check will answer SUSPENDED.') &&
            run('suspend', {}, 'License suspended')
          }
        >
          Suspend
        </Button>
      )}
      {type === 'trial' && (
        <>
          <Button
            buttonStyle="secondary"
            size="small"
            disabled={busy}
            onClick={() => run('convert', { to: 'subscription' }, 'Converted to a subscription')}
          >
            Convert to subscription
          </Button>
          <Button
            buttonStyle="secondary"
            size="small"
            disabled={busy}
            onClick={() => run('convert', { to: 'perpetual' }, 'Converted to perpetual')}
          >
            Convert to perpetual
          </Button>
        </>
      )}
    </div>
  )
}
