import { mkdir, writeFile } from 'node:fs/promises'
import path from 'node:path'

import nodemailer, { type Transporter } from 'nodemailer'
import type MailMessage from 'nodemailer/lib/mailer/mail-message'

/**
 * A nodemailer transport that writes each message as an `.eml` file: mail works with no SMTP
 * server (demo, development), and every message can be opened in a mail client.
 */
export const createFolderTransport = (folder: string): Transporter =>
  nodemailer.createTransport({
    name: 'outbox-folder',
    version: '1.0.0',
    send: (mail: MailMessage, callback: (error: Error | null, info?: unknown) => void) => {
      const messageId = mail.message.messageId()
      mail.message.build(async (buildError, raw) => {
        if (buildError) return callback(buildError)
        try {
          await mkdir(folder, { recursive: true })
          const fileName = `${new Date().toISOString().replace(/[:.]/g, '-')}-${messageId.replace(/[^a-zA-Z0-9]/g, '').slice(0, 40)}.eml`
          await writeFile(path.join(folder, fileName), raw)
          callback(null, { envelope: mail.message.getEnvelope(), messageId, file: fileName })
        } catch (error) {
          callback(error as Error)
        }
      })
    },
  })
