import type { CollectionConfig, Config } from 'payload'

import { refuseControlCharacters } from '../../collections/validation/refuseControlCharacters'

import { answerMissingFile } from './answerMissingFile'
import { noEmailVerification } from './endpoints/noEmailVerification'
import { answerWithCode } from './hooks/answerWithCode'
import { guardOperation } from './hooks/guardOperation'
import type { ApiGuardOptions } from './types'

export { guardGraphqlRoute } from './guardGraphqlRoute'
export { InputRefused, refusalCodeOf, type RefusalCode } from './refusal'
export type { ApiGuardOptions } from './types'

const verifiesEmail = (collection: CollectionConfig): boolean =>
  typeof collection.auth === 'object' && Boolean(collection.auth.verify)

const guardCollection = (collection: CollectionConfig): CollectionConfig => {
  const upload =
    typeof collection.upload === 'object' ? collection.upload : collection.upload ? {} : undefined
  const storedOnDisk = upload && !upload.disableLocalStorage && upload.staticDir
  return {
    ...collection,
    fields: refuseControlCharacters(collection.fields),
    hooks: {
      ...collection.hooks,
      beforeOperation: [...(collection.hooks?.beforeOperation ?? []), guardOperation],
    },
    ...(collection.auth && !verifiesEmail(collection) && collection.endpoints !== false
      ? { endpoints: [...(collection.endpoints ?? []), noEmailVerification] }
      : {}),
    ...(storedOnDisk
      ? {
          upload: {
            ...upload,
            handlers: [...(upload.handlers ?? []), answerMissingFile(upload.staticDir!)],
          },
        }
      : {}),
  }
}

/**
 * Odd input to Payload's own REST and GraphQL API (a page past any offset, a date that is none, an
 * operator SQL does not have, a body that is not a document) is a 4xx in Payload's error format
 * with a stable `code`, never a 500 from the database driver; no text field stores control
 * characters. Put it after the plugins that add
 * collections or storage handlers, so it sees them all.
 */
export const apiGuardPlugin =
  ({ enabled = true }: ApiGuardOptions = {}) =>
  (config: Config): Config => {
    if (!enabled) return config
    return {
      ...config,
      collections: (config.collections ?? []).map(guardCollection),
      hooks: { ...config.hooks, afterError: [...(config.hooks?.afterError ?? []), answerWithCode] },
      // A refused request is the caller's mistake, not an error for staff.
      loggingLevels: { ...config.loggingLevels, InputRefused: 'info' } as Config['loggingLevels'],
    }
  }
