import type { CollectionConfig, Config, Field } from 'payload'

import { staffField } from '../../collections/access/fieldAccess'
import { deleteReferencing } from '../../collections/hooks/deleteReferencing'
import { refuseDeleteWhileReferenced } from '../../collections/hooks/refuseDeleteWhileReferenced'
import { ReleaseEvents } from './collections/ReleaseEvents'
import { SignedManifests } from './collections/SignedManifests'
import { UpdateChannels } from './collections/UpdateChannels'
import { downloadEndpoint, downloadFileEndpoint } from './endpoints/downloads'
import { manifestEndpoint } from './endpoints/manifest'
import { offlineBundleEndpoint } from './endpoints/offlineBundle'
import { releaseActionEndpoints } from './endpoints/releaseActions'
import { bumpOnArtifactChange, bumpOnArtifactDelete } from './manifests/bumpOnArtifactChange'
import { bumpOnReleaseChange, bumpOnReleaseDelete } from './manifests/bumpOnReleaseChange'
import { fillGlobalRecipients, queueMailsOnPublish } from './releaseMails/releaseMails'
import { refreshRecipientsOnOpen } from './releaseMails/refreshRecipientsOnOpen'
import { withScheduledTask } from '../scheduler'
import { applyRetention } from './retention/applyRetention'
import { scheduleRetention } from './retention/retentionTask'
import { resolveUpdatesOptions, type UpdatesPluginOptions, type UpdatesSettings } from './types'

export { applyRetention, type RetentionReport } from './retention/applyRetention'
export { buildManifest } from './manifests/buildManifest'
export {
  buildOfflineBundle,
  type OfflineBundle,
  type OfflineBundleQuery,
} from './offlineBundles/buildOfflineBundle'
export { bumpSequences, readSequence, type ChannelOfLine } from './manifests/bumpSequence'
export { channelsSeeing, channelsVisibleTo } from './channels'
export { artifactFileResponse } from './downloads/artifactFileResponse'
export { authorizeDownload, type AuthorizedDownload } from './downloads/authorizeDownload'
export { issueDownloadToken, verifyDownloadToken } from './downloads/downloadToken'
export {
  findReleaseDownloads,
  findReleaseFiles,
  type DownloadDecision,
  type ReleaseDownloads,
  type ReleaseFile,
  type ReleaseOnPage,
} from './downloads/releaseDownloads'
export {
  checkDirectLinkKey,
  keyRefusedMessage,
  type DirectLinkDownloads,
  type OpenedFile,
} from './downloads/checkDirectLinkKey'
export { directLinkOf, type ReleaseAddress } from './directLink'
export {
  assertDownloadAllowed,
  downloadRefusal,
  type DownloadCredentials,
} from './downloads/entitlement'
export { loadReleaseRecipients } from './releaseMails/loadReleaseRecipients'
export {
  getManifest,
  ManifestCache,
  type ManifestAnswer,
  type ManifestQuery,
} from './manifests/manifestCache'
export { queueReleaseMails, releaseMailKey } from './releaseMails/queueReleaseMails'
export { findGlobalRecipients, mergeRecipients } from './releaseMails/releaseRecipients'
export {
  pullRelease,
  restoreRelease,
  type PullReleaseArgs,
  type RestoreReleaseArgs,
} from './releases/releaseState'
export { findRollbackTargets } from './releases/rollbackTargets'
export { runDailyRetention } from './retention/retentionTask'
export type { UpdatesPluginOptions } from './types'

/** Release history shown on the release: pulls and restores, newest first. */
const releaseEventsField: Field = {
  name: 'events',
  type: 'join',
  collection: 'release-events',
  on: 'release',
  admin: { defaultColumns: ['action', 'summary', 'actor', 'createdAt'] },
  access: { read: staffField },
}

/** Pull / Restore / Load recipients, in the release's sidebar. */
const releaseActionsField: Field = {
  name: 'releaseActions',
  type: 'ui',
  admin: {
    position: 'sidebar',
    components: { Field: '/plugins/updates/components/ReleaseActions#ReleaseActions' },
  },
}

const withReleaseBehaviour = (collection: CollectionConfig, enabled: boolean): CollectionConfig => {
  const hooks = collection.hooks ?? {}
  return {
    ...collection,
    fields: [...collection.fields, releaseEventsField, ...(enabled ? [releaseActionsField] : [])],
    hooks: {
      ...hooks,
      // A deleted release's history goes with it; retention archives releases, it never deletes
      // them.
      beforeDelete: [...(hooks.beforeDelete ?? []), deleteReferencing('release-events', 'release')],
      ...(enabled
        ? {
            beforeChange: [...(hooks.beforeChange ?? []), fillGlobalRecipients],
            afterChange: [...(hooks.afterChange ?? []), bumpOnReleaseChange, queueMailsOnPublish],
            afterRead: [...(hooks.afterRead ?? []), refreshRecipientsOnOpen],
            afterDelete: [...(hooks.afterDelete ?? []), bumpOnReleaseDelete],
          }
        : {}),
    },
    ...(enabled ? { endpoints: [...(collection.endpoints || []), ...releaseActionEndpoints] } : {}),
  }
}

/**
 * A product that ever shipped stays: apps in the field follow its channels, and a product made
 * again under the same slug would start its manifests' sequence over, below what they have seen.
 */
const withProductBehaviour = (collection: CollectionConfig): CollectionConfig => ({
  ...collection,
  hooks: {
    ...collection.hooks,
    beforeDelete: [
      ...(collection.hooks?.beforeDelete ?? []),
      refuseDeleteWhileReferenced('product', [
        {
          collection: 'update-channels',
          field: 'product',
          label: ['update channel that apps follow', 'update channels that apps follow'],
        },
      ]),
      // One that never shipped may still have signed empty manifests cached because an app asked:
      // derived data.
      deleteReferencing('signed-manifests', 'product'),
    ],
  },
})

const withArtifactBehaviour = (collection: CollectionConfig): CollectionConfig => ({
  ...collection,
  hooks: {
    ...collection.hooks,
    afterChange: [...(collection.hooks?.afterChange ?? []), bumpOnArtifactChange],
    afterDelete: [...(collection.hooks?.afterDelete ?? []), bumpOnArtifactDelete],
  },
})

/**
 * Update distribution: signed, cached manifests with a per-channel sequence; pull and restore;
 * licensed downloads through short-lived links (local disk with ranges, or presigned S3 URLs);
 * offline bundles; release mails; daily retention of old artifact files.
 */
export const updatesPlugin =
  (options: UpdatesPluginOptions = {}) =>
  (config: Config): Config => {
    const settings: UpdatesSettings = resolveUpdatesOptions(options)
    const collections = (config.collections ?? []).map((collection) => {
      if (collection.slug === 'releases') return withReleaseBehaviour(collection, settings.enabled)
      if (collection.slug === 'artifacts' && settings.enabled)
        return withArtifactBehaviour(collection)
      if (collection.slug === 'products') return withProductBehaviour(collection)
      return collection
    })
    const withCollections: Config = {
      ...config,
      collections: [...collections, UpdateChannels, SignedManifests, ReleaseEvents],
      custom: { ...config.custom, updates: settings },
    }
    if (!settings.enabled) return withCollections

    return {
      ...withScheduledTask(withCollections, 'retention', (payload) => applyRetention(payload)),
      endpoints: [
        ...(config.endpoints ?? []),
        manifestEndpoint,
        downloadEndpoint,
        downloadFileEndpoint,
        offlineBundleEndpoint,
      ],
      onInit: async (payload) => {
        await config.onInit?.(payload)
        if (settings.scheduleTasks) scheduleRetention(payload, settings.retentionSchedule)
      },
    }
  }
