import { hubMarkUrl, hubName } from './hubName'

/** The admin's login page: the hub's mark, its name and the vendor's (`VENDOR_NAME`). */
export const Logo = ({ vendorName }: { vendorName: string }) => (
  <div className="hub-logo" style={{ display: 'flex', alignItems: 'center', gap: 16 }}>
    <img src={hubMarkUrl} alt="" width={56} height={56} />
    <div>
      <div className="hub-logo__name" style={{ fontSize: 26, fontWeight: 700, lineHeight: 1.2 }}>
        {hubName}
      </div>
      <div className="hub-logo__vendor" style={{ color: 'var(--theme-elevation-600)' }}>
        {vendorName}
      </div>
    </div>
  </div>
)
