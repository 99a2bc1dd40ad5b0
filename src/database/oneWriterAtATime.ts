import type { Payload } from 'payload'

const tails = new WeakMap<Payload, Map<string, Promise<unknown>>>()

/**
 * Runs the metering transactions of one process one after another: per license on PostgreSQL,
 * all of them on SQLite.
 *
 * PostgreSQL: uses of one license wait for its row lock anyway; queued here, they wait without
 * holding a pool connection each, so a burst on one license cannot take every connection and
 * starve the transaction holding the lock (or any other request) of one.
 *
 * SQLite: each transaction takes its own connection, and the driver's lock wait is synchronous:
 * a second transaction waiting for the first one's write lock would block the event loop the
 * first one needs to finish. SQLite has one writer anyway.
 */
export const oneWriterAtATime = <T>(
  payload: Payload,
  licenseId: number | string,
  work: () => Promise<T>,
): Promise<T> => {
  let queues = tails.get(payload)
  if (!queues) tails.set(payload, (queues = new Map()))
  const lane = payload.db.name === 'sqlite' ? 'all' : String(licenseId)
  const previous = queues.get(lane) ?? Promise.resolve()
  const mine = previous.then(work, work)
  const tail = mine.then(
    () => undefined,
    () => undefined,
  )
  queues.set(lane, tail)
  // The lane is forgotten once nothing is queued behind this one.
  void tail.then(() => {
    if (queues.get(lane) === tail) queues.delete(lane)
  })
  return mine
}
