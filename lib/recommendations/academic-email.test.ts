import { describe, expect, it } from 'vitest'
import { isAcademicEmail } from './academic-email'

describe('academic email domains', () => {
  it('recognises rectorats, universities and the ministry', () => {
    for (const email of [
      'jean.dupont@ac-toulouse.fr',
      'a@ac-aix-marseille.fr',
      'x@univ-tlse3.fr',
      'y@ut-capitole.univ-toulouse.fr',
      'z@education.gouv.fr',
      'p@educagri.fr',
    ]) {
      expect(isAcademicEmail(email), email).toBe(true)
    }
  })
  it('does not vouch for personal or look-alike addresses', () => {
    for (const email of [
      'jean@gmail.com',
      'x@ac-toulouse.fr.evil.com',
      'y@fakeac-toulouse.com',
      'z@exemple.fr',
    ]) {
      expect(isAcademicEmail(email), email).toBe(false)
    }
  })
})
