// Downloads a restitution image (comparison radar, portfolio matrix): the drawing code loads on first use.
import type { ChartConfiguration, ChartType } from 'chart.js'
import { useNotificationsStore } from '@/stores/notifications'
import { useTranslate } from './useTranslate'
import { useAction } from './useAction'

export function useRestitutionImage() {
  const { t } = useTranslate()
  const notifications = useNotificationsStore()
  const { fail: reportFailure } = useAction()

  async function download<T extends ChartType>(fileName: string, title: string, subtitle: string, configuration: ChartConfiguration<T>) {
    try {
      const [{ renderChartImage }, { downloadBlob }] = await Promise.all([
        import('@/services/restitution-image'),
        import('@/services/download'),
      ])
      downloadBlob(fileName, await renderChartImage(title, subtitle, configuration))
      notifications.notify(t('image.exported', { file: fileName }))
    } catch (error) {
      reportFailure(error)
    }
  }

  return { download }
}
