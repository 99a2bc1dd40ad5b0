import type { OpenedFile } from '../../../../../../../plugins/updates'

/** What the key form shows after a try: why the key opened nothing, or the files with links. */
export type KeyState = { error?: string; files?: OpenedFile[]; expiresAt?: string }
