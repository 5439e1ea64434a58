/** Live form hints, from the same rules the BFF applies (shared). null: nothing to say. */
import { normalizeIdNumber, parseIdNumber, PersonNameSchema } from '@family-share/shared'
import { ID_PROBLEM_HINTS } from '@/i18n/labels'

export function nameHint(name: string): string | null {
  const trimmed = name.trim()
  if (trimmed === '') return '请填写姓名'
  if (PersonNameSchema.safeParse(trimmed).success) return null
  if (Array.from(trimmed).length < 2) return '姓名至少2个字'
  return '请填写身份证上的姓名（汉字或藏文，可含间隔号·）'
}

export function idNumberHint(idNumber: string, today: string): string | null {
  const id = normalizeIdNumber(idNumber)
  if (id === '') return '请填写身份证号'
  const parsed = parseIdNumber(id, today)
  if (parsed.ok) return null
  if (parsed.problem === 'LENGTH') return `${ID_PROBLEM_HINTS.LENGTH}，目前${id.length}位`
  return ID_PROBLEM_HINTS[parsed.problem]
}
