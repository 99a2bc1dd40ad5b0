// Child process of the bench: the floor to compare against. A bare node:http server answering the
// very bytes the API host answered (status, headers, body), and a plain fs.createReadStream pipe
// of the artifact file. Usage: bareServer.ts <port> <answers.json>
import { createReadStream, readFileSync } from 'node:fs'
import { createServer } from 'node:http'

import type { RecordedAnswers } from './recordedAnswers'

const port = Number(process.argv[2])
const recorded = JSON.parse(readFileSync(process.argv[3], 'utf8')) as RecordedAnswers

const answers = new Map(
  recorded.answers.map((answer) => [
    `${answer.method} ${answer.path} ${answer.conditional ? 'conditional' : ''}`,
    {
      status: answer.status,
      headers: Object.fromEntries(answer.headers),
      body: Buffer.from(answer.bodyBase64, 'base64'),
    },
  ]),
)

const server = createServer((req, res) => {
  if (req.url === '/ready') return void res.end('ok')
  if (req.url === '/file' && recorded.file) {
    res.writeHead(200, {
      'content-type': 'application/octet-stream',
      'content-length': recorded.file.size,
    })
    createReadStream(recorded.file.path).pipe(res)
    return
  }
  const answer = answers.get(
    `${req.method} ${req.url} ${req.headers['if-none-match'] ? 'conditional' : ''}`,
  )
  // Read the request body like any server must, then answer.
  req.resume()
  req.on('end', () => {
    if (!answer) {
      res.writeHead(404).end()
      return
    }
    res.writeHead(answer.status, answer.headers)
    res.end(answer.body)
  })
})
server.listen(port, '127.0.0.1', () => console.log(`bare server on ${port}`))
process.on('SIGTERM', () => server.close(() => process.exit(0)))
