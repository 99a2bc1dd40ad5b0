'use client'

import { Button, useConfig, useDocumentInfo } from '@payloadcms/ui'
import { useRouter } from 'next/navigation'
import { useState } from 'react'

import { useStaffAction } from '../../../src/admin/useStaffAction'
import { InlineSelect } from './licenseActions/InlineFields'

/**
 * "Create trial" on a customer: a trial of the chosen product, then straight to the new license.
 */
export const CustomerActions = () => {
  const { id } = useDocumentInfo()
  const { config } = useConfig()
  const router = useRouter()
  const { run, busy } = useStaffAction('customers', id)
  const [product, setProduct] = useState('promonitor')
  if (id === undefined) return null

  return (
    <div className="customer-actions" style={{ display: 'flex', gap: 8, alignItems: 'center' }}>
      <label htmlFor="customer-trial-product">Trial of</label>
      <InlineSelect
        id="customer-trial-product"
        value={product}
        onChange={(event) => setProduct(event.target.value)}
      >
        <option value="promonitor">ProMonitor</option>
        <option value="collector">Collector</option>
        <option value="cockpit">Cockpit</option>
      </InlineSelect>
      <Button
        buttonStyle="secondary"
        size="small"
        disabled={busy}
        onClick={async () => {
          const answer = (await run('create-trial', { product }, 'Trial created')) as {
            license?: { id: number }
          } | null
          if (answer?.license)
            router.push(`${config.routes.admin}/collections/licenses/${answer.license.id}`)
        }}
      >
        Create trial
      </Button>
    </div>
  )
}
