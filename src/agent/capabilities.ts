import type { Capability } from './capability'
import { licenseCapability } from './license/capability'
import { relayCapability } from './relay/capability'
import { updateCapability } from './update/capability'

/** Every capability the agent ships; the CLI and the daemon register each in this order. */
export const capabilities: Capability[] = [updateCapability, licenseCapability, relayCapability]
