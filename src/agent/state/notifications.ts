import type { AgentState, Notification, NotificationType } from './types'

const kept = 50

const messages: Record<NotificationType, (version: string | null) => string> = {
  'update-available': (version) => `A new version was found: ${version}`,
  'update-downloaded': (version) => `Version ${version} is downloaded and ready to install`,
  'update-installing': (version) => `Installation of ${version} will start`,
  'update-installed': (version) => `Version ${version} is installed`,
  'update-not-available': (version) => `Up to date (${version})`,
  'license-expiring': () => 'The license expires soon',
  'license-expired': () => 'The license has expired',
  'license-changed': () => 'The license state changed',
  'credit-low': () => 'Usage credits are running low',
  'credit-exhausted': () => 'No usage credits left',
  'lease-acquired': () => 'A seat was leased from the master',
  'lease-lost': () => 'The lease from the master was lost',
  error: () => 'The update failed',
}

/** Appends a notification to the state (newest last, the latest 50 kept) and returns it. */
export const addNotification = (
  state: AgentState,
  {
    type,
    target,
    version,
    message,
    code,
    at = new Date(),
    ...extra
  }: {
    type: NotificationType
    target: string
    version: string | null
    message?: string
    code?: string
    at?: Date
  } & Pick<Notification, 'daysLeft' | 'from' | 'to' | 'credits'>,
): Notification => {
  const notification: Notification = {
    type,
    target,
    version,
    at: at.toISOString(),
    message: message ?? messages[type](version),
    ...(code ? { code } : {}),
    ...extra,
  }
  state.notifications.push(notification)
  state.notifications.splice(0, Math.max(0, state.notifications.length - kept))
  return notification
}
