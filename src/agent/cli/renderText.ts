type Target = {
  target: string
  product: string
  version: string
  state: string
  available?: { version: string; critical: boolean }
  error?: { code: string; message: string }
  progress?: { bytes: number; total: number }
}
type NotificationLine = {
  type: string
  target: string
  version: string | null
  at: string
  message: string
}

const targetLine = (target: Target): string => {
  const parts = [
    `${target.target.padEnd(18)} ${target.product} ${target.version}`.padEnd(40),
    target.state,
  ]
  if (target.available && ['available', 'downloaded', 'downloading'].includes(target.state))
    parts.push(`→ ${target.available.version}${target.available.critical ? ' (critical)' : ''}`)
  if (target.error) parts.push(`${target.error.code}: ${target.error.message}`)
  return parts.join('  ')
}

/** The readable form of a command's answer (the same fields as its JSON). */
export const renderText = (answer: Record<string, unknown>): string => {
  const lines: string[] = []
  if (typeof answer.code === 'string') lines.push(`${answer.code}: ${String(answer.message ?? '')}`)
  if (answer.settings && typeof answer.settings === 'object') {
    const settings = answer.settings as Record<string, unknown>
    lines.push(
      `auto-download ${settings.autoDownload ? 'on' : 'off'}, auto-install ${settings.autoInstall ? 'on' : 'off'}, check every ${settings.checkIntervalHours} h, channel ${settings.channel}`,
    )
  }
  if (Array.isArray(answer.targets)) lines.push(...(answer.targets as Target[]).map(targetLine))
  if (Array.isArray(answer.installed) && answer.installed.length > 0)
    lines.push(`installed: ${(answer.installed as string[]).join(', ')}`)
  if (answer.installAt === 'next-launch') lines.push('will install at the next launch')
  if (Array.isArray(answer.notifications)) {
    for (const notification of (answer.notifications as NotificationLine[]).slice(-10))
      lines.push(
        `${notification.at}  ${notification.type}  ${notification.target}  ${notification.message}`,
      )
  }
  // The license manager's answers (license …) and the relay's.
  if (typeof answer.state === 'string' && typeof answer.fingerprint === 'string') {
    const license = answer.license as {
      customer: { name: string }
      product: string
      line: string
      type: string
    } | null
    lines.push(
      [
        `license ${answer.state}`,
        license
          ? `${license.product} ${license.line} (${license.type}) for ${license.customer.name}`
          : null,
        typeof answer.daysLeft === 'number' ? `${answer.daysLeft} days left` : null,
        typeof answer.credits === 'number' ? `${answer.credits} credits` : null,
        `installation ${answer.fingerprint}`,
      ]
        .filter(Boolean)
        .join(', '),
    )
  }
  if (Array.isArray(answer.companies))
    for (const company of answer.companies as Array<{ id: unknown; name: string }>)
      lines.push(`${String(company.id).padEnd(8)} ${company.name}`)
  if (answer.use && typeof answer.use === 'object') {
    const use = answer.use as { code: string; quantity: number; remaining: number | null }
    lines.push(`use ${use.code}: ${use.quantity}, ${use.remaining ?? '—'} credits left`)
  }
  if (typeof answer.secret === 'string') lines.push(`pairing secret: ${answer.secret}`)
  if (typeof answer.relayUrl === 'string') lines.push(`relay listening on ${answer.relayUrl}`)
  if (typeof answer.url === 'string')
    lines.push(`listening on ${answer.url} (token in ${String(answer.tokenFile)})`)
  for (const key of ['confirmed', 'rolledBack'] as const)
    if (answer[key]) lines.push(`${key}: ${String(answer[key])}`)
  return lines.length > 0 ? lines.join('\n') : 'done'
}
