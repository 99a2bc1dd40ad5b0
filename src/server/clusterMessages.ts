// What the API host's primary and its workers tell each other over the cluster IPC channel.

/** A worker to the primary: it is listening. */
export type WorkerReady = { type: 'api-host:ready'; url: string }

/** The primary to a worker: drain and stop, as on SIGTERM (a second one does not cut it short). */
export type StopWorker = { type: 'api-host:stop'; reason: string }

export const isWorkerReady = (message: unknown): message is WorkerReady =>
  (message as WorkerReady | null)?.type === 'api-host:ready'

export const isStopWorker = (message: unknown): message is StopWorker =>
  (message as StopWorker | null)?.type === 'api-host:stop'
