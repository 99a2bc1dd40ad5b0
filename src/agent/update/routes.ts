import { randomBytes } from 'node:crypto'
import { createWriteStream } from 'node:fs'
import { rm } from 'node:fs/promises'
import path from 'node:path'
import { pipeline } from 'node:stream/promises'

import express, { type Router } from 'express'

import type { AgentContext } from '../context'
import { jsonRoute } from '../daemon/routeHelpers'
import { badRequest } from '../errors'
import { downloadsDir } from '../state/stateFolder'
import { applyAutomaticSteps } from './autoUpdate'
import { checkForUpdates } from './check'
import { downloadUpdates } from './download'
import { installUpdates } from './install'
import { installPackage } from './installPackage'

const optionalTarget = (body: unknown): string | undefined => {
  const target = (body as { target?: unknown } | undefined)?.target
  if (target === undefined || target === null) return undefined
  if (typeof target !== 'string')
    throw badRequest('target must be a string such as app or collector:<id>')
  return target
}

/** The update capability's daemon routes, mirroring its commands. */
export const registerUpdateRoutes = (router: Router, context: AgentContext): void => {
  router.post(
    '/check',
    jsonRoute(async () => {
      const { targets, refusal } = await checkForUpdates(context)
      // The Check button: with auto-download or auto-install on, the rest follows in the
      // background.
      void applyAutomaticSteps(context).catch(() => undefined)
      return {
        targets,
        ...(refusal
          ? { refusal: { code: refusal.code, message: refusal.message, refused: refusal.refused } }
          : {}),
      }
    }),
  )
  router.post(
    '/download',
    express.json(),
    jsonRoute(async (request) =>
      downloadUpdates(context, { target: optionalTarget(request.body) }),
    ),
  )
  router.post(
    '/install',
    express.json(),
    jsonRoute(async (request) => {
      const onNextLaunch = (request.body as { onNextLaunch?: unknown } | undefined)?.onNextLaunch
      if (onNextLaunch !== undefined && typeof onNextLaunch !== 'boolean')
        throw badRequest('onNextLaunch must be true or false')
      return installUpdates(context, {
        target: optionalTarget(request.body),
        onNextLaunch: onNextLaunch === true,
      })
    }),
  )
  router.post(
    '/install-package',
    jsonRoute(async (request) => {
      // The upload is the raw bundle (application/octet-stream), streamed to disk, never held
      // whole.
      const upload = path.join(
        downloadsDir(context.stateDir),
        `upload-${randomBytes(6).toString('hex')}.bundle`,
      )
      try {
        await pipeline(request, createWriteStream(upload, { mode: 0o600 }))
        return await installPackage(context, upload)
      } finally {
        await rm(upload, { force: true })
      }
    }),
  )
}
