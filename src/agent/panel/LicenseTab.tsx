import { useCallback, useEffect, useState, type FormEvent } from 'react'

import { callDaemon, eventsUrl, type Answer } from './api'
import { styles } from './styles'

type LicenseStatus = {
  state: string
  code: string | null
  fingerprint: string
  daysLeft: number | null
  credits: number | null
  lastCheckAt: string | null
  license: {
    customer: { name: string }
    product: string
    line: string
    type: string
    modules: string[]
    expiresAt: string | null
  } | null
  notifications: Array<{ type: string; at: string; message: string }>
}

const stateLabels: Record<string, string> = {
  unlicensed: 'Not licensed',
  trial: 'Trial',
  valid: 'Licensed',
  expiring: 'Expiring soon',
  grace: 'Licensed (offline, not checked)',
  expired: 'Expired',
  suspended: 'Suspended',
  'no-credit': 'No usage credits left',
  invalid: 'Not valid',
  leased: 'Licensed through the master',
  'lease-lost': 'Lease from the master lost',
}

const useLicenseStatus = () => {
  const [status, setStatus] = useState<LicenseStatus | null>(null)
  const refresh = useCallback(
    () =>
      callDaemon('GET', '/license').then((answer) => {
        if (answer.ok) setStatus(answer.body as LicenseStatus)
      }),
    [],
  )
  useEffect(() => {
    void refresh()
    const events = new EventSource(eventsUrl)
    events.addEventListener('license', () => void refresh())
    return () => events.close()
  }, [refresh])
  return { status, refresh }
}

/**
 * The master modal: a customer account's API key, and at the bottom Login (then a company chooser)
 * and DataDog trial (an email).
 */
const MasterModal = ({
  act,
  close,
}: {
  act: (work: () => Promise<Answer>) => Promise<Answer | null>
  close: () => void
}) => {
  const [apiKey, setApiKey] = useState('')
  const [email, setEmail] = useState('')
  const [companies, setCompanies] = useState<Array<{ id: string | number; name: string }> | null>(
    null,
  )
  const [company, setCompany] = useState('')

  const login = async (event: FormEvent) => {
    event.preventDefault()
    const answer = await act(() => callDaemon('POST', '/license/login', { apiKey }))
    if (answer?.ok) {
      const listed = answer.body.companies as Array<{ id: string | number; name: string }>
      setCompanies(listed)
      setCompany(listed[0] ? String(listed[0].id) : '')
      setApiKey('')
    }
  }
  const choose = async () => {
    const answer = await act(() => callDaemon('POST', '/license/choose', { company }))
    if (answer?.ok) close()
  }
  const trial = async () => {
    const answer = await act(() => callDaemon('POST', '/license/trial', { email }))
    if (answer?.ok) close()
  }

  return (
    <div role="dialog" aria-modal="true" aria-label="Master login" style={styles.modal}>
      <div style={{ ...styles.card, width: 420, marginBottom: 0 }}>
        <h2 style={{ fontSize: 16, marginTop: 0 }}>Master login</h2>
        {companies ? (
          <>
            <label style={styles.field}>
              Company
              <select value={company} onChange={(event) => setCompany(event.target.value)}>
                {companies.map((item) => (
                  <option key={String(item.id)} value={String(item.id)}>
                    {item.name}
                  </option>
                ))}
              </select>
            </label>
            <div style={styles.row}>
              <button
                type="button"
                style={styles.button}
                disabled={!company}
                onClick={() => void choose()}
              >
                Use this company
              </button>
              <button type="button" style={styles.secondary} onClick={close}>
                Cancel
              </button>
            </div>
          </>
        ) : (
          <form onSubmit={(event) => void login(event)}>
            <label style={styles.field}>
              API key
              <input
                type="password"
                autoComplete="off"
                value={apiKey}
                onChange={(event) => setApiKey(event.target.value)}
              />
            </label>
            <label style={styles.field}>
              Email (for a trial)
              <input
                type="email"
                value={email}
                onChange={(event) => setEmail(event.target.value)}
              />
            </label>
            <div style={{ ...styles.row, justifyContent: 'flex-end' }}>
              <button type="button" style={styles.secondary} onClick={close}>
                Cancel
              </button>
              <button
                type="button"
                style={styles.secondary}
                disabled={!email}
                onClick={() => void trial()}
              >
                DataDog trial
              </button>
              <button type="submit" style={styles.button} disabled={!apiKey}>
                Login
              </button>
            </div>
          </form>
        )}
      </div>
    </div>
  )
}

/** The license tab: state and days left, Check license, the master modal, the offline textbox. */
export const LicenseTab = () => {
  const { status, refresh } = useLicenseStatus()
  const [busy, setBusy] = useState(false)
  const [message, setMessage] = useState<string | null>(null)
  const [modalOpen, setModalOpen] = useState(false)
  const [licenseText, setLicenseText] = useState('')

  if (!status) return <p>Loading…</p>

  const act = async (work: () => Promise<Answer>): Promise<Answer | null> => {
    setBusy(true)
    setMessage(null)
    try {
      const answer = await work()
      if (!answer.ok) setMessage(`${answer.body.code}: ${answer.body.message}`)
      return answer
    } finally {
      setBusy(false)
      await refresh()
    }
  }
  const loadFile = async () => {
    const answer = await act(() =>
      callDaemon('POST', '/license/load-file', { licenseFile: licenseText }),
    )
    if (answer?.ok) setLicenseText('')
  }

  return (
    <>
      <section style={styles.card}>
        <p style={{ fontSize: 16, margin: '0 0 6px' }}>
          <strong data-testid="license-state" data-state={status.state}>
            {stateLabels[status.state] ?? status.state}
          </strong>
          {status.daysLeft !== null && status.license ? (
            <span data-testid="license-days-left">
              {' '}
              — {status.daysLeft === 0 ? 'ended' : `${status.daysLeft} days left`}
            </span>
          ) : null}
        </p>
        {status.license ? (
          <p style={{ margin: '0 0 6px' }}>
            {status.license.product} {status.license.line} ({status.license.type}) for{' '}
            {status.license.customer.name}
            {status.license.modules.length > 0
              ? `; modules: ${status.license.modules.join(', ')}`
              : ''}
            {status.credits !== null ? `; ${status.credits} credits` : ''}
          </p>
        ) : null}
        <p style={{ color: '#5b6878', margin: '0 0 12px' }}>
          Installation {status.fingerprint}
          {status.lastCheckAt
            ? `; last checked ${new Date(status.lastCheckAt).toLocaleString()}`
            : ''}
        </p>
        <div style={styles.row}>
          <button
            type="button"
            style={styles.button}
            disabled={busy}
            onClick={() => void act(() => callDaemon('POST', '/license/check'))}
          >
            Check license
          </button>
          <button
            type="button"
            style={styles.secondary}
            disabled={busy}
            onClick={() => {
              setMessage(null)
              setModalOpen(true)
            }}
          >
            Master login…
          </button>
        </div>
        {message ? (
          <p role="alert" style={styles.error}>
            {message}
          </p>
        ) : null}
      </section>
      <section style={styles.card}>
        <label style={styles.field}>
          Offline license
          <textarea
            rows={6}
            value={licenseText}
            placeholder="-----BEGIN LICENSE FILE-----"
            onChange={(event) => setLicenseText(event.target.value)}
            style={{ fontFamily: 'monospace' }}
          />
        </label>
        <button
          type="button"
          style={styles.secondary}
          disabled={busy || licenseText.trim() === ''}
          onClick={() => void loadFile()}
        >
          Load license
        </button>
      </section>
      {modalOpen ? <MasterModal act={act} close={() => setModalOpen(false)} /> : null}
    </>
  )
}
