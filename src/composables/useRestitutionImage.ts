// Downloads a restitution image (comparison radar, portfolio matrix): the drawing code loads on first use.
import type { ChartConfiguration, ChartType } from 'chart.js'
import { useNotificationsStore } from '@/stores/notifications'
import { describeError } from '@/presentation/error-message'
import { useTranslate } from './useTranslate'

export function useRestitutionImage() {
  const { t } = useTranslate()
  const notifications = useNotificationsStore()

  async function download<T extends ChartType>(fileName: string, title: string, subtitle: string, configuration: ChartConfiguration<T>) {
    try {
      const [{ renderChartImage }, { downloadBlob }] = await Promise.all([
        import('@/services/restitution-image'),
        import('@/services/download'),
      ])
      downloadBlob(fileName, await renderChartImage(title, subtitle, configuration))
      notifications.notify(t('image.exported', { file: fileName }))
    } catch (error) {
      notifications.notify(t('library.actionFailed', { message: describeError(error, t) }), { tone: 'error' })
    }
  }

  return { download }
}
