import { createHash } from 'node:crypto'

/** 64 KiB of deterministic bytes standing in for an installer, so downloads work in the demo. */
export const seededArtifactBytes = (name: string): Buffer => {
  const blocks: Buffer[] = []
  let block = createHash('sha256').update(name).digest()
  for (let size = 0; size < 64 * 1024; size += block.length) {
    blocks.push(block)
    block = createHash('sha256').update(block).digest()
  }
  return Buffer.concat(blocks)
}
