import type { Counter, Histogram } from 'prom-client'

type Metric<Names extends string> = Counter<Names> | Histogram<Names>

/**
 * The child of `metric` for these label values, made once per value set (prom-client builds and
 * validates the label object in `labels()`; a child still hashes it per call). Keyed by the values
 * joined, so callers pass values from a small set (kinds, routes), never raw input.
 */
export const labelled = <Names extends string, M extends Metric<Names>>(metric: M) => {
  const children = new Map<string, ReturnType<M['labels']>>()
  return (...values: string[]): ReturnType<M['labels']> => {
    const key = values.join('\u0000')
    let child = children.get(key)
    if (!child) children.set(key, (child = metric.labels(...values) as ReturnType<M['labels']>))
    return child
  }
}
