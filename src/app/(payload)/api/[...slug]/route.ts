/* Payload's generated REST route, with one change: a client path (/api/v1) asked with a method */
/* its endpoints do not take answers 405 with Allow, as the API host does (withClientMethods). */
import config from '@payload-config'
import '@payloadcms/next/css'
import {
  REST_DELETE,
  REST_GET,
  REST_OPTIONS,
  REST_PATCH,
  REST_POST,
  REST_PUT,
} from '@payloadcms/next/routes'

import { withClientMethods } from '../../../../../plugins/clientApi'

const clientMethods = withClientMethods(config)

export const GET = clientMethods(REST_GET(config))
export const POST = clientMethods(REST_POST(config))
export const DELETE = clientMethods(REST_DELETE(config))
export const PATCH = clientMethods(REST_PATCH(config))
export const PUT = clientMethods(REST_PUT(config))
export const OPTIONS = clientMethods(REST_OPTIONS(config))
