// Validation issues in the app's own words: a field path and a reason the UI can translate,
// instead of Zod's codes and messages (which are English and name internals).
import type { z } from 'zod'

export type FieldIssueCode =
  | 'required'
  | 'tooLong'
  | 'tooMany'
  | 'negative'
  | 'number'
  | 'date'
  | 'endBeforeStart'
  | 'choice'
  | 'invalid'

export interface FieldIssue {
  /** Dotted path in the sheet, e.g. "project.calendar.milestones.0.label". */
  path: string
  code: FieldIssueCode
  max?: number
}

function codeOf(issue: z.core.$ZodIssue): Pick<FieldIssue, 'code' | 'max'> {
  switch (issue.code) {
    case 'too_small':
      if (issue.origin === 'string') return { code: 'required' }
      if (issue.origin === 'number') return { code: 'negative' }
      return { code: 'invalid' }
    case 'too_big':
      if (issue.origin === 'string') return { code: 'tooLong', max: Number(issue.maximum) }
      if (issue.origin === 'array') return { code: 'tooMany', max: Number(issue.maximum) }
      return { code: 'invalid' }
    case 'invalid_type':
      if (issue.input === undefined && issue.expected === 'string') return { code: 'required' }
      if (issue.expected === 'number' || issue.expected === 'int') return { code: 'number' }
      return { code: 'invalid' }
    case 'invalid_format':
      return issue.format === 'date' ? { code: 'date' } : { code: 'invalid' }
    case 'invalid_value':
      return { code: 'choice' }
    case 'custom':
      return issue.message === 'end-before-start' ? { code: 'endBeforeStart' } : { code: 'invalid' }
    default:
      return { code: 'invalid' }
  }
}

export function toFieldIssues(issues: readonly z.core.$ZodIssue[]): FieldIssue[] {
  return issues.map((issue) => ({ path: issue.path.map(String).join('.'), ...codeOf(issue) }))
}
