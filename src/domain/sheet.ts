// The fiche Projet Data: the Zod schema of docs/exchange-format.md, the types inferred from it and the
// factory for a new sheet. This schema is the single source of truth for types, validation and the JSON Schema.
import { z } from 'zod'
import { THEME_IDS, type ThemeId } from './grid'
import { isoDate, list, requiredText, text } from './schema-parts'
import {
  DATA_ACCESS_MODES,
  DECISION_SOURCES,
  DECISION_STATUSES,
  LEGAL_STATUSES,
  LEGAL_TOPICS,
  LIMITS,
  ORIGINS,
  PERSONAL_DATA_LEVELS,
  PHASES,
  STAKEHOLDER_ROLES,
  type LegalTopic,
} from './vocabulary'

export * from './vocabulary'

// Finite (Zod refuses Infinity and NaN), not negative (-0 included: it would print as « -0 € »), not absurd.
const amount = z
  .number()
  .nonnegative()
  .max(LIMITS.amount)
  .refine((value) => !Object.is(value, -0), { message: 'negative' })

// "Not assessed" (null) is distinct from 0: the radar leaves a gap and the indicators ignore it.
export const scoreSchema = z.number().int().min(0).max(4).nullable().default(null)

export const themeAssessmentSchema = z.object({
  prototype: scoreSchema,
  scaleUp: scoreSchema,
  comment: text(LIMITS.note),
})

export const radarSchema = z.object(
  Object.fromEntries(THEME_IDS.map((id) => [id, themeAssessmentSchema])) as Record<
    ThemeId,
    typeof themeAssessmentSchema
  >,
)

export const milestoneSchema = z.object({
  label: requiredText(LIMITS.shortText),
  date: isoDate,
})

export const calendarSchema = z
  .object({
    start: isoDate,
    end: isoDate,
    milestones: list(milestoneSchema, LIMITS.milestones),
  })
  .refine((calendar) => !calendar.start || !calendar.end || calendar.end >= calendar.start, {
    message: 'end-before-start',
    path: ['end'],
  })

export const stakeholderSchema = z.object({
  name: requiredText(LIMITS.shortText),
  organisation: text(LIMITS.shortText),
  role: z.enum(STAKEHOLDER_ROLES),
  internal: z.boolean(),
})

export const territorySchema = z.object({
  name: requiredText(LIMITS.shortText),
  code: text(LIMITS.territoryCode),
})

export const budgetLineSchema = z.object({
  label: requiredText(LIMITS.shortText),
  amount,
})

export const budgetSchema = z.object({
  total: amount.nullable().default(null),
  lines: list(budgetLineSchema, LIMITS.budgetLines),
  funding: text(LIMITS.note),
})

export const impactIndicatorSchema = z.object({
  name: requiredText(LIMITS.shortText),
  baseline: text(LIMITS.shortText),
  target: text(LIMITS.shortText),
})

export const projectSchema = z.object({
  title: requiredText(LIMITS.shortText),
  /** A short name (format v3), « Téléphonie mobile », used instead of the title where room is short: the vote's
   *  ballots and results, the matrix, the comparison. '' when the title is short enough. */
  shortLabel: text(LIMITS.shortLabel),
  /** « Problématique »: the problem the project answers (format v2). */
  problem: text(LIMITS.longText),
  description: text(LIMITS.description),
  /** The theme or commission the project belongs to, free text (format v2); sheets are grouped by it. */
  domain: text(LIMITS.shortText),
  calendar: calendarSchema.prefault({}),
  stakeholders: list(stakeholderSchema, LIMITS.stakeholders),
  objectives: list(requiredText(LIMITS.objective), LIMITS.objectives),
  territories: list(territorySchema, LIMITS.territories),
  budget: budgetSchema.prefault({}),
  impact: z
    .object({
      indicators: list(impactIndicatorSchema, LIMITS.impactIndicators),
      notes: text(LIMITS.longText),
    })
    .prefault({}),
})

export const datasetSchema = z.object({
  name: requiredText(LIMITS.shortText),
  description: text(LIMITS.longText),
  owner: text(LIMITS.shortText),
  access: z.enum(DATA_ACCESS_MODES),
  personal: z.enum(PERSONAL_DATA_LEVELS),
  notes: text(LIMITS.note),
})

export const legalTopicSchema = z.object({
  status: z.enum(LEGAL_STATUSES).default('non-evalue'),
  notes: text(LIMITS.note),
})

export const legalSchema = z.object(
  Object.fromEntries(LEGAL_TOPICS.map((topic) => [topic, legalTopicSchema.prefault({})])) as Record<
    LegalTopic,
    ReturnType<typeof legalTopicSchema.prefault>
  >,
)

export const dataSchema = z.object({
  datasets: list(datasetSchema, LIMITS.datasets),
  legal: legalSchema.prefault({}),
  ethics: text(LIMITS.longText),
})

/** One decision about the project: its status, when, why (format v2), and where it came from (format v3). */
export const decisionEntrySchema = z.object({
  status: z.enum(DECISION_STATUSES).default('a-examiner'),
  reason: text(LIMITS.note),
  decidedAt: isoDate,
  /** null for a decision written before format v3, whose source nobody recorded. */
  source: z.enum(DECISION_SOURCES).nullable().default(null),
})

/** The decision in force, and the earlier ones it replaced, oldest first (format v3). */
export const decisionSchema = decisionEntrySchema.extend({
  history: list(decisionEntrySchema, LIMITS.decisionHistory),
})

/** A radar's scores without the comments: what a snapshot keeps. */
export const radarScoresSchema = z.object(
  Object.fromEntries(
    THEME_IDS.map((id) => [id, z.object({ prototype: scoreSchema, scaleUp: scoreSchema })]),
  ) as Record<ThemeId, z.ZodObject<{ prototype: typeof scoreSchema; scaleUp: typeof scoreSchema }>>,
)

/** A saved state of the radar (format v2), to show later what moved. */
export const radarSnapshotSchema = z.object({
  id: z.uuid(),
  takenAt: z.iso.datetime({ offset: true }),
  label: text(LIMITS.shortText),
  /** The sheet's phase when the state was saved. */
  phase: z.enum(PHASES),
  radar: radarScoresSchema,
})

export const sheetSchema = z
  .object({
    id: z.uuid(),
    createdAt: z.iso.datetime({ offset: true }),
    updatedAt: z.iso.datetime({ offset: true }),
    organisation: text(LIMITS.shortText),
    author: text(LIMITS.shortText),
    phase: z.enum(PHASES).default('idee'),
    /** How the sheet was produced (format v2); null when nobody said. */
    origin: z.enum(ORIGINS).nullable().default(null),
    tags: list(requiredText(LIMITS.tag), LIMITS.tags),
    project: projectSchema,
    data: dataSchema.prefault({}),
    radar: radarSchema,
    decision: decisionSchema.prefault({}),
    snapshots: list(radarSnapshotSchema, LIMITS.snapshots),
  })
  .refine((sheet) => Date.parse(sheet.updatedAt) >= Date.parse(sheet.createdAt), {
    message: 'updated-before-created',
    path: ['updatedAt'],
  })

/** A sheet as stored and exported: every default filled in. */
export type Sheet = z.output<typeof sheetSchema>
export type ThemeAssessment = Sheet['radar'][ThemeId]
export type Milestone = Sheet['project']['calendar']['milestones'][number]
export type Stakeholder = Sheet['project']['stakeholders'][number]
export type Territory = Sheet['project']['territories'][number]
export type BudgetLine = Sheet['project']['budget']['lines'][number]
export type ImpactIndicator = Sheet['project']['impact']['indicators'][number]
export type Dataset = Sheet['data']['datasets'][number]
export type Decision = Sheet['decision']
export type DecisionEntry = Decision['history'][number]
export type RadarSnapshot = Sheet['snapshots'][number]

export interface NewSheetOptions {
  title: string
  organisation?: string
  author?: string
  tags?: string[]
  /** The moment of creation; the clock by default (tests fix it). */
  now?: Date
}

/** A new, valid sheet: only the title is set, every score is unassessed. */
export function createSheet(options: NewSheetOptions): Sheet {
  const timestamp = (options.now ?? new Date()).toISOString()
  return sheetSchema.parse({
    id: crypto.randomUUID(),
    createdAt: timestamp,
    updatedAt: timestamp,
    organisation: options.organisation ?? '',
    author: options.author ?? '',
    tags: options.tags ?? [],
    project: { title: options.title },
    radar: Object.fromEntries(THEME_IDS.map((id) => [id, {}])),
  })
}

export type SheetValidation = { ok: true; sheet: Sheet } | { ok: false; issues: z.core.$ZodIssue[] }

/** Validates untrusted or edited data against the format; never throws for invalid input. */
export function validateSheet(candidate: unknown): SheetValidation {
  // reportInput: the issue then carries the wrong value, which tells "missing" from "of the wrong type".
  const result = sheetSchema.safeParse(candidate, { reportInput: true })
  return result.success ? { ok: true, sheet: result.data } : { ok: false, issues: result.error.issues }
}

/**
 * A copy with a new identity and fresh timestamps, for "Dupliquer". The decision and the radar's history belong to
 * the original project: the copy starts undecided and without snapshots.
 */
export function duplicateSheet(source: Sheet, copyTitle: string, now = new Date()): Sheet {
  const timestamp = now.toISOString()
  const copy = structuredClone(source)
  return sheetSchema.parse({
    ...copy,
    id: crypto.randomUUID(),
    createdAt: timestamp,
    updatedAt: timestamp,
    project: { ...copy.project, title: copyTitle },
    decision: {},
    snapshots: [],
  })
}
