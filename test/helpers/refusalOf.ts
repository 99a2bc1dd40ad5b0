import { isVerificationError } from '../../src/sdk'

/** The SDK's refusal code for what `promise` verifies; fails the test when the SDK accepts it. */
export const refusalOf = async (promise: Promise<unknown>): Promise<string> => {
  try {
    await promise
  } catch (error) {
    if (isVerificationError(error)) return error.code
    throw error
  }
  throw new Error('the SDK accepted it')
}
