'use client'

import { Button, useDocumentInfo, useFormFields } from '@payloadcms/ui'
import { useState } from 'react'

import { useStaffAction } from '../../../src/admin/useStaffAction'
import { ActionRow } from './licenseActions/ActionRow'
import { ConfirmedAction } from './licenseActions/ConfirmedAction'
import { countOf } from './licenseActions/count'
import { InlineInput, InlineSelect } from './licenseActions/InlineFields'

const conversionTargets = ['subscription', 'perpetual'] as const
type ConversionTarget = (typeof conversionTargets)[number]

const emptyPack = { clients: '', users: '', credits: '' }

/**
 * Support's actions on a license, one labelled line each: extend, add modules, add a pack,
 * suspend (with a reason) or reinstate, convert a trial. Suspending and converting ask first;
 * each answers with a toast, and the endpoint records it in the license's history.
 */
export const LicenseActions = () => {
  const { id } = useDocumentInfo()
  const { run, busy } = useStaffAction('licenses', id)
  const type = useFormFields(([fields]) => fields.type?.value as string | undefined)
  const formStatus = useFormFields(([fields]) => fields.status?.value as string | undefined)
  // What the last action answered wins over the form until the form catches up.
  const [answered, setAnswered] = useState<{ status?: string; type?: string }>({})
  const status = answered.status ?? formStatus
  const currentType = answered.type ?? type
  const [days, setDays] = useState('14')
  const [modules, setModules] = useState('')
  const [pack, setPack] = useState(emptyPack)
  const [reason, setReason] = useState('')
  const [convertTo, setConvertTo] = useState<ConversionTarget>('subscription')
  if (id === undefined) return null

  const act = async (action: string, body: unknown, done: string) => {
    const answer = await run(action, body, done)
    const license = answer?.license as { status?: string; type?: string } | undefined
    if (license) setAnswered({ status: license.status, type: license.type })
    return answer
  }
  const extendDays = countOf(days) || 14
  const moduleNames = modules
    .split(',')
    .map((name) => name.trim())
    .filter(Boolean)
  const packCounts = {
    clients: countOf(pack.clients),
    users: countOf(pack.users),
    credits: countOf(pack.credits),
  }
  const packIsEmpty = packCounts.clients + packCounts.users + packCounts.credits === 0

  return (
    <section
      className="license-actions"
      aria-label="License actions"
      style={{ marginBottom: 'var(--base)' }}
    >
      <h4 style={{ margin: '0 0 calc(var(--base) / 4)' }}>License actions</h4>

      {currentType !== 'perpetual' && (
        <ActionRow
          button={
            <Button
              buttonStyle="secondary"
              size="small"
              margin={false}
              disabled={busy}
              onClick={() => act('extend', { days: extendDays }, `Extended by ${extendDays} days`)}
            >
              Extend
            </Button>
          }
        >
          <label htmlFor="license-extend-days">Extend by</label>
          <InlineInput
            id="license-extend-days"
            type="number"
            min={1}
            width={64}
            value={days}
            onChange={(event) => setDays(event.target.value)}
          />
          days
        </ActionRow>
      )}

      <ActionRow
        button={
          <Button
            buttonStyle="secondary"
            size="small"
            margin={false}
            disabled={busy || moduleNames.length === 0}
            onClick={async () => {
              if (
                await act(
                  'add-modules',
                  { modules: moduleNames },
                  `Added ${moduleNames.join(', ')}`,
                )
              )
                setModules('')
            }}
          >
            Add
          </Button>
        }
      >
        <label htmlFor="license-add-modules">Add modules</label>
        <InlineInput
          id="license-add-modules"
          placeholder="reporting, sla"
          width="100%"
          value={modules}
          onChange={(event) => setModules(event.target.value)}
        />
      </ActionRow>

      <ActionRow
        button={
          <Button
            buttonStyle="secondary"
            size="small"
            margin={false}
            disabled={busy || packIsEmpty}
            onClick={async () => {
              if (await act('add-pack', packCounts, 'Pack added')) setPack(emptyPack)
            }}
          >
            Add
          </Button>
        }
      >
        <span style={{ width: '100%' }}>Add pack:</span>
        <span
          style={{ display: 'grid', gridTemplateColumns: 'repeat(3, 1fr)', gap: 6, width: '100%' }}
        >
          {(['clients', 'users', 'credits'] as const).map((part) => (
            <label key={part} style={{ display: 'grid', gap: 2 }}>
              {part}
              <InlineInput
                type="number"
                min={0}
                width="100%"
                value={pack[part]}
                onChange={(event) => setPack({ ...pack, [part]: event.target.value })}
              />
            </label>
          ))}
        </span>
      </ActionRow>

      {status === 'suspended' ? (
        <ActionRow
          button={
            <Button
              buttonStyle="primary"
              size="small"
              margin={false}
              disabled={busy}
              onClick={() => act('reinstate', {}, 'License reinstated')}
            >
              Reinstate
            </Button>
          }
        >
          Suspended: every check answers SUSPENDED.
        </ActionRow>
      ) : (
        <ActionRow
          button={
            <ConfirmedAction
              slug="license-suspend"
              label="Suspend…"
              disabled={busy}
              heading="Suspend this license?"
              confirmLabel="Suspend"
              body={
                <>
                  <p>Every check will answer SUSPENDED until it is reinstated.</p>
                  <label htmlFor="license-suspend-reason">Reason (kept in the history)</label>
                  <textarea
                    id="license-suspend-reason"
                    rows={3}
                    value={reason}
                    onChange={(event) => setReason(event.target.value)}
                    style={{ width: '100%', font: 'inherit', marginTop: 4 }}
                  />
                </>
              }
              onConfirm={async () => {
                const text = reason.trim()
                if (await act('suspend', text ? { reason: text } : {}, 'License suspended'))
                  setReason('')
              }}
            />
          }
        >
          Suspend, with a reason
        </ActionRow>
      )}

      {currentType === 'trial' && (
        <ActionRow
          button={
            <ConfirmedAction
              slug="license-convert"
              label="Convert…"
              disabled={busy}
              heading={`Convert this trial to ${convertTo}?`}
              confirmLabel="Convert"
              body={
                <p>
                  {convertTo === 'perpetual'
                    ? 'It will never expire.'
                    : 'It will run for a year from today.'}
                </p>
              }
              onConfirm={() => act('convert', { to: convertTo }, `Converted to ${convertTo}`)}
            />
          }
        >
          <label htmlFor="license-convert-to">Convert to</label>
          <InlineSelect
            id="license-convert-to"
            value={convertTo}
            onChange={(event) => setConvertTo(event.target.value as ConversionTarget)}
          >
            {conversionTargets.map((target) => (
              <option key={target} value={target}>
                {target}
              </option>
            ))}
          </InlineSelect>
        </ActionRow>
      )}
    </section>
  )
}
