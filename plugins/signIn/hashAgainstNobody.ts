import { pbkdf2, randomBytes, timingSafeEqual } from 'node:crypto'

// Payload's current password hash (payload/dist/auth/strategies/local/generatePasswordSaltHash.js):
// PBKDF2-SHA256, 600,000 iterations, 32 bytes. The equal-cost test fails if Payload changes it.
const iterations = 600_000
const keyLength = 32
const nobodysSalt = randomBytes(32).toString('hex')
const nobodysHash = randomBytes(keyLength)

/**
 * Checks `password` against an account that does not exist, at the cost of checking it against
 * one that does: an unknown email must take as long to refuse as a wrong password.
 */
export const hashAgainstNobody = (password: string): Promise<void> =>
  new Promise((resolve) => {
    pbkdf2(password, nobodysSalt, iterations, keyLength, 'sha256', (error, hash) => {
      if (!error) timingSafeEqual(hash, nobodysHash)
      resolve()
    })
  })
