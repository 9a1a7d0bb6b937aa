import type { StaffContext } from '@/lib/auth/staff-context'

// Which classes a staff member sees: all of the establishment's ('students.view-all' or
// 'classes.manage'), or a main teacher's own ('students.view-own', through class_main_teachers).
export type ClassScope = { establishmentId: string; mainTeacherUserId?: string }

export function classScopeOf(context: Pick<StaffContext, 'establishmentId' | 'may' | 'user'>) {
  if (context.may('students.view-all') || context.may('classes.manage'))
    return { establishmentId: context.establishmentId } satisfies ClassScope
  return {
    establishmentId: context.establishmentId,
    mainTeacherUserId: context.user.id,
  } satisfies ClassScope
}
