// A workshop's details in one line, as its list and its page show them.
import type { WorkshopDetails } from '@/domain/workshop'
import { displayText } from './display-text'
import { formatIsoDate } from './format'
import type { Translate } from './translate'

/** « 12 mars 2026 · Salle du conseil · animé par … », leaving out what is not given. */
export function workshopDetailsLine(workshop: Omit<WorkshopDetails, 'title'>, t: Translate): string {
  return [
    workshop.date ? formatIsoDate(workshop.date) : '',
    displayText(workshop.place),
    workshop.facilitator ? t('workshops.ledBy', { name: displayText(workshop.facilitator) }) : '',
  ]
    .filter(Boolean)
    .join(' · ')
}
