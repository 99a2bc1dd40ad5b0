import { describe, expect, it } from 'vitest'

import { formatDay, formatTime } from '../../src/lib/time'

describe('the one date format', () => {
  it('writes a day as `3 Dec 2026`, without a leading zero', () => {
    expect(formatDay(new Date('2026-12-03T14:05:59Z'))).toBe('3 Dec 2026')
    expect(formatDay('2027-01-31T00:00:00.000Z')).toBe('31 Jan 2027')
  })

  it('writes an instant as `3 Dec 2026, 14:05 UTC`, hours and minutes on two digits', () => {
    expect(formatTime('2026-12-03T14:05:59.999Z')).toBe('3 Dec 2026, 14:05 UTC')
    expect(formatTime(new Date('2026-07-09T04:07:00Z'))).toBe('9 Jul 2026, 04:07 UTC')
  })

  it('takes the day in UTC, whatever the offset the string was written with', () => {
    expect(formatDay('2026-12-03T23:30:00-02:00')).toBe('4 Dec 2026')
    expect(formatTime('2026-12-04T01:30:00+02:00')).toBe('3 Dec 2026, 23:30 UTC')
  })

  it('refuses what is not a date', () => {
    expect(() => formatDay('not a date')).toThrow(RangeError)
    expect(() => formatTime('')).toThrow(RangeError)
  })
})
