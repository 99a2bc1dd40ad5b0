import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto'
import { mkdirSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import path from 'node:path'

import writeFileAtomic from 'write-file-atomic'

import { AgentError } from '../errors'

export const secretFileName = 'secret.key'
const prefix = 'sealed.v1'

/**
 * This state folder's sealing key (32 random bytes in `secret.key`, owner-only), made on first use.
 * Keys (license, API) are kept sealed with it, so state.json, its backups and support bundles never
 * show one in clear.
 */
const sealingKey = async (stateDir: string): Promise<Buffer> => {
  const file = path.join(stateDir, secretFileName)
  try {
    const key = Buffer.from((await readFile(file, 'utf8')).trim(), 'base64url')
    if (key.length === 32) return key
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error
  }
  mkdirSync(stateDir, { recursive: true, mode: 0o700 })
  const key = randomBytes(32)
  await writeFileAtomic(file, `${key.toString('base64url')}\n`, { mode: 0o600, fsync: true })
  return key
}

/** AES-256-GCM: `sealed.v1.<iv>.<tag>.<ciphertext>` (base64url). */
export const seal = async (stateDir: string, secret: string): Promise<string> => {
  const iv = randomBytes(12)
  const cipher = createCipheriv('aes-256-gcm', await sealingKey(stateDir), iv)
  const sealed = Buffer.concat([cipher.update(secret, 'utf8'), cipher.final()])
  return [prefix, iv, cipher.getAuthTag(), sealed]
    .map((part) => (typeof part === 'string' ? part : part.toString('base64url')))
    .join('.')
}

export const unseal = async (stateDir: string, sealed: string): Promise<string> => {
  const parts = sealed.split('.')
  if (parts.length !== 5 || `${parts[0]}.${parts[1]}` !== prefix)
    throw new AgentError(
      'SEALED_SECRET_UNREADABLE',
      'A sealed secret of the state folder is damaged',
    )
  const [iv, tag, data] = parts.slice(2).map((part) => Buffer.from(part, 'base64url'))
  try {
    const decipher = createDecipheriv('aes-256-gcm', await sealingKey(stateDir), iv)
    decipher.setAuthTag(tag)
    return Buffer.concat([decipher.update(data), decipher.final()]).toString('utf8')
  } catch (error) {
    throw new AgentError(
      'SEALED_SECRET_UNREADABLE',
      'A sealed secret of the state folder cannot be opened (secret.key changed?)',
      { cause: error },
    )
  }
}
