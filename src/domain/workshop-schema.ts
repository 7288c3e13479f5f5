// A workshop's rules, written once: the Zod schema of the block a file carries (format v2 and later) is also what
// checks the details typed in the workshop form. Apart from workshop.ts so that the library page, which lists
// workshops, opens without Zod.
import { z } from 'zod'
import { hasVisibleText, LIMITS } from './vocabulary'

/**
 * The workshop the sheets of a file come from (optional in the envelope): a facilitator passes a whole workshop on
 * in one file.
 */
export const workshopBlockSchema = z.object({
  id: z.uuid(),
  title: z.string().trim().min(1, { abort: true }).max(LIMITS.shortText).refine(hasVisibleText, { message: 'blank' }),
  date: z.iso.date().nullable().default(null),
  place: z.string().trim().max(LIMITS.shortText).default(''),
  /** Who led it (« animateur ou animatrice »). */
  facilitator: z.string().trim().max(LIMITS.shortText).default(''),
})

export type WorkshopBlock = z.output<typeof workshopBlockSchema>
export type WorkshopDetails = Omit<WorkshopBlock, 'id'>

const detailsSchema = workshopBlockSchema.omit({ id: true })

export type WorkshopDetailsProblem = { field: keyof WorkshopDetails; code: 'required' | 'tooLong' | 'date' }

/**
 * The details as they will be stored (trimmed; an empty date field is no date), and what is wrong with them: the
 * rules of the file's block, so that a workshop saved here always travels.
 */
export function checkWorkshopDetails(details: WorkshopDetails): { details: WorkshopDetails; problems: WorkshopDetailsProblem[] } {
  const typed = { ...details, date: details.date?.trim() ? details.date.trim() : null }
  const result = detailsSchema.safeParse(typed)
  if (result.success) return { details: result.data, problems: [] }
  const problems: WorkshopDetailsProblem[] = []
  for (const issue of result.error.issues) {
    const field = issue.path[0] as keyof WorkshopDetails
    const code = field === 'date' ? 'date' : issue.code === 'too_big' ? 'tooLong' : 'required'
    if (!problems.some((problem) => problem.field === field)) problems.push({ field, code })
  }
  const trimmed = (text: string) => text.trim()
  return {
    details: { title: trimmed(typed.title), date: typed.date, place: trimmed(typed.place), facilitator: trimmed(typed.facilitator) },
    problems,
  }
}
