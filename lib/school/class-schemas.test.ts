import { describe, expect, it } from 'vitest'
import { classSchema, classSettingsSchema, importMappingSchema } from './class-schemas'

const uuid = '3f1c2b9e-8d7a-4c6b-9e5f-1a2b3c4d5e6f'

// The form's resolver sends the action what the schema produced: it must parse again.
describe('class and import forms', () => {
  it('accept their own parsed values (empty level and programme become null, twice)', () => {
    const once = classSchema.parse({
      schoolYearId: uuid,
      name: ' 3e B ',
      level: '',
      programmeId: '',
    })
    expect(once).toEqual({ schoolYearId: uuid, name: '3e B', level: null, programmeId: null })
    expect(classSchema.parse(once)).toEqual(once)

    const settings = classSettingsSchema.parse({
      classId: uuid,
      name: '3e B',
      level: '',
      programmeId: '',
      internshipsEnabled: true,
      mainTeacherUserIds: [],
      periods: [{ label: '', startsOn: '2026-12-07', endsOn: '2026-12-11' }],
    })
    expect(settings.periods[0]!.label).toBeNull()
    expect(classSettingsSchema.parse(settings)).toEqual(settings)

    const mapping = importMappingSchema.parse({
      importId: uuid,
      createMissingClasses: false,
      columns: {
        lastName: '0',
        firstName: '1',
        birthDate: '',
        ine: '',
        className: '2',
        email: '',
        guardianName: '',
        guardianEmail: '',
      },
    })
    expect(mapping.columns).toMatchObject({ lastName: 0, firstName: 1, birthDate: null })
    expect(importMappingSchema.parse(mapping)).toEqual(mapping)
  })

  it('refuses overlapping internship periods on the form already', () => {
    const result = classSettingsSchema.safeParse({
      classId: uuid,
      name: '3e B',
      internshipsEnabled: true,
      mainTeacherUserIds: [],
      periods: [
        { startsOn: '2026-12-07', endsOn: '2026-12-11' },
        { startsOn: '2026-12-10', endsOn: '2026-12-12' },
      ],
    })
    expect(result.success).toBe(false)
    expect(result.error?.issues[0]).toMatchObject({ path: ['periods', 1, 'startsOn'] })
  })
})
