import { APIError } from 'payload'

/** 429 in Payload's error shape, with a stable `data.code` and how long to wait. */
export class TooManySignIns extends APIError<{
  code: 'TOO_MANY_SIGN_INS'
  retryAfterSeconds: number
}> {
  constructor(retryAfterSeconds: number) {
    const minutes = Math.ceil(retryAfterSeconds / 60)
    super(
      `Too many failed sign-ins from this address. Try again in ${minutes} minute${minutes === 1 ? '' : 's'}, or reset your password.`,
      429,
      { code: 'TOO_MANY_SIGN_INS', retryAfterSeconds },
    )
  }
}
