// The French words that replace people's names in an export « sans les noms des personnes » (domain/anonymise.ts).
// The stakeholders' roles are the editor's words: the caller loads them (@/i18n/sheet-messages) before exporting.
import type { NeutralNames } from '@/domain/anonymise'
import type { Translate } from './translate'

export function neutralNames(t: Translate): NeutralNames {
  return {
    author: t('withoutNames.author'),
    facilitator: t('withoutNames.facilitator'),
    stakeholder: (role, rank) => (rank === null ? t(`roles.${role}`) : t('withoutNames.stakeholder', { role: t(`roles.${role}`), rank })),
  }
}
