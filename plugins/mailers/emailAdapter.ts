import path from 'node:path'

import { nodemailerAdapter } from '@payloadcms/email-nodemailer'
import nodemailer from 'nodemailer'

import { createFolderTransport } from './folderTransport'

/** SMTP when `SMTP_URL` is set; otherwise every mail lands as an .eml file under `<dataDir>/mail`. */
export const buildEmailAdapter = ({ smtpUrl, dataDir, from, fromName }: { smtpUrl?: string; dataDir: string; from: string; fromName: string }) =>
  nodemailerAdapter({
    defaultFromAddress: from,
    defaultFromName: fromName,
    skipVerify: true,
    transport: smtpUrl ? nodemailer.createTransport(smtpUrl) : createFolderTransport(path.join(dataDir, 'mail')),
  })
