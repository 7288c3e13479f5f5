// Field-level validation messages: the sheet view provides where they come from, fields ask by path.
import { inject, provide, type InjectionKey } from 'vue'
import { useI18n } from '@/i18n'
import type { FieldIssue } from '@/domain/field-issues'

type IssueLookup = (path: string) => FieldIssue | undefined

const issueLookupKey: InjectionKey<IssueLookup> = Symbol('field-issues')

export function provideFieldIssues(lookup: IssueLookup): void {
  provide(issueLookupKey, lookup)
}

/**
 * Returns the French message for the field at a path, or undefined when the field is valid. The message says
 * that the text stays out of the stored sheet until it is fixed (the sheet keeps its last valid value).
 */
export function useFieldErrors(): (path: string) => string | undefined {
  const lookup = inject(issueLookupKey, () => undefined)
  const { t } = useI18n()
  return (path) => {
    const issue = lookup(path)
    return issue ? `${t(`validation.${issue.code}`, { max: issue.max ?? 0 })} ${t('validation.notSaved')}` : undefined
  }
}
