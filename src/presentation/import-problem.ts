// Import problems in French words a person understands: the sheet by number and title, the field by its name
// in the form ("l’intitulé du jalon 2"), never a raw path or a Zod message.
import type { ImportProblem } from '@/domain/exchange'
import { THEME_IDS, type ThemeId } from '@/domain/grid'
import { formatBytes, formatCount } from './format'
import type { HasMessage, Translate } from './translate'
import { THEME_LABELS } from '@/content/theme-labels'

function isThemeId(value: string | undefined): value is ThemeId {
  return THEME_IDS.includes(value as ThemeId)
}

/** "radar.cybersecurite.prototype" → "la note « Difficulté pour le prototype » du thème Cybersécurité". */
export function describeField(path: string, t: Translate, te: HasMessage): string {
  const segments = path.split('.')
  const [head, second, third, fourth] = segments

  if (head === 'radar') {
    if (!isThemeId(second)) return t('exchange.fields.radar')
    const theme = THEME_LABELS[second]
    if (third === 'prototype') return t('exchange.fields.radarPrototype', { theme })
    if (third === 'scaleUp') return t('exchange.fields.radarScaleUp', { theme })
    if (third === 'comment') return t('exchange.fields.radarComment', { theme })
    return t('exchange.fields.radarTheme', { theme })
  }
  if (head === 'data' && second === 'legal' && third) {
    const topicKey = `legalTopics.${third}`
    if (te(topicKey)) {
      const topic = t(topicKey)
      if (fourth === 'status') return t('exchange.fields.legalStatus', { topic })
      if (fourth === 'notes') return t('exchange.fields.legalNotes', { topic })
      return t('exchange.fields.legalTopic', { topic })
    }
  }

  // List items: numbers become "n" in the key and the 1-based position in the text.
  const numbers = segments.filter((segment) => /^\d+$/.test(segment)).map((segment) => Number(segment) + 1)
  const keySegments = segments.map((segment) => (/^\d+$/.test(segment) ? 'n' : segment))
  // The closest known field, from the most precise to its parents.
  for (let length = keySegments.length; length > 0; length--) {
    const key = `exchange.fields.${keySegments.slice(0, length).join('_')}`
    if (te(key)) return t(key, { n: numbers.at(-1) ?? '' })
  }
  return t('exchange.fields.unknown')
}

export function describeImportProblem(problem: ImportProblem, t: Translate, te: HasMessage): string {
  switch (problem.kind) {
    case 'sheet': {
      const field = describeField(problem.issue.path, t, te)
      // The verb agrees with the field: « les modalités d’accès … n’ont pas une valeur autorisée ».
      const plural = /^les /.test(field) ? 2 : 1
      const text = t(`exchange.codes.${problem.issue.code}`, { max: problem.issue.max ?? 0 }, plural)
      return problem.sheetTitle
        ? t('exchange.problem.sheet', { n: problem.sheetNumber, title: problem.sheetTitle, field, problem: text })
        : t('exchange.problem.sheetUntitled', { n: problem.sheetNumber, field, problem: text })
    }
    case 'too-large':
      return t('exchange.problem.too-large', { size: formatBytes(problem.bytes) })
    case 'newer-version':
      return t('exchange.problem.newer-version', { version: problem.version })
    case 'too-many-sheets':
      return t('exchange.problem.too-many-sheets', { count: formatCount(problem.count) })
    default:
      return t(`exchange.problem.${problem.kind}`)
  }
}
