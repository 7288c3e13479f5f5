// Validation issues in the app's own words: a field path and a reason the UI can translate,
// instead of Zod's codes and messages (which are English and name internals).
import type { z } from 'zod'

type FieldIssueCode =
  | 'required'
  | 'tooLong'
  | 'tooMany'
  | 'negative'
  | 'tooBig'
  | 'number'
  | 'date'
  | 'endBeforeStart'
  | 'choice'
  | 'score'
  | 'missing'
  | 'uuid'
  | 'datetime'
  | 'updatedBeforeCreated'
  | 'duplicateId'
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
      if (issue.origin === 'number') return { code: 'tooBig' }
      return { code: 'invalid' }
    case 'invalid_type':
      if (issue.input === undefined && issue.expected === 'string') return { code: 'required' }
      if (issue.input === undefined) return { code: 'missing' }
      if (issue.expected === 'number' || issue.expected === 'int') return { code: 'number' }
      return { code: 'invalid' }
    case 'invalid_format':
      if (issue.format === 'date') return { code: 'date' }
      if (issue.format === 'uuid') return { code: 'uuid' }
      if (issue.format === 'datetime') return { code: 'datetime' }
      return { code: 'invalid' }
    case 'invalid_value':
      // Absent is not the same mistake as a value outside the list.
      return issue.input === undefined ? { code: 'missing' } : { code: 'choice' }
    case 'custom':
      if (issue.message === 'blank') return { code: 'required' }
      if (issue.message === 'negative') return { code: 'negative' }
      if (issue.message === 'end-before-start') return { code: 'endBeforeStart' }
      if (issue.message === 'updated-before-created') return { code: 'updatedBeforeCreated' }
      return { code: 'invalid' }
    default:
      return { code: 'invalid' }
  }
}

// A radar score has one rule a person can follow, whatever Zod found wrong with it.
const SCORE_PATH = /^radar\.[a-z]+\.(prototype|scaleUp)$/

export function toFieldIssues(issues: readonly z.core.$ZodIssue[]): FieldIssue[] {
  return issues.map((issue) => {
    const path = issue.path.map(String).join('.')
    return SCORE_PATH.test(path) ? { path, code: 'score' } : { path, ...codeOf(issue) }
  })
}
