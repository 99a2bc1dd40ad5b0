import { issueCustomerLicenseFile } from '../../../../../../../plugins/licensing'
import { currentCustomer } from '../../../session/currentCustomer'

export const dynamic = 'force-dynamic'

const refusal = (status: number, code: string, message: string) =>
  Response.json({ code, message }, { status, headers: { 'Cache-Control': 'no-store' } })

/**
 * `GET /portal/licenses/<id>/license-file?installation=<activation id>`: the `.lic` file of one of
 * the account's installations, issued as the license page shows it. The address names the
 * installation, never the key; the answer holds the key, so no cache keeps it.
 */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params
  const installation = new URL(request.url).searchParams.get('installation')
  if (!installation)
    return refusal(400, 'BAD_REQUEST', 'Say which installation: ?installation=<id>')
  const session = await currentCustomer()
  if (!session)
    return refusal(401, 'UNAUTHORIZED', 'Sign in to the portal to download a license file.')
  const file = await issueCustomerLicenseFile(session.payload, {
    user: session.user,
    licenseId: id,
    activationId: installation,
  })
  if (file.code === 'NOT_FOUND')
    return refusal(404, 'NOT_FOUND', 'No such installation on a license of yours.')
  if (file.code === 'NOT_USABLE')
    return refusal(
      409,
      file.reason,
      `This license is ${file.reason.toLowerCase().replace('_', ' ')}: no license file can be issued.`,
    )
  return new Response(file.armored, {
    headers: {
      'Content-Type': 'application/octet-stream',
      'Content-Disposition': `attachment; filename="${file.fileName}"`,
      'Cache-Control': 'no-store',
    },
  })
}
