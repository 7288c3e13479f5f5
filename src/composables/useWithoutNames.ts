// « Sans les noms des personnes » where things are exported: the device's choice, and the neutral words that replace
// the names when it is on (undefined otherwise), ready to hand to an export.
import { storeToRefs } from 'pinia'
import type { NeutralNames } from '@/domain/anonymise'
import { useI18n } from '@/i18n'
import { neutralNames } from '@/presentation/neutral-names'
import { useExportOptionsStore } from '@/stores/export-options'

export function useWithoutNames() {
  const { t } = useI18n()
  const { withoutNames } = storeToRefs(useExportOptionsStore())
  /** The words for an export made now, or undefined when names go out as they are. */
  const namesForExport = (): NeutralNames | undefined => (withoutNames.value ? neutralNames(t) : undefined)
  return { withoutNames, namesForExport }
}
