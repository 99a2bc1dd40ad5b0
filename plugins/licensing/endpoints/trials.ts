import {
  clientAddress,
  clientEndpoint,
  createRateLimiter,
  documentedAnswer,
  rateLimitStoreOf,
  type RateLimiter,
  jsonBody,
  readJsonBody,
  refusal,
} from '../../clientApi'
import { appActor } from '../history/actors'
import { licensingSettings } from '../settings'
import { startTrial } from '../trials/startTrial'
import { jsonResponse } from '../../../src/http/answers'
import { trialAnswer } from './answers'
import { badRequestRefusal } from './refusals'
import { trialRequest } from './schemas'

const limiters = new WeakMap<object, RateLimiter>()

export const trialsEndpoint = clientEndpoint({
  path: '/v1/trials',
  method: 'post',
  openapi: {
    summary: 'Start a trial from the app (the trial button)',
    description:
      "Creates a trial license in a company of its own for the email (never an existing customer's company, and no portal account), activates the fingerprint when sent, and mails the key with a single-use portal register link (`trial-created`) through which the mailbox owner creates an account or adds the trial to the one they have. The answer is the same whether or not the email already has an account. A second trial for the same email and product is 409 `TRIAL_EXISTS` (no key) and the mail is sent again. Rate-limited per address and per email.",
    tags: ['trials'],
    requestBody: jsonBody(trialRequest),
    responses: {
      201: documentedAnswer('Trial created', trialAnswer),
      400: badRequestRefusal,
      409: refusal(
        '`TRIAL_EXISTS`: this email already has a trial of this product; the mail was sent again',
      ),
      429: refusal(
        '`RATE_LIMITED`: too many trial requests from this address or for this email (see Retry-After)',
      ),
    },
  },
  handler: async (req) => {
    const settings = licensingSettings(req.payload)
    let limitAddress = limiters.get(req.payload)
    if (!limitAddress)
      limiters.set(
        req.payload,
        (limitAddress = createRateLimiter({
          limit: settings.trialsPerAddressPerHour,
          windowMs: 3600_000,
          name: 'post:/v1/trials',
          redis: rateLimitStoreOf(req.payload),
        })),
      )
    const address = clientAddress(req)
    await limitAddress(address)
    const request = await readJsonBody(req, trialRequest)
    const actor = {
      ...appActor(request.fingerprint ?? request.email, request.hostname),
      label: request.source ? `trial button (${request.source})` : 'trial button',
    }
    const answer = await startTrial(req.payload, { ...request, address }, actor)
    return jsonResponse(answer, { status: 201 })
  },
})
