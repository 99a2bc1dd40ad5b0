import type { Payload } from 'payload'

import type { Actor } from '../history/actors'
import { changeLicense } from './changeLicense'

/** "Add module(s)": the license unlocks these too (modules it has already are left as they are). */
export const addModules = (
  payload: Payload,
  { licenseId, modules }: { licenseId: number | string; modules: string[] },
  actor: Actor,
) =>
  changeLicense(
    payload,
    licenseId,
    {
      plan: (license) => {
        const current = license.modules ?? []
        const added = modules.filter(
          (module, index) => !current.includes(module) && modules.indexOf(module) === index,
        )
        return added.length === 0 ? null : { modules: [...current, ...added] }
      },
      event: 'modules-added',
      details: (before, after) => ({
        added: (after.modules ?? []).filter((module) => !(before.modules ?? []).includes(module)),
        modules: after.modules ?? [],
      }),
    },
    actor,
  )
