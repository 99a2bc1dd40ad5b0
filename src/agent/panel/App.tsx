import { useState, type ChangeEvent } from 'react'

import { callDaemon, type Answer } from './api'
import { LicenseTab } from './LicenseTab'
import { styles } from './styles'
import { useAgentStatus, type Progress, type Target } from './useAgentStatus'

const stateOf = (target: Target): string =>
  target.state === 'error' ? (target.lastGoodState ?? 'idle') : target.state

const labels: Record<string, string> = {
  idle: 'Not checked yet',
  checking: 'Checking…',
  'up-to-date': 'Up to date',
  available: 'Update available',
  downloading: 'Downloading…',
  downloaded: 'Ready to install',
  installing: 'Installing…',
  installed: 'Installed',
}

const ProgressBar = ({ progress }: { progress?: { bytes: number; total: number } }) => {
  if (!progress) return null
  const percent = progress.total > 0 ? Math.floor((progress.bytes / progress.total) * 100) : 100
  return (
    <progress aria-label="Download progress" max={100} value={percent} style={{ width: 120 }} />
  )
}

const TargetRow = ({ target, progress }: { target: Target; progress: Progress }) => (
  <tr data-target={target.target}>
    <td style={styles.cell}>
      {target.target === 'app' ? target.product : target.target.replace('collector:', 'Collector ')}
    </td>
    <td style={styles.cell}>{target.version}</td>
    <td style={styles.cell} data-testid={`state-${target.target}`}>
      {labels[stateOf(target)] ?? stateOf(target)}
      {target.available && ['available', 'downloading', 'downloaded'].includes(stateOf(target))
        ? ` → ${target.available.version}${target.available.critical ? ' (critical)' : ''}`
        : ''}
      {stateOf(target) === 'downloading' ? (
        <>
          {' '}
          <ProgressBar progress={progress[target.target]} />
        </>
      ) : null}
      {target.error ? (
        <div style={styles.error}>
          {target.error.code}: {target.error.message}
        </div>
      ) : null}
    </td>
  </tr>
)

/** The reference settings page V6 and V7 embed (in a web view) or imitate. */
export const App = () => {
  const { status, setStatus, progress, refresh } = useAgentStatus()
  const [busy, setBusy] = useState(false)
  const [message, setMessage] = useState<string | null>(null)
  const [tab, setTab] = useState<'updates' | 'license'>('updates')

  const tabs = (
    <nav role="tablist" aria-label="Agent" style={{ ...styles.row, marginBottom: 8 }}>
      {(['updates', 'license'] as const).map((name) => (
        <button
          key={name}
          type="button"
          role="tab"
          aria-selected={tab === name}
          onClick={() => setTab(name)}
          style={{
            ...styles.tab,
            ...(tab === name ? { borderBottomColor: '#2f6fdb', fontWeight: 600 } : {}),
          }}
        >
          {name === 'updates' ? 'Updates' : 'License'}
        </button>
      ))}
    </nav>
  )
  if (tab === 'license')
    return (
      <main style={styles.page}>
        {tabs}
        <h1 style={{ fontSize: 20 }}>License</h1>
        <LicenseTab />
      </main>
    )
  if (!status) return <main style={styles.page}>Loading…</main>

  const act = async (work: () => Promise<Answer>) => {
    setBusy(true)
    setMessage(null)
    try {
      const answer = await work()
      if (!answer.ok) setMessage(`${answer.body.code}: ${answer.body.message}`)
    } finally {
      setBusy(false)
      await refresh()
    }
  }
  const setSetting =
    (name: 'autoDownload' | 'autoInstall') => (event: ChangeEvent<HTMLInputElement>) => {
      const checked = event.target.checked
      // Shown at once; the daemon's answer (or refusal) replaces it when the status is read again.
      setStatus({ ...status, settings: { ...status.settings, [name]: checked } })
      void act(() => callDaemon('PUT', '/settings', { [name]: checked }))
    }
  const upload = (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0]
    event.target.value = ''
    if (file)
      void act(() => callDaemon('POST', '/install-package', file, 'application/octet-stream'))
  }

  const states = status.targets.map(stateOf)
  const canDownload = states.includes('available')
  const downloading = states.includes('downloading')
  // One button for the whole installation: Download while anything is left to fetch, then Install.
  const canInstall = states.includes('downloaded') && !canDownload && !downloading

  return (
    <main style={styles.page}>
      {tabs}
      <h1 style={{ fontSize: 20 }}>Updates</h1>
      <section style={styles.card}>
        <label style={{ display: 'block', marginBottom: 6 }}>
          <input
            type="checkbox"
            checked={status.settings.autoDownload}
            onChange={setSetting('autoDownload')}
            disabled={busy}
          />{' '}
          Auto-download updates
        </label>
        <label style={{ display: 'block' }}>
          <input
            type="checkbox"
            checked={status.settings.autoInstall}
            onChange={setSetting('autoInstall')}
            disabled={busy}
          />{' '}
          Auto-install updates
        </label>
        <p style={{ color: '#5b6878', marginBottom: 0 }}>
          Checks every {status.settings.checkIntervalHours} h on the {status.settings.channel}{' '}
          channel
          {status.lastCheckAt
            ? `; last checked ${new Date(status.lastCheckAt).toLocaleString()}`
            : ''}
          .
        </p>
      </section>
      <section style={styles.card}>
        <div style={styles.row}>
          <button
            type="button"
            style={styles.secondary}
            disabled={busy}
            onClick={() => void act(() => callDaemon('POST', '/check'))}
          >
            Check
          </button>
          {canInstall ? (
            <button
              type="button"
              style={styles.button}
              disabled={busy}
              onClick={() => void act(() => callDaemon('POST', '/install', {}))}
            >
              Install
            </button>
          ) : (
            <button
              type="button"
              style={styles.button}
              disabled={busy || downloading || !canDownload}
              onClick={() => void act(() => callDaemon('POST', '/download', {}))}
            >
              Download
            </button>
          )}
          <label style={styles.secondary}>
            Upload update package
            <input
              type="file"
              aria-label="Upload update package"
              onChange={upload}
              disabled={busy}
              style={{ display: 'none' }}
            />
          </label>
        </div>
        {message ? (
          <p role="alert" style={styles.error}>
            {message}
          </p>
        ) : null}
        <table style={{ ...styles.table, marginTop: 12 }}>
          <thead>
            <tr>
              <th style={styles.cell}>Component</th>
              <th style={styles.cell}>Installed</th>
              <th style={styles.cell}>State</th>
            </tr>
          </thead>
          <tbody>
            {status.targets.map((target) => (
              <TargetRow key={target.target} target={target} progress={progress} />
            ))}
          </tbody>
        </table>
      </section>
      <section style={styles.card}>
        <h2 style={{ fontSize: 16, marginTop: 0 }}>Notifications</h2>
        <ul aria-label="Notifications" style={{ paddingLeft: 18, margin: 0 }}>
          {[...status.notifications]
            .reverse()
            .slice(0, 10)
            .map((notification) => (
              <li
                key={`${notification.at}-${notification.type}-${notification.target}`}
                data-type={notification.type}
              >
                <time style={{ color: '#5b6878' }}>
                  {new Date(notification.at).toLocaleTimeString()}
                </time>{' '}
                {notification.message}
                {notification.target !== 'app' ? ` (${notification.target})` : ''}
              </li>
            ))}
        </ul>
      </section>
    </main>
  )
}
