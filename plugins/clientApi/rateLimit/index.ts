export { clientAddress, clientAddressOf } from './clientAddress'
export {
  createRateLimiter,
  type RateLimitBudget,
  type RateLimiter,
  type RateLimiterOptions,
} from './createRateLimiter'
export { closeRateLimitStore, rateLimitStoreOf, type ClientApiSettings } from './rateLimitStore'
