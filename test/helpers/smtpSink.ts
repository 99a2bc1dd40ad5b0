import { simpleParser, type ParsedMail } from 'mailparser'
import { SMTPServer } from 'smtp-server'

export type SmtpSink = {
  url: string
  mails: ParsedMail[]
  close: () => Promise<void>
  waitFor: (count: number, timeoutMs?: number) => Promise<ParsedMail[]>
}

/** A real SMTP server on a free local port that keeps every message it receives, parsed. */
export const startSmtpSink = async (): Promise<SmtpSink> => {
  const mails: ParsedMail[] = []
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, _session, callback) {
      simpleParser(stream)
        .then((mail) => {
          mails.push(mail)
          callback()
        })
        .catch(callback)
    },
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.server.address() as { port: number }
  return {
    url: `smtp://127.0.0.1:${port}`,
    mails,
    close: () => new Promise((resolve) => server.close(() => resolve())),
    waitFor: async (count, timeoutMs = 5000) => {
      const deadline = Date.now() + timeoutMs
      while (mails.length < count && Date.now() < deadline)
        await new Promise((resolve) => setTimeout(resolve, 25))
      return mails
    },
  }
}
