// The part of autocannon's programmatic API the bench uses (the package ships no types).
declare module 'autocannon' {
  type Percentiles = {
    average: number
    mean: number
    stddev: number
    min: number
    max: number
    p50: number
    p90: number
    p97_5: number
    p99: number
    total?: number
  }
  export type AutocannonResult = {
    duration: number
    errors: number
    timeouts: number
    non2xx: number
    statusCodeStats: Record<string, { count: number }>
    latency: Percentiles
    requests: Percentiles & { sent: number }
    throughput: Percentiles
  }
  export type AutocannonOptions = {
    url: string
    method?: string
    headers?: Record<string, string>
    body?: string | Buffer
    connections?: number
    duration?: number
    pipelining?: number
    timeout?: number
  }
  function autocannon(options: AutocannonOptions): Promise<AutocannonResult>
  export default autocannon
}
