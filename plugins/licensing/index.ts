import type { CollectionConfig, Config, Endpoint, Field } from 'payload'

import { Activations } from './collections/Activations'
import { LicenseEvents } from './collections/LicenseEvents'
import { TrialRequests } from './collections/TrialRequests'
import { ValidationDays } from './collections/ValidationDays'
import { activateEndpoint } from './endpoints/activate'
import { appCompaniesEndpoint } from './endpoints/appCompanies'
import { appLicenseEndpoint } from './endpoints/appLicense'
import { appLicenseKeyEndpoint } from './endpoints/appLicenseKey'
import { deactivateEndpoint } from './endpoints/deactivate'
import { customerActionEndpoints, licenseActionEndpoints } from './endpoints/licenseActions'
import { trialsEndpoint } from './endpoints/trials'
import { validateEndpoint } from './endpoints/validate'
import { recordLicenseHistory } from './history/recordLicenseHistory'
import { removeLicenseRecords } from './hooks/removeLicenseRecords'
import { defaultLicensingOptions, type LicensingPluginOptions } from './types'
import { startValidationCountFlush } from './validation/validationCounts'

// Domain functions other plugins (resellers) and hosts (the API host's shutdown) may call.
export { flushValidationCounts, stopValidationCountFlush } from './validation/validationCounts'
export {
  validateLicense,
  type ValidateLicenseArgs,
  type ValidationAnswer,
} from './validation/validateLicense'
export {
  activateLicense,
  activateFoundLicense,
  type ActivationAnswer,
  type Installation,
} from './activation/activateLicense'
export { deactivateLicense } from './activation/deactivateLicense'
export {
  deactivateForCustomer,
  customerDeactivationLimit,
  reasonLength,
  type CustomerDeactivationAnswer,
} from './activation/deactivateForCustomer'
export {
  issueCustomerLicenseFile,
  type CustomerLicenseFile,
} from './licenseFiles/issueCustomerLicenseFile'
export {
  customerVisibleEventTypes,
  shortFingerprint,
  supportActorName,
} from './history/customerView'
export { findLicenseByKey, findLicenseById, type LicenseRecord } from './licenseRecord'
export { findActivation } from './activation/findActivation'
export { usabilityOf, describeLicense, type LicenseUsability } from './licenseState'
export { issueLicenseFile, issueArmoredLicenseFile } from './licenseFiles/issueLicenseFile'
export { createLicense, findLicenseByCreationKey, type NewLicenseTerms } from './createLicense'
export {
  createSubscriberCompany,
  dropUnusedCompany,
  type SubscriberCompany,
} from './trials/subscribers'
export { mailLicense, resendBucket } from './trials/mailLicense'
export { startTrial, trialClaim } from './trials/startTrial'
export { recordLicenseEvent } from './history/recordLicenseEvent'
export { licensingSettings } from './settings'
export { actorOf, appActor, systemActor, type Actor } from './history/actors'
export { extendLicense } from './actions/extendLicense'
export { addModules } from './actions/addModules'
export { addPack } from './actions/addPack'
export { suspendLicense, reinstateLicense } from './actions/setLicenseStatus'
export { convertLicense } from './actions/convertLicense'
export { createTrialForCustomer } from './actions/createTrialForCustomer'
export type { LicensingPluginOptions } from './types'
export { indexModulesByLicense } from './schema/indexModulesByLicense'

const licenseHistoryField: Field = {
  name: 'history',
  type: 'ui',
  admin: { components: { Field: '/plugins/licensing/components/LicenseTimeline#LicenseTimeline' } },
}

/** Support's actions, at the top of the license's sidebar, one labelled line each. */
const licenseActionsField: Field = {
  name: 'licenseActions',
  type: 'ui',
  admin: {
    position: 'sidebar',
    components: { Field: '/plugins/licensing/components/LicenseActions#LicenseActions' },
  },
}

/**
 * Licenses get the history hooks, the one-click actions and the timeline; customers "Create trial".
 */
const withLicensingAdditions = (collection: CollectionConfig): CollectionConfig => {
  if (collection.slug === 'customers') {
    return {
      ...collection,
      endpoints: [...(collection.endpoints || []), ...customerActionEndpoints],
      admin: {
        ...collection.admin,
        components: {
          ...collection.admin?.components,
          edit: {
            ...collection.admin?.components?.edit,
            beforeDocumentControls: [
              ...(collection.admin?.components?.edit?.beforeDocumentControls ?? []),
              '/plugins/licensing/components/CustomerActions#CustomerActions',
            ],
          },
        },
      },
    }
  }
  if (collection.slug !== 'licenses') return collection
  return {
    ...collection,
    endpoints: [...(collection.endpoints || []), ...licenseActionEndpoints],
    hooks: {
      ...collection.hooks,
      afterChange: [...(collection.hooks?.afterChange ?? []), recordLicenseHistory],
      beforeDelete: [...(collection.hooks?.beforeDelete ?? []), removeLicenseRecords],
    },
    fields: [licenseActionsField, ...collection.fields, licenseHistoryField],
  }
}

/**
 * Licensing: validate/activate/deactivate, license files, master login, in-app trials, the
 * license history, and support's one-click actions.
 */
export const licensingPlugin =
  (options: LicensingPluginOptions = {}) =>
  (config: Config): Config => {
    const { enabled, ...settings } = { ...defaultLicensingOptions, ...options }
    const collections = [
      ...(config.collections ?? []),
      Activations,
      LicenseEvents,
      TrialRequests,
      ValidationDays,
    ]
    const withCollections: Config = {
      ...config,
      collections,
      custom: { ...config.custom, licensing: settings },
    }
    if (!enabled) return withCollections

    const clientEndpoints: Endpoint[] = [
      validateEndpoint,
      activateEndpoint,
      deactivateEndpoint,
      appCompaniesEndpoint,
      appLicenseEndpoint,
      appLicenseKeyEndpoint,
      trialsEndpoint,
    ]
    return {
      ...withCollections,
      collections: collections.map(withLicensingAdditions),
      endpoints: [...(config.endpoints ?? []), ...clientEndpoints],
      onInit: async (payload) => {
        await config.onInit?.(payload)
        startValidationCountFlush(payload, settings.validationFlushIntervalMs)
      },
    }
  }
