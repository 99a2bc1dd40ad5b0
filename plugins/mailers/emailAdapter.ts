import { nodemailerAdapter } from '@payloadcms/email-nodemailer'
import nodemailer from 'nodemailer'

import { createFolderTransport } from './folderTransport'

/** SMTP when `SMTP_URL` is set; otherwise every mail lands as an .eml file in `mailDir`. */
export const buildEmailAdapter = ({
  smtpUrl,
  mailDir,
  from,
  fromName,
}: {
  smtpUrl?: string
  mailDir: string
  from: string
  fromName: string
}) =>
  nodemailerAdapter({
    defaultFromAddress: from,
    defaultFromName: fromName,
    skipVerify: true,
    transport: smtpUrl ? nodemailer.createTransport(smtpUrl) : createFolderTransport(mailDir),
  })
