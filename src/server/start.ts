// `npm run start:api` enters here, and main.ts does the work. Under `node --import tsx`, Node 20
// loads modules through a loader thread that does not hold the event loop open: when a cold start
// on a loaded machine left the loop empty while main.ts was still loading or awaiting its start,
// the process ended at once with exit code 13 ("unsettled top-level await") and no output. A
// timer holds the loop until the host is listening, which holds it from then on (nodejs/node#47929).
const startingUp = setInterval(() => {}, 60_000)
try {
  await import('./main')
} finally {
  clearInterval(startingUp)
}

export {}
