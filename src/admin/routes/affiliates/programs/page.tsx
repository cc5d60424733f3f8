import { defineRouteConfig } from "@medusajs/admin-sdk"
import {
  Badge,
  Button,
  Container,
  DataTable,
  type DataTablePaginationState,
  Heading,
  Text,
  createDataTableColumnHelper,
  useDataTable,
} from "@medusajs/ui"
import { useMemo, useState } from "react"
import { useNavigate } from "react-router-dom"
import { CreateProgramModal } from "../../../components/programs/create-program-modal"
import { formatConnectionLifetime } from "../../../components/programs/program-labels"
import { formatProgramCommission } from "../../../lib/format-commission"
import { useAffiliateSettings } from "../../../hooks/api/affiliate-settings"
import {
  type AffiliateProgram,
  useAffiliatePrograms,
} from "../../../hooks/api/affiliate-programs"

const PAGE_SIZE = 20

const columnHelper = createDataTableColumnHelper<AffiliateProgram>()

/** The commission column needs the store's default rate, for programs that use it. */
const useColumns = (defaultRate: number | undefined) =>
  useMemo(
    () => [
      columnHelper.accessor("name", {
        header: "Name",
        cell: ({ row }) => (
          <div className="flex items-center gap-x-2">
            <Text size="small" weight="plus" leading="compact">
              {row.original.name}
            </Text>
            {row.original.is_default && (
              <Badge size="2xsmall" color="blue">
                Default
              </Badge>
            )}
          </div>
        ),
      }),
      columnHelper.accessor("commission_rate", {
        header: "Commission",
        cell: ({ row }) => (
          <span data-testid="program-commission">
            {formatProgramCommission(row.original, defaultRate)}
          </span>
        ),
      }),
      columnHelper.accessor("connection_lifetime", {
        header: "Connections last",
        cell: ({ row }) =>
          formatConnectionLifetime(
            row.original.connection_lifetime,
            row.original.connection_lifetime_value
          ),
      }),
      columnHelper.accessor("affiliate_count", { header: "Affiliates" }),
      columnHelper.accessor("rule_count", { header: "Rules" }),
    ],
    [defaultRate]
  )

const AffiliateProgramsPage = () => {
  const navigate = useNavigate()
  const [isCreateOpen, setIsCreateOpen] = useState(false)
  const [search, setSearch] = useState("")
  const [pagination, setPagination] = useState<DataTablePaginationState>({
    pageIndex: 0,
    pageSize: PAGE_SIZE,
  })
  const { data, isLoading } = useAffiliatePrograms({
    q: search || undefined,
    limit: PAGE_SIZE,
    offset: pagination.pageIndex * PAGE_SIZE,
  })
  const { data: settings } = useAffiliateSettings()
  const columns = useColumns(settings?.affiliate_settings.default_commission_rate)

  const table = useDataTable({
    columns,
    data: data?.programs ?? [],
    getRowId: (program) => program.id,
    rowCount: data?.count ?? 0,
    isLoading,
    search: { state: search, onSearchChange: setSearch },
    pagination: { state: pagination, onPaginationChange: setPagination },
    onRowClick: (_, program) => navigate(`/affiliates/programs/${program.id}`),
  })

  return (
    <Container className="divide-y p-0">
      <div className="flex flex-col items-start justify-between gap-2 px-6 py-4 md:flex-row md:items-center">
        <div>
          <Heading>Affiliate programs</Heading>
          <Text size="small" className="text-ui-fg-subtle">
            Groups of affiliates with their own terms: rates, rules per product
            or collection, tiers and how long connections last.
          </Text>
        </div>
        <Button size="small" variant="secondary" onClick={() => setIsCreateOpen(true)}>
          Create program
        </Button>
      </div>
      <DataTable instance={table}>
        <DataTable.Toolbar className="justify-end">
          <DataTable.Search placeholder="Search programs" />
        </DataTable.Toolbar>
        <DataTable.Table
          emptyState={{
            empty: {
              heading: "No programs yet",
              description: "Create a program to give a group of affiliates their own terms.",
            },
            filtered: {
              heading: "No programs match",
              description: "Change the search.",
            },
          }}
        />
        <DataTable.Pagination />
      </DataTable>
      <CreateProgramModal open={isCreateOpen} onOpenChange={setIsCreateOpen} />
    </Container>
  )
}

// Nested under Affiliates in the sidebar (its path is under /affiliates).
export const config = defineRouteConfig({
  label: "Programs",
  rank: 4,
})

export const handle = {
  breadcrumb: () => "Programs",
}

export default AffiliateProgramsPage
