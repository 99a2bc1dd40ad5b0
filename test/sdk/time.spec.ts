import { describe, expect, it } from 'vitest'
import { addDays, daysLeft, isExpired } from '../../src/lib/time'

const now = new Date('2025-03-10T12:00:00Z')

describe('time helpers', () => {
  it('counts a part of a day left as a whole day', () => {
    expect(daysLeft('2025-03-10T15:00:00Z', now)).toBe(1)
    expect(daysLeft(new Date('2025-03-12T12:00:00Z'), now)).toBe(2)
    expect(daysLeft('2025-03-12T12:00:01Z', now)).toBe(3)
  })

  it('answers 0 days left once the expiry has passed', () => {
    expect(daysLeft('2025-03-10T12:00:00Z', now)).toBe(0)
    expect(daysLeft('2024-01-01T00:00:00Z', now)).toBe(0)
  })

  it('answers null days left when there is no expiry', () => {
    expect(daysLeft(null, now)).toBeNull()
    expect(daysLeft(undefined, now)).toBeNull()
  })

  it('is expired from the expiry instant on, and never without an expiry', () => {
    expect(isExpired('2025-03-10T12:00:00Z', now)).toBe(true)
    expect(isExpired('2025-03-10T12:00:01Z', now)).toBe(false)
    expect(isExpired(null, now)).toBe(false)
  })

  it('adds whole days of 24 hours', () => {
    expect(addDays(now, 30).toISOString()).toBe('2025-04-09T12:00:00.000Z')
    expect(addDays('2025-03-10T12:00:00Z', -1).toISOString()).toBe('2025-03-09T12:00:00.000Z')
  })

  it('throws on a date string that does not parse', () => {
    expect(() => daysLeft('not a date', now)).toThrow(RangeError)
  })
})
