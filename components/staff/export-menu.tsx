import { exportColumnChoices } from '@/lib/reporting/export-columns'
import { ExportColumnChooser } from './export-column-chooser'

/** The export buttons and column chooser of the staff table, fed by the export's registry. */
export function ExportMenu({ filterQuery }: { filterQuery: string }) {
  return <ExportColumnChooser filterQuery={filterQuery} groups={exportColumnChoices} />
}
