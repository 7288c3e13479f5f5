// The portfolio matrix: every sheet as a point, difficulty of the prototype across, probability of scaling up
// upwards, read in four quadrants. Only fully assessed sheets are placed: a missing score would otherwise count as
// nothing and draw the project easier (or likelier) than it is.
import { computeIndicators, SCORE_AXES, SCORE_COUNT, THEME_IDS, type RadarScores } from './grid'

export type QuadrantId = 'easy-likely' | 'easy-unlikely' | 'hard-likely' | 'hard-unlikely'

/** A difficulty index of 50 or more is "hard"; a scale-up probability of 50 or more is "likely". */
export const QUADRANT_THRESHOLD = 50

export interface MatrixInput {
  id: string
  title: string
  radar: RadarScores
}

export interface MatrixPoint {
  id: string
  title: string
  difficultyIndex: number
  scaleUpProbability: number
  quadrant: QuadrantId
}

export interface IncompleteSheet {
  id: string
  title: string
  /** Scores still to give, out of 20. */
  missingScores: number
}

export function quadrantOf(difficultyIndex: number, scaleUpProbability: number): QuadrantId {
  const difficulty = difficultyIndex >= QUADRANT_THRESHOLD ? 'hard' : 'easy'
  const likelihood = scaleUpProbability >= QUADRANT_THRESHOLD ? 'likely' : 'unlikely'
  return `${difficulty}-${likelihood}`
}

function missingScores(radar: RadarScores): number {
  const given = THEME_IDS.flatMap((id) => SCORE_AXES.map((axis) => radar[id][axis])).filter((score) => score !== null)
  return SCORE_COUNT - given.length
}

/** Splits the sheets into points on the matrix and sheets still to complete, each list in the order given. */
export function placeOnMatrix<T extends MatrixInput>(
  sheets: readonly T[],
): { placed: (MatrixPoint & { sheet: T })[]; incomplete: (IncompleteSheet & { sheet: T })[] } {
  const placed: (MatrixPoint & { sheet: T })[] = []
  const incomplete: (IncompleteSheet & { sheet: T })[] = []
  for (const sheet of sheets) {
    const missing = missingScores(sheet.radar)
    const { difficultyIndex, scaleUpProbability } = computeIndicators(sheet.radar)
    if (missing > 0 || difficultyIndex === null || scaleUpProbability === null) {
      incomplete.push({ id: sheet.id, title: sheet.title, missingScores: missing, sheet })
      continue
    }
    placed.push({
      id: sheet.id,
      title: sheet.title,
      difficultyIndex,
      scaleUpProbability,
      quadrant: quadrantOf(difficultyIndex, scaleUpProbability),
      sheet,
    })
  }
  return { placed, incomplete }
}

/** The matrix's filters; '' means "all". */
export interface MatrixFilters {
  domain: string
  phase: string
  tag: string
  decision: string
}

export const NO_MATRIX_FILTERS: Readonly<MatrixFilters> = { domain: '', phase: '', tag: '', decision: '' }

export function matchesMatrixFilters(
  sheet: { project: { domain: string }; phase: string; tags: readonly string[]; decision: { status: string } },
  filters: MatrixFilters,
): boolean {
  // The domain is free text: "Santé " typed with a trailing space belongs with "Santé".
  const domain = filters.domain.trim()
  return (
    (domain === '' || sheet.project.domain.trim() === domain) &&
    (filters.phase === '' || sheet.phase === filters.phase) &&
    (filters.tag === '' || sheet.tags.includes(filters.tag)) &&
    (filters.decision === '' || sheet.decision.status === filters.decision)
  )
}
