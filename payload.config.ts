import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

import { postgresAdapter } from '@payloadcms/db-postgres'
import { sqliteAdapter } from '@payloadcms/db-sqlite'
import { lexicalEditor } from '@payloadcms/richtext-lexical'
import { s3Storage } from '@payloadcms/storage-s3'
import { buildConfig, type Config } from 'payload'
import sharp from 'sharp'

import { Artifacts } from './collections/Artifacts'
import { Changelogs } from './collections/Changelogs'
import { CustomerUsers } from './collections/CustomerUsers'
import { Customers } from './collections/Customers'
import { DocLinks } from './collections/DocLinks'
import { EmailTemplates } from './collections/EmailTemplates'
import { Faqs } from './collections/Faqs'
import { Licenses } from './collections/Licenses'
import { Media } from './collections/Media'
import { Products } from './collections/Products'
import { Releases } from './collections/Releases'
import { artifactsDir, mediaUploadsDir } from './collections/storagePaths'
import { Users } from './collections/Users'
import { VideoTeasers } from './collections/VideoTeasers'
import { migrations as postgresMigrations } from './migrations/postgres'
import { migrations as sqliteMigrations } from './migrations/sqlite'
import { alertsPlugin } from './plugins/alerts'
import { apiGuardPlugin } from './plugins/apiGuard'
import { cataloguePlugin } from './plugins/catalogue'
import { dateFormatPlugin } from './plugins/dateFormat'
import { healthPlugin } from './plugins/health'
import { clientApiPlugin } from './plugins/clientApi'
import { buildEmailAdapter, mailersPlugin } from './plugins/mailers'
import { indexModulesByLicense, licensingPlugin } from './plugins/licensing'
import { meteringPlugin } from './plugins/metering'
import { metricsPlugin } from './plugins/metrics'
import { registrationPlugin } from './plugins/registration'
import { resellersPlugin } from './plugins/resellers'
import { schedulerPlugin } from './plugins/scheduler'
import { uploadFileSizeLimit } from './src/http/bodyLimits'
import { loggerConfig } from './src/http/logging'
import { signInPlugin } from './plugins/signIn'
import { signingPlugin } from './plugins/signing'
import { updatesPlugin } from './plugins/updates'
import { hubMarkUrl, hubTitle } from './src/admin/branding/hubName'
import { env, usesPostgres } from './src/env'
import { createRuntimeFolders } from './src/runtimeFolders'
import { seedPlugin } from './plugins/seed'

const dirname = path.dirname(fileURLToPath(import.meta.url))
const mailDir = path.join(env.dataDir, 'mail')

createRuntimeFolders({
  dataDir: env.dataDir,
  databaseUrl: env.databaseUrl,
  mailDir,
  uploadDirs: env.s3.bucket ? [] : [mediaUploadsDir, artifactsDir],
})

const database = usesPostgres(env.databaseUrl)
  ? postgresAdapter({
      pool: { connectionString: env.databaseUrl, max: 20 },
      afterSchemaInit: [indexModulesByLicense.postgres],
      migrationDir: path.resolve(dirname, 'migrations/postgres'),
      prodMigrations: postgresMigrations,
    })
  : sqliteAdapter({
      client: { url: env.databaseUrl },
      // The API host and the Next app may share one file: readers never block the writer (WAL),
      // and a write waits for another process's lock instead of failing at once.
      busyTimeout: 5_000,
      wal: true,
      afterSchemaInit: [indexModulesByLicense.sqlite],
      migrationDir: path.resolve(dirname, 'migrations/sqlite'),
      prodMigrations: sqliteMigrations,
    })

export default buildConfig({
  admin: {
    user: Users.slug,
    // Payload's default would load each staff member's Gravatar (their email's hash to a third
    // party, and an image the CSP refuses).
    avatar: 'default',
    meta: {
      title: hubTitle(env.vendorName),
      titleSuffix: ` · ${hubTitle(env.vendorName)}`,
      icons: [{ rel: 'icon', type: 'image/svg+xml', url: hubMarkUrl }],
    },
    components: {
      views: {
        // The back office's first page, and its "find anything" results.
        dashboard: { Component: '/src/admin/dashboard/Dashboard#Dashboard' },
        search: { Component: '/src/admin/search/SearchView#SearchView', path: '/search' },
      },
      graphics: {
        Logo: {
          path: '/src/admin/branding/Logo#Logo',
          clientProps: { vendorName: env.vendorName },
        },
        Icon: {
          path: '/src/admin/branding/Icon#Icon',
          clientProps: { vendorName: env.vendorName },
        },
      },
    },
    importMap: {
      baseDir: dirname,
      importMapFile: path.resolve(dirname, 'src/app/(payload)/admin/importMap.js'),
    },
  },
  cors: env.browserOrigins,
  csrf: env.browserOrigins,
  // In the order of the sidebar's groups (a group comes where its first collection is): Content,
  // Releases, Customers & licenses, Mail, System. Plugins add theirs after, into these groups.
  collections: [
    Changelogs,
    VideoTeasers,
    DocLinks,
    Faqs,
    Media,
    Products,
    Releases,
    Artifacts,
    Customers,
    CustomerUsers,
    Licenses,
    EmailTemplates,
    Users,
  ],
  db: database,
  editor: lexicalEditor(),
  // JSON lines in production, Payload's pretty output in development; each carries its request's id.
  logger: loggerConfig({ json: env.logFormat === 'json' }),
  // Payload types the keys as its own error names; ours are looked up by `error.name` all the same.
  loggingLevels: { RecordInUse: 'info' } as Config['loggingLevels'],
  email: buildEmailAdapter({
    smtpUrl: env.smtpUrl,
    mailDir,
    from: env.mailFrom,
    fromName: env.mailFromName,
  }),
  secret: env.payloadSecret,
  sharp,
  upload: {
    useTempFiles: true,
    tempFileDir: os.tmpdir(),
    // The Next app's server lets a multipart body through up to this much (plus its other parts).
    limits: { fileSize: uploadFileSizeLimit },
  },
  // Payload would spawn `payload generate:types` (a second process loading the whole config) at
  // every non-production boot: every test file, every dev start, competing with the first compile.
  // `npm run generate:types` writes the file; CI fails when it is stale.
  typescript: { outputFile: path.resolve(dirname, 'payload-types.ts'), autoGenerate: false },
  plugins: [
    schedulerPlugin({ enabled: env.scheduledTasks, leaseMs: env.jobLeaseMs }),
    mailersPlugin({
      scheduleDelivery: env.scheduledTasks,
      publicUrl: env.publicUrl,
      leaseMs: env.jobLeaseMs,
    }),
    signInPlugin({
      publicUrl: env.publicUrl,
      collections: {
        // Staff reset in the admin (Payload's reset view); customers on the portal's reset page.
        [Users.slug]: {},
        [CustomerUsers.slug]: { resetPath: (token) => `/portal/reset?token=${token}` },
      },
    }),
    cataloguePlugin(),
    signingPlugin({
      privateJwk: env.signingPrivateJwk,
      previousPrivateJwk: env.signingPreviousPrivateJwk,
      nextPrivateJwk: env.signingNextPrivateJwk,
      keyRefreshMs: env.signingKeyRefreshMs,
      dataDir: env.dataDir,
    }),
    licensingPlugin({
      publicUrl: env.publicUrl,
      trialDays: env.trialDays,
      licenseFileDays: env.licenseFileDays,
    }),
    meteringPlugin({ publicUrl: env.publicUrl }),
    alertsPlugin({
      scheduleSweep: env.scheduledTasks,
      alertsAt: env.alertsAt,
      staffAlertsTo: env.staffAlertsTo,
      publicUrl: env.publicUrl,
    }),
    resellersPlugin({}),
    registrationPlugin({}),
    updatesPlugin({
      publicUrl: env.publicUrl,
      manifestValidityDays: env.manifestValidityDays,
      scheduleTasks: env.scheduledTasks,
      s3: env.s3,
    }),
    s3Storage({
      enabled: Boolean(env.s3.bucket),
      collections: { media: true, artifacts: true },
      bucket: env.s3.bucket,
      // The plugin keeps one client per key for the process; by default the key is the bucket
      // alone, so a second config on another endpoint (or other credentials) would reuse the
      // first one's client.
      clientCacheKey: `s3:${env.s3.endpoint ?? ''}:${env.s3.accessKeyId ?? ''}:${env.s3.bucket}`,
      config: {
        endpoint: env.s3.endpoint,
        region: env.s3.region,
        forcePathStyle: env.s3.forcePathStyle,
        credentials: { accessKeyId: env.s3.accessKeyId, secretAccessKey: env.s3.secretAccessKey },
      },
    }),
    // The adapters push the schema unless NODE_ENV is production, when they run the migrations.
    metricsPlugin(),
    healthPlugin({ schemaSource: env.isProduction ? 'migrations' : 'push' }),
    // Last: it documents the /v1 endpoints the plugins above added.
    clientApiPlugin({ publicUrl: env.publicUrl, redisUrl: env.redisUrl }),
    // After every plugin that adds collections or storage handlers: it guards them all.
    apiGuardPlugin({}),
    // After every plugin that adds collections or globals: it formats all their date fields.
    dateFormatPlugin(),
    // After every other plugin has initialised.
    seedPlugin({
      enabled: env.seedOnInit,
      adminPassword: env.seedAdminPassword,
      publicUrl: env.publicUrl,
      passwordHint: env.seedPasswordHint,
    }),
  ],
})
