import { describe, expect, it } from 'vitest'

import { batchedLookup } from '../../src/database/batchedLookup'

type Row = { key: string; value: number }

/** A lookup over `table`, recording the keys of every read it makes. */
const lookupOver = (table: Record<string, number>) => {
  const reads: string[][] = []
  const lookup = batchedLookup<Row>(
    async (keys) => {
      reads.push([...keys])
      return keys.filter((key) => key in table).map((key) => ({ key, value: table[key] }))
    },
    (row) => row.key,
  )
  return { lookup, reads }
}

describe('batchedLookup', () => {
  it('reads the lookups of one turn of the event loop together, each key once, each answered its own row', async () => {
    const { lookup, reads } = lookupOver({ a: 1, b: 2, c: 3 })
    const answers = await Promise.all(['a', 'b', 'missing', 'a', 'c'].map(lookup))
    expect(answers).toEqual([
      { key: 'a', value: 1 },
      { key: 'b', value: 2 },
      undefined,
      { key: 'a', value: 1 },
      { key: 'c', value: 3 },
    ])
    expect(reads).toEqual([['a', 'b', 'missing', 'c']])
  })

  it('keeps nothing: a later lookup reads again and sees the row as it is then', async () => {
    const table: Record<string, number> = { a: 1 }
    const { lookup, reads } = lookupOver(table)
    expect(await lookup('a')).toEqual({ key: 'a', value: 1 })
    table.a = 2
    expect(await lookup('a')).toEqual({ key: 'a', value: 2 })
    delete table.a
    expect(await lookup('a')).toBeUndefined()
    expect(reads).toEqual([['a'], ['a'], ['a']])
  })

  it('fails every lookup of a read that failed, and reads again afterwards', async () => {
    let failing = true
    const lookup = batchedLookup<Row>(
      async (keys) => {
        if (failing) throw new Error('database down')
        return keys.map((key) => ({ key, value: 0 }))
      },
      (row) => row.key,
    )
    const results = await Promise.allSettled([lookup('a'), lookup('b')])
    expect(results.map((result) => result.status)).toEqual(['rejected', 'rejected'])
    failing = false
    expect(await lookup('a')).toEqual({ key: 'a', value: 0 })
  })
})
