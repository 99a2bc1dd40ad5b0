import { describe, expect, it } from 'vitest'

import { batchOf } from '../../plugins/metering/useBatcher'

type Item = { lane: string; n: number }

describe('batchOf: uses gathered into statements', () => {
  it('puts what arrives together into one run, one item per lane, later items of a lane in later runs in order', async () => {
    const runs: number[][] = []
    const batcher = batchOf<Item, number>(
      async (items) => {
        runs.push(items.map((item) => item.n))
        return items.map((item) => item.n * 10)
      },
      { sameLane: (a, b) => a.lane === b.lane },
    )
    const items: Item[] = [
      { lane: 'a', n: 1 },
      { lane: 'b', n: 2 },
      { lane: 'a', n: 3 },
      { lane: 'c', n: 4 },
      { lane: 'a', n: 5 },
    ]
    const outcomes = await Promise.all(items.map((item) => batcher.add(item)))
    expect(outcomes).toEqual([10, 20, 30, 40, 50])
    expect(runs).toEqual([[1, 2, 4], [3], [5]])
  })

  it('gathers what arrives while a run is under way into the next run', async () => {
    const runs: number[][] = []
    let release = () => {}
    const batcher = batchOf<Item, number>(
      async (items) => {
        runs.push(items.map((item) => item.n))
        if (runs.length === 1) await new Promise<void>((resolve) => (release = resolve))
        return items.map((item) => item.n)
      },
      { sameLane: (a, b) => a.lane === b.lane },
    )
    const first = batcher.add({ lane: 'a', n: 1 })
    await new Promise((resolve) => setImmediate(resolve))
    const later = [2, 3, 4].map((n) => batcher.add({ lane: String(n), n }))
    release()
    await Promise.all([first, ...later])
    expect(runs).toEqual([[1], [2, 3, 4]])
  })

  it('rejects every item of a run that failed, and goes on with the next run', async () => {
    let calls = 0
    const batcher = batchOf<Item, number>(
      async (items) => {
        calls += 1
        if (calls === 1) throw new Error('database gone')
        return items.map((item) => item.n)
      },
      { sameLane: (a, b) => a.lane === b.lane },
    )
    const failed = [batcher.add({ lane: 'a', n: 1 }), batcher.add({ lane: 'b', n: 2 })]
    const queued = batcher.add({ lane: 'a', n: 3 })
    await expect(Promise.all(failed)).rejects.toThrow('database gone')
    await expect(queued).resolves.toBe(3)
  })
})
