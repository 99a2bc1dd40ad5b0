// What the API host's primary and its workers tell each other over the cluster IPC channel.

/** A worker to the primary: it is listening. */
export type WorkerReady = { type: 'api-host:ready'; url: string }

/** The primary to a worker: drain and stop, as on SIGTERM (a second one does not cut it short). */
export type StopWorker = { type: 'api-host:stop'; reason: string }

export const isWorkerReady = (message: unknown): message is WorkerReady =>
  (message as WorkerReady | null)?.type === 'api-host:ready'

export const isStopWorker = (message: unknown): message is StopWorker =>
  (message as StopWorker | null)?.type === 'api-host:stop'

/** A worker to the primary: every worker's metrics, added up, please (the worker serves /metrics). */
export type MetricsRequest = { type: 'api-host:metrics-request'; id: number }

/** The primary to that worker: the aggregated metrics text, or why there are none. */
export type MetricsReply = { type: 'api-host:metrics'; id: number; text?: string; error?: string }

export const isMetricsRequest = (message: unknown): message is MetricsRequest =>
  (message as MetricsRequest | null)?.type === 'api-host:metrics-request'

export const isMetricsReply = (message: unknown): message is MetricsReply =>
  (message as MetricsReply | null)?.type === 'api-host:metrics'
