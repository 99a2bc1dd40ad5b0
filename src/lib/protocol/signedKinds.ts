/** The JWS `typ` header of every signed object, so one kind can never be passed off as another. */
export const SignedKind = {
  license: 'license+jws',
  validation: 'validation+jws',
  activation: 'activation+jws',
  manifest: 'manifest+jws',
  usage: 'usage+jws',
  key: 'key+jws',
} as const

export type SignedKind = (typeof SignedKind)[keyof typeof SignedKind]
