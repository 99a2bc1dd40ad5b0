export type UseBatcher<Item, Outcome> = { add: (item: Item) => Promise<Outcome> }

type Waiting<Item, Outcome> = {
  item: Item
  resolve: (outcome: Outcome) => void
  reject: (error: unknown) => void
}

/** The most items one run takes. */
const maxBatch = 200

/**
 * Gathers items into runs of `work`, one run at a time: the first item starts a run at the next
 * turn of the event loop, and whatever arrives while it runs goes into the next one. Two items
 * `sameLane` never share a run (a statement changes a row once); the later one waits for the next
 * run, and items keep their order within a lane.
 */
export const batchOf = <Item, Outcome>(
  work: (items: Item[]) => Promise<Outcome[]>,
  { sameLane }: { sameLane: (a: Item, b: Item) => boolean },
): UseBatcher<Item, Outcome> => {
  let waiting: Waiting<Item, Outcome>[] = []
  let running = false

  const takeRun = (): Waiting<Item, Outcome>[] => {
    const run: Waiting<Item, Outcome>[] = []
    const rest: Waiting<Item, Outcome>[] = []
    for (const entry of waiting) {
      const blocked =
        run.length >= maxBatch ||
        run.some((taken) => sameLane(taken.item, entry.item)) ||
        rest.some((left) => sameLane(left.item, entry.item))
      ;(blocked ? rest : run).push(entry)
    }
    waiting = rest
    return run
  }

  const drain = async (): Promise<void> => {
    running = true
    try {
      while (waiting.length > 0) {
        const run = takeRun()
        try {
          const outcomes = await work(run.map((entry) => entry.item))
          run.forEach((entry, index) => entry.resolve(outcomes[index]))
        } catch (error) {
          for (const entry of run) entry.reject(error)
        }
      }
    } finally {
      running = false
    }
  }

  return {
    add: (item) =>
      new Promise<Outcome>((resolve, reject) => {
        waiting.push({ item, resolve, reject })
        if (!running) {
          running = true
          setImmediate(() => void drain())
        }
      }),
  }
}
