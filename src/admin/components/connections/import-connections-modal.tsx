import { ArrowUpTray } from "@medusajs/icons"
import {
  Badge,
  Button,
  FocusModal,
  Heading,
  Table,
  Text,
} from "@medusajs/ui"
import { type ChangeEvent, useState } from "react"
import {
  type ImportAffiliateConnectionsResponse,
  type ImportRowResult,
  useImportAffiliateConnections,
} from "../../hooks/api/affiliate-connections"

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

/**
 * Imports connections from a CSV file: Preview runs the import as a dry run
 * and shows what each row would do; Import applies the rows marked Create.
 */
export const ImportConnectionsModal = ({
  open,
  onOpenChange,
}: ImportConnectionsModalProps) => (
  <FocusModal open={open} onOpenChange={onOpenChange}>
    <FocusModal.Content>
      {/* Mounted on each opening, so every opening starts without a file. */}
      <ImportConnectionsForm onDone={() => onOpenChange(false)} />
    </FocusModal.Content>
  </FocusModal>
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
    <div className="flex h-full flex-col overflow-hidden">
      <FocusModal.Header />
      <FocusModal.Body className="flex flex-1 flex-col items-center overflow-y-auto">
        <div className="flex w-full max-w-[960px] flex-col gap-y-8 px-2 py-16">
          <div className="flex flex-col gap-y-1">
            <FocusModal.Title asChild>
              <Heading>Import connections</Heading>
            </FocusModal.Title>
            <FocusModal.Description asChild>
              <Text size="small" className="text-ui-fg-subtle">
                A CSV file with the columns <code>customer_email</code> and{" "}
                <code>affiliate_code</code> or <code>affiliate_email</code>,
                optionally <code>first_name</code> and <code>last_name</code>.
                Customers that don&apos;t exist yet are created. Nothing is
                written until you import.
              </Text>
            </FocusModal.Description>
          </div>

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
        </div>
      </FocusModal.Body>
      <FocusModal.Footer>
        <div className="flex items-center justify-end gap-x-2">
          <FocusModal.Close asChild>
            <Button type="button" size="small" variant="secondary">
              Cancel
            </Button>
          </FocusModal.Close>
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
          <Button
            type="button"
            size="small"
            disabled={!toCreate}
            isLoading={
              importConnections.isPending && !importConnections.variables.dry_run
            }
            onClick={runImport}
          >
            {toCreate === 1
              ? "Import 1 connection"
              : toCreate
                ? `Import ${toCreate} connections`
                : "Import"}
          </Button>
        </div>
      </FocusModal.Footer>
    </div>
  )
}

const ImportReport = ({
  report,
}: {
  report: ImportAffiliateConnectionsResponse
}) => {
  const counts = (Object.keys(RESULTS) as ImportRowResult[]).filter(
    (result) => report.summary[result]
  )

  return (
    <section className="flex flex-col gap-y-4" aria-label="Import preview">
      <div className="flex flex-wrap items-center gap-2">
        <Text size="small" weight="plus" leading="compact">
          {report.summary.total} rows
        </Text>
        {counts.map((result) => (
          <Badge key={result} size="2xsmall" color={RESULTS[result].color}>
            {RESULTS[result].label}: {report.summary[result]}
          </Badge>
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
            {report.rows.map((row) => (
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
      </div>
    </section>
  )
}
