import type { Config } from 'payload'

import { scheduleTask, withScheduledTask } from '../scheduler'
import { Outbox } from './collections/Outbox'
import { deliverOutbox } from './deliverOutbox'
import { defaultMailersOptions, type MailersPluginOptions } from './types'

export { deliverOutbox } from './deliverOutbox'
export { buildEmailAdapter } from './emailAdapter'
export { queueMail, type QueueMailArgs } from './queueMail'
export { queueComposedMail, type ComposedMail } from './queueComposedMail'
export { queueMails, type MailToQueue } from './queueMails'
export { renderTemplate, type TemplateVariables } from './renderTemplate'

/** The outbox: every mail is rendered from a template, queued once, and delivered by a claim. */
export const mailersPlugin =
  (options: MailersPluginOptions = {}) =>
  (config: Config): Config => {
    const settings = {
      ...defaultMailersOptions,
      ...options,
      publicUrl: (options.publicUrl ?? defaultMailersOptions.publicUrl).replace(/\/$/, ''),
    }
    const withCollections = {
      ...config,
      collections: [...(config.collections ?? []), Outbox],
      custom: { ...config.custom, mailers: settings },
    }
    if (!settings.enabled) return withCollections
    const withTask = withScheduledTask(withCollections, 'deliver-outbox', (payload) =>
      deliverOutbox(payload, { maxAttempts: settings.maxAttempts }),
    )
    if (!settings.scheduleDelivery) return withTask

    return {
      ...withTask,
      onInit: async (payload) => {
        await config.onInit?.(payload)
        scheduleTask(
          payload,
          'deliver-outbox',
          `*/${settings.deliveryIntervalSeconds} * * * * *`,
          () => deliverOutbox(payload, { maxAttempts: settings.maxAttempts }),
        )
      },
    }
  }
