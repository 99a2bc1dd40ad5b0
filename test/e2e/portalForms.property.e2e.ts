import { readFileSync } from 'node:fs'
import path from 'node:path'

import { createClient, type Client } from '@libsql/client'
import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { demoCustomerPassword } from '../../plugins/seed'
import { serverActionBodyLimit } from '../../src/http/bodyLimits'
import { makeTempDir } from '../helpers/tempDir'
import { oddString } from '../helpers/oddInput'
import { e2eStaffPassword } from './helpers/adminSession'
import { startNextServer, type NextServer } from './helpers/startNextServer'

/**
 * The odd-input property (docs/odd-input.md) on the portal's forms, on the production build:
 * each form posted as a browser without JavaScript posts it (multipart, the `$ACTION_…` fields read
 * from the rendered form, the page's Origin), with arbitrary field values (control characters,
 * huge values up to Next's 1 MB body cap, missing fields, files where text goes). Never a 5xx, a
 * page without a stack, and a refused submission changes nothing: no account, no password, no
 * installation, no outbox row.
 */

// PORTAL_PROPERTY_RUNS=200 searches deeper; the default keeps the file well under two minutes.
const runs = Number(process.env.PORTAL_PROPERTY_RUNS) || 25

/**
 * No shrinking: a failing input of hundreds of kilobytes shrinks over minutes of requests; the
 * first one found is reported as it is.
 */
const settings = { numRuns: runs, endOnFailure: true }

/** The answer; `cookies` are those it set, as `name=value`. */
type Answer = {
  status: number
  location: string
  text: string
  cookies: string[]
  /** The multipart body was over the server actions' cap (a 413 is then the right answer). */
  overCap?: boolean
}
type FieldValue = string | Blob | undefined

/** Action ids by exported name, from the build (the rendered forms must carry the same). */
const actionIds: Record<string, string> = Object.fromEntries(
  Object.entries(
    JSON.parse(readFileSync('.next/server/server-reference-manifest.json', 'utf8')).node as Record<
      string,
      { exportedName: string; filename: string }
    >,
  )
    .filter(([, action]) => action.filename.startsWith('src/app/(portal)/'))
    .map(([id, action]) => [action.exportedName, id]),
)

const decodeEntities = (text: string) =>
  text
    .replace(/&quot;/g, '"')
    .replace(/&#x27;/g, "'")
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')

/**
 * The hidden fields of the rendered form whose server action is `exportedName`: Next's
 * `$ACTION_ID_…` (a plain action) or `$ACTION_REF_…`/`$ACTION_…:…`/`$ACTION_KEY` (an action
 * with a state), and the form's own hidden fields (token, ids).
 */
const formOf = (html: string, exportedName: string): Record<string, string> => {
  const id = actionIds[exportedName]
  for (const [form] of html.matchAll(/<form[\s\S]*?<\/form>/g)) {
    const hidden = [...form.matchAll(/<input\b[^>]*>/g)]
      .map(([tag]) =>
        Object.fromEntries(
          [...tag.matchAll(/([\w$:-]+)="([^"]*)"/g)].map(([, name, value]) => [
            name,
            decodeEntities(value),
          ]),
        ),
      )
      .filter((attributes) => attributes.type === 'hidden' && attributes.name)
    const fields = Object.fromEntries(hidden.map((input) => [input.name, input.value ?? '']))
    if (`$ACTION_ID_${id}` in fields || Object.values(fields).some((value) => value.includes(id)))
      return fields
  }
  throw new Error(`No form of ${exportedName} (${id}) on the page:\n${html.slice(0, 2000)}`)
}

/**
 * Field values: odd strings (control characters, any unicode), known good ones, huge ones (up to
 * the body cap), a file where text goes, or the field left out.
 */
const fieldValue = (good: fc.Arbitrary<string>): fc.Arbitrary<FieldValue> =>
  fc.oneof(
    { weight: 3, arbitrary: good },
    { weight: 4, arbitrary: oddString },
    { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 300 }) },
    {
      weight: 1,
      arbitrary: fc.integer({ min: 257, max: 400_000 }).map((size) => 'é'.repeat(size)),
    },
    { weight: 1, arbitrary: fc.constant(new Blob(['a file, not a field'])) },
    { weight: 1, arbitrary: fc.constant(undefined) },
  )

const hasStack = (text: string) => /\n\s+at .+:\d+:\d+/.test(text) || /\bat async\b/.test(text)

describe('portal forms under arbitrary submissions (production build)', () => {
  let server: NextServer
  let database: Client
  let staff: Record<string, string>
  /** alice@acme.example's session cookie, and one of her license's installations. */
  let alice: string
  let licenseId: number
  let activationId: number
  let resetLink: string
  let registerLink: string
  let version: string
  const statuses: Record<string, number[]> = {}

  /** What the database holds that a refused submission must leave alone. */
  const snapshot = async () => {
    const { rows } = await database.execute(
      `SELECT (SELECT count(*) FROM customer_users) AS accounts,
         (SELECT group_concat(id || ':' || coalesce(hash, ''), ',') FROM customer_users) AS passwords,
         (SELECT count(*) FROM activations) AS installations,
         (SELECT count(*) FROM outbox) AS outbox,
         (SELECT count(*) FROM licenses) AS licenses`,
    )
    return { ...rows[0] }
  }

  const json = async (route: string, init: RequestInit = {}) => {
    const response = await fetch(`${server.url}${route}`, {
      ...init,
      headers: { 'content-type': 'application/json', ...init.headers },
    })
    return { status: response.status, body: (await response.json()) as Record<string, any> }
  }
  const linkMailedTo = async (email: string, pattern: RegExp): Promise<string> => {
    const outbox = await json(
      `/api/outbox?where[to][equals]=${encodeURIComponent(email)}&sort=-createdAt&limit=1`,
      { headers: staff },
    )
    const link = String(outbox.body.docs[0]?.text ?? '').match(pattern)?.[1]
    if (!link) throw new Error(`No link mailed to ${email}: ${JSON.stringify(outbox.body)}`)
    return new URL(link).pathname + new URL(link).search
  }

  const get = async (route: string, cookie?: string): Promise<Answer> => {
    const response = await fetch(`${server.url}${route}`, {
      redirect: 'manual',
      // What a browser sends with its own requests: Payload takes the cookie only then.
      headers: cookie ? { cookie, 'Sec-Fetch-Site': 'same-origin' } : {},
    })
    return {
      status: response.status,
      location: response.headers.get('location') ?? '',
      text: await response.text(),
      cookies: response.headers.getSetCookie().map((cookie) => cookie.split(';')[0]),
    }
  }

  /** The form posted as a browser without JavaScript posts it: multipart, to the page. */
  const submit = async (
    page: string,
    actionFields: Record<string, string>,
    fields: Record<string, FieldValue>,
    { cookie, referer }: { cookie?: string; referer?: string } = {},
  ): Promise<Answer> => {
    const form = new FormData()
    for (const [name, value] of Object.entries({ ...actionFields, ...fields }))
      if (value !== undefined) form.append(name, value)
    // The multipart bytes a browser sends for this form.
    const encoded = new Request(server.url, { method: 'POST', body: form })
    const body = Buffer.from(await encoded.arrayBuffer())
    let response: Response
    try {
      response = await fetch(`${server.url}${page}`, {
        method: 'POST',
        body,
        redirect: 'manual',
        headers: {
          'content-type': encoded.headers.get('content-type')!,
          Origin: server.url,
          'Sec-Fetch-Site': 'same-origin',
          ...(cookie ? { cookie } : {}),
          ...(referer ? { referer } : {}),
        },
      })
    } catch (error) {
      // Over the cap the server answers 413 and closes the connection, which the client may see
      // before the answer while it still sends the body.
      if (body.length > serverActionBodyLimit)
        return { status: 413, location: '', text: '', cookies: [], overCap: true }
      throw error
    }
    return {
      status: response.status,
      location: response.headers.get('location') ?? '',
      text: await response.text(),
      cookies: response.headers.getSetCookie().map((cookie) => cookie.split(';')[0]),
      overCap: body.length > serverActionBodyLimit,
    }
  }

  /** Never a 5xx, never a stack; the status kept for the report. */
  const expectClearAnswer = (form: string, answer: Answer, context: string) => {
    ;(statuses[form] ??= []).push(answer.status)
    expect(answer.status, `${context}: ${answer.text.slice(0, 300)}`).toBeLessThan(500)
    expect(hasStack(answer.text), `${context}: ${answer.text.slice(0, 2000)}`).toBe(false)
  }

  const describeFields = (fields: Record<string, FieldValue>) =>
    JSON.stringify(
      Object.fromEntries(
        Object.entries(fields).map(([name, value]) => [
          name,
          value instanceof Blob
            ? '<file>'
            : typeof value === 'string' && value.length > 80
              ? `${value.slice(0, 20)}… (${value.length} characters)`
              : value,
        ]),
      ),
    )

  beforeAll(async () => {
    const dataDir = makeTempDir('hub-e2e-portal-forms-')
    const databaseUrl = `file:${path.join(dataDir, 'hub.db')}`
    server = await startNextServer({
      SEED_ADMIN_PASSWORD: e2eStaffPassword,
      DATABASE_URL: databaseUrl,
    })
    database = createClient({ url: databaseUrl })
    const login = await json('/api/users/login', {
      method: 'POST',
      body: JSON.stringify({ email: 'support@example.com', password: e2eStaffPassword }),
    })
    staff = { Authorization: `JWT ${login.body.token}` }

    const signedIn = await fetch(`${server.url}/api/customer-users/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'alice@acme.example', password: demoCustomerPassword }),
    })
    expect(signedIn.status).toBe(200)
    alice = signedIn.headers
      .getSetCookie()
      .map((cookie) => cookie.split(';')[0])
      .join('; ')
    const licenses = await fetch(`${server.url}/api/licenses?depth=1&limit=50`, {
      headers: { cookie: alice, 'Sec-Fetch-Site': 'same-origin' },
    })
    const docs = ((await licenses.json()) as { docs: Array<Record<string, any>> }).docs
    const license = docs.find((doc) => doc.product.slug === 'promonitor' && doc.line === 'v7')!
    licenseId = license.id
    const activations = await json(
      `/api/activations?where[license][equals]=${licenseId}&depth=0&limit=1`,
      { headers: staff },
    )
    activationId = activations.body.docs[0].id

    // A reset link for alice and a register link for a newcomer, as their mails carry them.
    const forgot = await submit(
      '/portal/forgot',
      formOf((await get('/portal/forgot')).text, 'requestPortalReset'),
      { email: 'alice@acme.example' },
    )
    expect(forgot.status).toBe(303)
    resetLink = await linkMailedTo('alice@acme.example', /(http\S+\/portal\/reset\?token=\S+)/)
    const trial = await json('/api/v1/trials', {
      method: 'POST',
      body: JSON.stringify({ email: 'fuzz-newcomer@newco.example', product: 'promonitor' }),
    })
    expect(trial.status).toBe(201)
    registerLink = await linkMailedTo(
      'fuzz-newcomer@newco.example',
      /(http\S+\/portal\/register\?token=\S+)/,
    )
    const releases = await json(
      '/api/releases?where[line][equals]=v7&where[_status][equals]=published&sort=-version&depth=0&limit=1',
      { headers: staff },
    )
    version = releases.body.docs[0].version
  })

  afterAll(async () => {
    database?.close()
    await server?.stop()
    console.info(
      `portal forms: ${Object.entries(statuses)
        .map(([form, list]) => `${form} ${list.length} (${[...new Set(list)].sort().join('/')})`)
        .join(', ')}`,
    )
  })

  it('sign-in: any email, password and return path is a page with a message or the portal, never a 5xx, and a refusal changes nothing', async () => {
    const page = '/portal/login'
    const action = formOf((await get(page)).text, 'signInToPortal')
    await fc.assert(
      fc.asyncProperty(
        fieldValue(fc.constantFrom('grace@globex.example', 'GRACE@globex.example ', 'x@y.z')),
        fieldValue(fc.constantFrom(demoCustomerPassword, 'wrong-password')),
        fieldValue(fc.constantFrom('/portal', '//evil.example', 'https://evil.example/', '/\\x')),
        async (email, password, next) => {
          const fields = { email, password, next }
          const before = await snapshot()
          const answer = await submit(page, action, fields)
          const context = `POST ${page} ${describeFields(fields)}`
          expectClearAnswer('sign-in', answer, context)
          if (answer.status === 303)
            expect(answer.location, context).toMatch(/^\/(?!\/)|^http:\/\/127\.0\.0\.1:\d+\//)
          else expect(await snapshot(), context).toEqual(before)
        },
      ),
      {
        ...settings,
        // Signed in, sent back to a huge path of the portal: the portal itself, not an address
        // that overflows the answer's headers.
        examples: [
          ['grace@globex.example', demoCustomerPassword, `/portal/${'x'.repeat(300_000)}`],
        ],
      },
    )
  })

  it("a form post over Next's 1 MB body cap is refused with a 4xx, never a 5xx, and signs nobody in", async () => {
    const page = '/portal/login'
    const action = formOf((await get(page)).text, 'signInToPortal')
    const before = await snapshot()
    const answer = await submit(page, action, {
      email: 'grace@globex.example',
      password: 'x'.repeat(1_100_000),
    })
    expectClearAnswer('sign-in', answer, 'POST /portal/login with a 1.1 MB password')
    expect(answer.status).toBeGreaterThanOrEqual(400)
    expect(await snapshot()).toEqual(before)
  })

  it('forgot password: any email answers the same page, never a 5xx, and mails only an account', async () => {
    const page = '/portal/forgot'
    const action = formOf((await get(page)).text, 'requestPortalReset')
    await fc.assert(
      fc.asyncProperty(fieldValue(fc.constantFrom('nobody@example.com', '')), async (email) => {
        const before = await snapshot()
        const answer = await submit(page, action, { email })
        const context = `POST ${page} ${describeFields({ email })}`
        expectClearAnswer('forgot', answer, context)
        expect(answer.status, context).toBe(303)
        expect(await snapshot(), context).toEqual(before)
      }),
      settings,
    )
  })

  it('reset password: any token and passwords are a page with a message, never a 5xx, and no password changes but with the token and two equal good passwords', async () => {
    const action = formOf((await get(resetLink)).text, 'resetPortalPassword')
    const token = action.token
    await fc.assert(
      fc.asyncProperty(
        fieldValue(fc.constantFrom(`${token}x`, token.slice(0, -1), 'x')),
        fieldValue(fc.constant('a-new-password-2026')),
        fieldValue(fc.constant('a-new-password-2026')),
        async (tokenField, password, passwordAgain) => {
          const fields = { token: tokenField, password, passwordAgain }
          const before = await snapshot()
          const answer = await submit('/portal/reset', action, fields)
          const context = `POST /portal/reset ${describeFields(fields)}`
          expectClearAnswer('reset', answer, context)
          expect(answer.location, context).not.toContain('changed=1')
          expect(await snapshot(), context).toEqual(before)
        },
      ),
      {
        ...settings,
        // An unknown token with two equal good passwords: Payload's refusal reached the action
        // from the server bundle's own copy of its error classes, and was a 500 until fixed.
        examples: [['0', 'a-new-password-2026', 'a-new-password-2026']],
      },
    )
  })

  it('register: any token and passwords are a page with a message, never a 5xx, and a refusal creates no account', async () => {
    const action = formOf((await get(registerLink)).text, 'claimRegisterLink')
    const token = action.token
    await fc.assert(
      fc.asyncProperty(
        fieldValue(fc.constantFrom(`${token}x`, token.slice(1), 'x')),
        fieldValue(fc.constantFrom('a-new-password-2026', 'short')),
        fieldValue(fc.constantFrom('a-new-password-2026', 'another-one-2026')),
        async (tokenField, password, passwordConfirmation) => {
          const fields = { token: tokenField, password, passwordConfirmation }
          const before = await snapshot()
          const answer = await submit('/portal/register', action, fields)
          const context = `POST /portal/register ${describeFields(fields)}`
          expectClearAnswer('register', answer, context)
          expect(answer.status, context).not.toBe(303)
          expect(await snapshot(), context).toEqual(before)
        },
      ),
      settings,
    )
  })

  it("direct link's license key: any key and release address is a page with a message, never a 5xx, and changes nothing", async () => {
    const page = `/r/promonitor/v7/${version}`
    const action = formOf((await get(page)).text, 'checkKey')
    await fc.assert(
      fc.asyncProperty(
        fieldValue(fc.constantFrom('PMON-0000-0000-0000-0000', '')),
        fieldValue(fc.constant('promonitor')),
        fieldValue(fc.constant('v7')),
        fieldValue(fc.constant(version)),
        async (licenseKey, product, line, versionField) => {
          const fields = { licenseKey, product, line, version: versionField }
          const before = await snapshot()
          const answer = await submit(page, action, fields)
          const context = `POST ${page} ${describeFields(fields)}`
          expectClearAnswer('license key', answer, context)
          expect(await snapshot(), context).toEqual(before)
        },
      ),
      settings,
    )
  })

  it('deactivate: any license, installation and reason is the license page or the form with a message, never a 5xx, and a refusal deactivates nothing', async () => {
    const page = `/portal/licenses/${licenseId}/installations/${activationId}/deactivate`
    const action = formOf((await get(page, alice)).text, 'deactivateInstallation')
    await fc.assert(
      fc.asyncProperty(
        // The real installation only with a reason that is none: a refusal, not a deactivation.
        fieldValue(fc.constantFrom(String(licenseId), '99999', '-1')),
        fieldValue(fc.constantFrom('99999', '0', '1.5')),
        fieldValue(fc.constantFrom('', ' ')),
        fc.boolean(),
        async (licenseField, activationField, reason, signedIn) => {
          const fields = { licenseId: licenseField, activationId: activationField, reason }
          const before = await snapshot()
          const answer = await submit(page, action, fields, signedIn ? { cookie: alice } : {})
          const context = `POST ${page} ${signedIn ? 'signed in ' : ''}${describeFields(fields)}`
          expectClearAnswer('deactivate', answer, context)
          expect(answer.location, context).not.toContain('done=deactivated')
          expect(await snapshot(), context).toEqual(before)
        },
      ),
      settings,
    )
    // Its own installation with the hidden fields as rendered and no reason: refused too.
    const before = await snapshot()
    const refused = await submit(page, action, { reason: '\u0000' }, { cookie: alice })
    expectClearAnswer('deactivate', refused, 'NUL reason')
    expect(await snapshot()).toEqual(before)
  })

  it('license file: any license and installation is a file or a 4xx with a code, never a 5xx', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.constant(String(licenseId)),
          oddString.filter((text) => text.length > 0),
        ),
        fc.option(fc.oneof(fc.constant(String(activationId)), oddString), { nil: undefined }),
        fc.boolean(),
        async (id, installation, signedIn) => {
          const route = `/portal/licenses/${encodeURIComponent(id)}/license-file${installation === undefined ? '' : `?installation=${encodeURIComponent(installation)}`}`
          const answer = await get(route, signedIn ? alice : undefined)
          const context = `GET ${route}${signedIn ? ' signed in' : ''}`
          expectClearAnswer('license file', answer, context)
          if (answer.status >= 400 && answer.status !== 404)
            expect(JSON.parse(answer.text).code, context).toEqual(expect.any(String))
        },
      ),
      settings,
    )
  })

  it("dashboard's company filter: any company is the dashboard, never a 5xx", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.oneof(fc.constantFrom('1', '2', '99999', ''), oddString), {
          minLength: 0,
          maxLength: 3,
        }),
        async (companies) => {
          const query = new URLSearchParams(companies.map((company) => ['company', company]))
          const answer = await get(`/portal?${query}`, alice)
          const context = `GET /portal?${query}`
          expectClearAnswer('company filter', answer, context)
          expect(answer.status, context).toBe(200)
        },
      ),
      settings,
    )
  })

  it("login notice's dismiss: any extra fields and Referer go back to a portal page, never a 5xx, and change nothing", async () => {
    // Signed in through the portal's form, so the dashboard shows the notice and its form.
    const login = formOf((await get('/portal/login')).text, 'signInToPortal')
    const signedIn = await submit('/portal/login', login, {
      email: 'alice@acme.example',
      password: demoCustomerPassword,
      next: '/portal',
    })
    expect(signedIn.status).toBe(303)
    const cookie = signedIn.cookies.join('; ')
    expect(cookie).toContain('payload-token=')
    const dashboard = await get('/portal', cookie)
    // The notice (and its form) shows only when a license needs it; without, the fields its form
    // would carry, from the build.
    const action = dashboard.text.includes(actionIds.dismissLoginNotice)
      ? formOf(dashboard.text, 'dismissLoginNotice')
      : { [`$ACTION_ID_${actionIds.dismissLoginNotice}`]: '' }
    await fc.assert(
      fc.asyncProperty(
        fc.dictionary(oddString, fieldValue(fc.constant('x')), { maxKeys: 3 }),
        fc.option(
          fc.oneof(
            fc.constantFrom(
              `${server.url}/portal/licenses/${licenseId}`,
              'https://evil.example/portal',
              `${server.url}//evil.example`,
              'not a url',
            ),
            fc
              .string({
                unit: fc.integer({ min: 0x20, max: 0x7e }).map((code) => String.fromCharCode(code)),
              })
              .map((tail) => `${server.url}/${tail}`),
          ),
          { nil: undefined },
        ),
        async (extra, referer) => {
          const fields = Object.fromEntries(
            Object.entries(extra).filter(([name]) => !name.startsWith('$ACTION')),
          )
          const before = await snapshot()
          const answer = await submit('/portal', action, fields, { cookie, referer })
          const context = `POST /portal ${describeFields(fields)} Referer ${referer}`
          expectClearAnswer('dismiss', answer, context)
          // Up to three fields of up to 800 kB each: over the cap the form is refused whole.
          if (answer.overCap) expect(answer.status, context).toBe(413)
          else {
            expect(answer.status, context).toBe(303)
            expect(answer.location, context).toMatch(/^\/(?![/\\])/)
          }
          expect(await snapshot(), context).toEqual(before)
        },
      ),
      settings,
    )
  })

  it('no password changed and no account created by everything above', async () => {
    const accounts = await json('/api/customer-users?limit=0&depth=0', { headers: staff })
    expect((accounts.body.docs as Array<{ email: string }>).map((doc) => doc.email)).not.toContain(
      'fuzz-newcomer@newco.example',
    )
    const signedIn = await json('/api/customer-users/login', {
      method: 'POST',
      body: JSON.stringify({ email: 'alice@acme.example', password: demoCustomerPassword }),
    })
    expect(signedIn.status).toBe(200)
  })
})
