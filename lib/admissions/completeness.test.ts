import { describe, expect, it } from 'vitest'
import { completenessVerdict, type RequiredPiece } from './completeness'

const piece = (state: RequiredPiece['state']): RequiredPiece => ({ id: state, name: state, state })
const recos = (received: number, required = 2) => ({ received, required })

describe('completeness verdict', () => {
  it('calls a file with a missing or refused required document incomplete, whatever the recommendations', () => {
    expect(completenessVerdict([piece('valid'), piece('missing')], recos(2))).toBe('incomplete')
    expect(completenessVerdict([piece('refused')], recos(2))).toBe('incomplete')
  })

  it('calls a file complete only when every required document is accepted and every recommendation received', () => {
    expect(completenessVerdict([piece('valid'), piece('valid')], recos(2))).toBe('complete')
    expect(completenessVerdict([piece('valid')], recos(1))).toBe('waiting')
    expect(completenessVerdict([piece('valid'), piece('pending')], recos(2))).toBe('waiting')
    expect(completenessVerdict([], recos(0, 0))).toBe('complete')
  })
})
