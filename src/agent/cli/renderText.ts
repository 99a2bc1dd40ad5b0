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
  if (typeof answer.url === 'string')
    lines.push(`listening on ${answer.url} (token in ${String(answer.tokenFile)})`)
  for (const key of ['confirmed', 'rolledBack'] as const)
    if (answer[key]) lines.push(`${key}: ${String(answer[key])}`)
  return lines.length > 0 ? lines.join('\n') : 'done'
}
