import { ArrowDownTray, ArrowUpTray } from "@medusajs/icons"
import { Badge, Button, Table, Text } from "@medusajs/ui"
import { type ChangeEvent, useMemo, useState } from "react"
import {
  type ImportAffiliateConnectionsResponse,
  type ImportRowResult,
  useImportAffiliateConnections,
} from "../../hooks/api/affiliate-connections"
import { saveFile } from "../../lib/save-file"
import { FormModal, ModalForm } from "../common/form-modal"

type ImportConnectionsModalProps = {
  open: boolean
  onOpenChange: (open: boolean) => void
}

const RESULTS: Record<
  ImportRowResult,
  { label: string; color: "green" | "grey" | "orange" | "red" }
> = {
  create: { label: "Create", color: "green" },
  already_connected: { label: "Already connected", color: "grey" },
  conflict: { label: "Conflict", color: "orange" },
  unknown_affiliate: { label: "Unknown affiliate", color: "red" },
  blocked_affiliate: { label: "Blocked affiliate", color: "red" },
  own_account: { label: "Own account", color: "red" },
  invalid_email: { label: "Invalid email", color: "red" },
  duplicate_row: { label: "Duplicate row", color: "orange" },
}

/** A file to start from: one row by affiliate code, one by affiliate email with a new customer's name. */
const SAMPLE_CSV = [
  "customer_email,affiliate_code,affiliate_email,first_name,last_name",
  "cora@example.com,JANE,,,",
  "nora@example.com,,max@example.com,Nora,New",
  "",
].join("\n")

const downloadSample = () =>
  saveFile(new Blob([SAMPLE_CSV], { type: "text/csv" }), "affiliate-connections-sample.csv")

/**
 * Imports connections from a CSV file: Preview runs the import as a dry run
 * and shows what each row would do; Import applies the rows marked Create.
 */
export const ImportConnectionsModal = ({
  open,
  onOpenChange,
}: ImportConnectionsModalProps) => (
  <FormModal open={open} onOpenChange={onOpenChange}>
    <ImportConnectionsForm onDone={() => onOpenChange(false)} />
  </FormModal>
)

const ImportConnectionsForm = ({ onDone }: { onDone: () => void }) => {
  const importConnections = useImportAffiliateConnections()
  const [file, setFile] = useState<{ name: string; csv: string } | null>(null)
  const [preview, setPreview] =
    useState<ImportAffiliateConnectionsResponse | null>(null)

  const onFileChange = async (event: ChangeEvent<HTMLInputElement>) => {
    const picked = event.target.files?.[0]
    setPreview(null)
    setFile(picked ? { name: picked.name, csv: await picked.text() } : null)
  }

  const runPreview = () => {
    if (file) {
      importConnections.mutate(
        { csv: file.csv, dry_run: true },
        { onSuccess: setPreview }
      )
    }
  }

  const runImport = () => {
    if (file) {
      importConnections.mutate(
        { csv: file.csv, dry_run: false },
        { onSuccess: onDone }
      )
    }
  }

  const toCreate = preview?.summary.create ?? 0

  return (
    <ModalForm
      title="Import connections"
      description={
        <>
          A CSV file with the columns <code>customer_email</code> and{" "}
          <code>affiliate_code</code> or <code>affiliate_email</code>, optionally{" "}
          <code>first_name</code> and <code>last_name</code>. Customers that don&apos;t
          exist yet are created. Nothing is written until you import.
        </>
      }
      wide
      onSubmit={runImport}
      submitLabel={
        toCreate === 1
          ? "Import 1 connection"
          : toCreate
            ? `Import ${toCreate} connections`
            : "Import"
      }
      isSubmitting={importConnections.isPending && !importConnections.variables.dry_run}
      submitDisabled={!toCreate}
      extraActions={
        <Button
          type="button"
          size="small"
          variant="secondary"
          disabled={!file}
          isLoading={importConnections.isPending && importConnections.variables.dry_run}
          onClick={runPreview}
        >
          Preview
        </Button>
      }
      descriptionAction={
        <Button type="button" size="small" variant="transparent" onClick={downloadSample}>
          <ArrowDownTray />
          Download a sample CSV
        </Button>
      }
    >
      <label
        htmlFor="connections-csv"
        className="bg-ui-bg-component border-ui-border-strong hover:border-ui-border-interactive flex cursor-pointer flex-col items-center gap-y-2 rounded-lg border border-dashed px-6 py-8"
      >
        <div className="text-ui-fg-subtle flex items-center gap-x-2">
          <ArrowUpTray />
          <Text size="small" weight="plus" leading="compact">
            {file ? file.name : "Choose a CSV file"}
          </Text>
        </div>
        <Text size="small" leading="compact" className="text-ui-fg-muted">
          {file ? "Choose another file to replace it" : "One connection per row"}
        </Text>
        <input
          id="connections-csv"
          type="file"
          accept=".csv,text/csv"
          className="sr-only"
          onChange={onFileChange}
        />
      </label>

      {preview && <ImportReport report={preview} />}
    </ModalForm>
  )
}

/**
 * A file has up to 10,000 rows: the report shows them a page at a time (all
 * at once took seconds to render), and a result's badge narrows them to it.
 */
const REPORT_PAGE_SIZE = 50

const ImportReport = ({
  report,
}: {
  report: ImportAffiliateConnectionsResponse
}) => {
  const [only, setOnly] = useState<ImportRowResult | null>(null)
  const [pageIndex, setPageIndex] = useState(0)
  const counts = (Object.keys(RESULTS) as ImportRowResult[]).filter(
    (result) => report.summary[result]
  )
  const rows = useMemo(
    () => (only ? report.rows.filter((row) => row.result === only) : report.rows),
    [report.rows, only]
  )
  const pageCount = Math.max(1, Math.ceil(rows.length / REPORT_PAGE_SIZE))
  const page = rows.slice(
    pageIndex * REPORT_PAGE_SIZE,
    (pageIndex + 1) * REPORT_PAGE_SIZE
  )

  const toggle = (result: ImportRowResult) => {
    setOnly((current) => (current === result ? null : result))
    setPageIndex(0)
  }

  return (
    <section className="flex flex-col gap-y-4" aria-label="Import preview">
      <div className="flex flex-wrap items-center gap-2">
        <Text size="small" weight="plus" leading="compact">
          {report.summary.total} rows
        </Text>
        {counts.map((result) => (
          <button
            key={result}
            type="button"
            aria-pressed={only === result}
            title={only === result ? "Show all rows" : `Show only ${RESULTS[result].label}`}
            onClick={() => toggle(result)}
            className="rounded-md outline-none focus-visible:shadow-borders-focus"
          >
            <Badge
              size="2xsmall"
              color={RESULTS[result].color}
              className={only && only !== result ? "opacity-50" : undefined}
            >
              {RESULTS[result].label}: {report.summary[result]}
            </Badge>
          </button>
        ))}
      </div>
      <div className="shadow-elevation-card-rest overflow-hidden rounded-lg">
        <Table>
          <Table.Header>
            <Table.Row>
              <Table.HeaderCell>Line</Table.HeaderCell>
              <Table.HeaderCell>Customer email</Table.HeaderCell>
              <Table.HeaderCell>Affiliate</Table.HeaderCell>
              <Table.HeaderCell>Result</Table.HeaderCell>
              <Table.HeaderCell>Message</Table.HeaderCell>
            </Table.Row>
          </Table.Header>
          <Table.Body>
            {page.map((row) => (
              <Table.Row key={row.line}>
                <Table.Cell>{row.line}</Table.Cell>
                <Table.Cell>{row.customer_email}</Table.Cell>
                <Table.Cell>{row.affiliate}</Table.Cell>
                <Table.Cell className="whitespace-nowrap">
                  <Badge size="2xsmall" color={RESULTS[row.result].color}>
                    {RESULTS[row.result].label}
                  </Badge>
                </Table.Cell>
                <Table.Cell className="whitespace-normal">{row.message}</Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
        <Table.Pagination
          count={rows.length}
          pageSize={REPORT_PAGE_SIZE}
          pageIndex={pageIndex}
          pageCount={pageCount}
          canPreviousPage={pageIndex > 0}
          canNextPage={pageIndex < pageCount - 1}
          previousPage={() => setPageIndex((index) => Math.max(0, index - 1))}
          nextPage={() => setPageIndex((index) => Math.min(pageCount - 1, index + 1))}
        />
      </div>
    </section>
  )
}
