/**
 * Issue 12 item 8: relatives are told apart — the relation first, as the viewer says it
 * (我的儿子 · 扎*), and the last four of the ID number when two masked names are the same.
 */
import { describe, expect, it } from 'vitest'
import { render, screen } from '@testing-library/react'
import { confusableNames, genderOf, lastFour, relativeWord } from '@/i18n/labels'
import { BindingCard } from '@/pages/bindings/binding-card'
import { binding } from './support/fixtures'

describe('relation words (item 8)', () => {
  it('when the masked ID number shows the 17th digit, then the relation is gendered from it (odd: male)', () => {
    expect(genderOf('5401**********1315')).toBe('male')
    expect(genderOf('5401**********2428')).toBe('female')
    expect(relativeWord('child', '5401**********1315')).toBe('我的儿子')
    expect(relativeWord('parent', '5401**********2428')).toBe('我的母亲')
  })

  it('when the number does not tell, then the neutral word is used', () => {
    expect(genderOf(undefined)).toBeNull()
    expect(relativeWord('child')).toBe('我的子女')
  })

  it('when two relatives share a masked name, then both are marked confusable and their last four digits are shown', () => {
    const twins = confusableNames([{ maskedName: '扎*' }, { maskedName: '扎*' }, { maskedName: '卓*' }])
    expect([...twins]).toEqual(['扎*'])
    expect(lastFour('5401**********1315')).toBe('尾号1315')

    render(
      <>
        <BindingCard binding={binding({ bindingId: 'b1', relation: 'child', counterpart: { maskedName: '扎*', maskedIdNumber: '5401**********1315' } })} ending={false} confusable />
        <BindingCard binding={binding({ bindingId: 'b2', relation: 'child', counterpart: { maskedName: '扎*', maskedIdNumber: '5401**********3351' } })} ending={false} confusable />
      </>,
    )
    expect(screen.getByText('尾号1315')).toBeTruthy()
    expect(screen.getByText('尾号3351')).toBeTruthy()
    expect(screen.getAllByText('我的儿子')).toHaveLength(2)
  })

  it('when a relative is the only one with that masked name, then no digits are added', () => {
    render(<BindingCard binding={binding()} ending={false} />)
    expect(screen.getByText('我的母亲')).toBeTruthy()
    expect(screen.queryByText(/^尾号/)).toBeNull()
  })
})
