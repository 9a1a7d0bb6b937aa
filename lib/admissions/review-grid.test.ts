import { describe, expect, it } from 'vitest'
import { evenAssignments, fileResult, rank, weightedMark } from './review-grid'

const criteria = [
  { id: 'notes', scaleMax: 20, weight: 2 },
  { id: 'motivation', scaleMax: 10, weight: 1 },
]

describe('weighted mark', () => {
  it('brings every scale to 20 and weighs each criterion', () => {
    // (16/20·20·2 + 5/10·20·1) / 3 = (32 + 10) / 3 = 14
    expect(weightedMark(criteria, { notes: 16, motivation: 5 })).toBe(14)
  })

  it('gives no mark until every criterion is scored', () => {
    expect(weightedMark(criteria, { notes: 16 })).toBeNull()
    expect(weightedMark([], {})).toBeNull()
  })
})

describe('a file’s result', () => {
  it('averages finished reviews only and flags reviewers far apart', () => {
    const result = fileResult(criteria, [
      { reviewerId: 'a', scores: { notes: 18, motivation: 9 }, completed: true },
      { reviewerId: 'b', scores: { notes: 10, motivation: 5 }, completed: true },
      { reviewerId: 'c', scores: { notes: 20, motivation: 10 }, completed: false },
    ])
    expect(result.marks.map((m) => m.mark)).toEqual([18, 10])
    expect(result.average).toBe(14)
    expect(result.spread).toBe(8)
    expect(result.disagreement).toBe(true)
    expect(result).toMatchObject({ scored: 2, assigned: 3 })
  })

  it('does not flag close marks, nor a single review', () => {
    expect(
      fileResult(criteria, [
        { reviewerId: 'a', scores: { notes: 14, motivation: 7 }, completed: true },
        { reviewerId: 'b', scores: { notes: 12, motivation: 6 }, completed: true },
      ]).disagreement,
    ).toBe(false)
    expect(
      fileResult(criteria, [
        { reviewerId: 'a', scores: { notes: 14, motivation: 7 }, completed: true },
      ]).spread,
    ).toBeNull()
  })
})

describe('ranking', () => {
  it('ranks best first, ties sharing a rank, unscored files last and unranked', () => {
    const ranked = rank([
      { id: 'x', average: 12 },
      { id: 'y', average: null },
      { id: 'z', average: 15 },
      { id: 'w', average: 12 },
      { id: 'v', average: 9 },
    ])
    expect(ranked.map((f) => [f.id, f.rank])).toEqual([
      ['z', 1],
      ['x', 2],
      ['w', 2],
      ['v', 4],
      ['y', null],
    ])
  })
})

describe('even assignment', () => {
  it('gives each file distinct reviewers and keeps loads within one of each other', () => {
    const files = Array.from({ length: 7 }, (_, i) => ({ id: `f${i}`, reviewers: [] as string[] }))
    const pairs = evenAssignments(files, ['a', 'b', 'c'], 2)
    expect(pairs).toHaveLength(14)
    for (const f of files) {
      const mine = pairs.filter((p) => p.fileId === f.id).map((p) => p.reviewerId)
      expect(new Set(mine).size).toBe(2)
    }
    const loads = ['a', 'b', 'c'].map((r) => pairs.filter((p) => p.reviewerId === r).length)
    expect(Math.max(...loads) - Math.min(...loads)).toBeLessThanOrEqual(1)
  })

  it('counts existing assignments and never assigns a reviewer twice to one file', () => {
    const pairs = evenAssignments(
      [
        { id: 'f1', reviewers: ['a'] },
        { id: 'f2', reviewers: [] },
      ],
      ['a', 'b'],
      1,
      { a: 5 },
    )
    expect(pairs).toEqual([{ fileId: 'f2', reviewerId: 'b' }])
  })
})
