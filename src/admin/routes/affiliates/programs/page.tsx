import { defineRouteConfig } from "@medusajs/admin-sdk"
import { Badge, Container, Text, createDataTableColumnHelper } from "@medusajs/ui"
import { useMemo, useState } from "react"
import { ListTable } from "../../../components/common/list-table"
import { SectionHeader } from "../../../components/common/section-header"
import { CreateProgramModal } from "../../../components/programs/create-program-modal"
import { formatConnectionLifetime } from "../../../components/programs/program-labels"
import { formatProgramCommission } from "../../../lib/format-commission"
import { useAffiliateSettings } from "../../../hooks/api/affiliate-settings"
import {
  type AffiliateProgram,
  useAffiliatePrograms,
} from "../../../hooks/api/affiliate-programs"
import { useListState } from "../../../hooks/use-list-state"

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
  const [isCreateOpen, setIsCreateOpen] = useState(false)
  const list = useListState()
  const { data, isLoading } = useAffiliatePrograms(list.query)
  const { data: settings } = useAffiliateSettings()
  const columns = useColumns(settings?.affiliate_settings.default_commission_rate)

  return (
    <Container className="divide-y p-0">
      <SectionHeader
        level="h1"
        title="Affiliate programs"
        description="Groups of affiliates with their own terms: rates, rules per product or collection, tiers and how long connections last."
        actions={[{ label: "Create program", onClick: () => setIsCreateOpen(true) }]}
      />
      <ListTable
        list={list}
        columns={columns}
        data={data?.programs}
        count={data?.count}
        isLoading={isLoading}
        searchPlaceholder="Search programs"
        empty={{
          heading: "No programs yet",
          description: "Create a program to give a group of affiliates their own terms.",
        }}
        noMatch="No programs match"
        rowHref={(program) => `/affiliates/programs/${program.id}`}
      />
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
