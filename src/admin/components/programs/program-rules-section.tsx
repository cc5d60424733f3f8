import { PencilSquare, Trash } from "@medusajs/icons"
import { Container, Text, createDataTableColumnHelper } from "@medusajs/ui"
import { useMemo, useState } from "react"
import {
  type AffiliateCommissionRule,
  type AffiliateProgramDetail,
  useDeleteCommissionRule,
} from "../../hooks/api/affiliate-programs"
import { useConfirm } from "../../hooks/use-confirm"
import { actionsColumn } from "../common/action-menu"
import { ListTable } from "../common/list-table"
import { SectionHeader } from "../common/section-header"
import { formatRuleValue, RULE_TARGET_LABELS } from "./program-labels"
import { RuleDrawer } from "./rule-drawer"

const columnHelper = createDataTableColumnHelper<AffiliateCommissionRule>()

/** "Collection Summer", or the id of a target deleted from the store. */
export const describeRuleTarget = (rule: Pick<AffiliateCommissionRule, "target" | "target_label" | "target_id">) =>
  `${RULE_TARGET_LABELS[rule.target]} ${rule.target_label ?? rule.target_id}`

/** A program's commission rules, with Add, Edit and Delete. */
export const ProgramRulesSection = ({ program }: { program: AffiliateProgramDetail }) => {
  // undefined: the drawer is closed; null: it adds a rule.
  const [editing, setEditing] = useState<AffiliateCommissionRule | null | undefined>(undefined)
  const confirm = useConfirm()
  const { mutate: deleteRule } = useDeleteCommissionRule(program.id)

  const columns = useMemo(
    () => [
      columnHelper.accessor("target", {
        header: "Applies to",
        cell: ({ row }) => (
          <div className="flex flex-col py-1">
            <Text size="xsmall" className="text-ui-fg-muted">
              {RULE_TARGET_LABELS[row.original.target]}
            </Text>
            <Text size="small" weight="plus" leading="compact">
              {row.original.target_label ?? (
                <span className="text-ui-fg-muted">Deleted ({row.original.target_id})</span>
              )}
            </Text>
          </div>
        ),
      }),
      columnHelper.accessor("kind", {
        header: "Commission",
        cell: ({ row }) => <span data-testid="rule-value">{formatRuleValue(row.original)}</span>,
      }),
      actionsColumn<AffiliateCommissionRule>("Rule actions", (rule) => [
        [
          { label: "Edit", icon: <PencilSquare />, onClick: () => setEditing(rule) },
          {
            label: "Delete",
            icon: <Trash />,
            onClick: () =>
              confirm(
                {
                  title: "Delete this rule?",
                  description: `${describeRuleTarget(rule)} will earn the program's commission on new orders.`,
                  confirmText: "Delete",
                },
                () => deleteRule(rule.id)
              ),
          },
        ],
      ]),
    ],
    [confirm, deleteRule]
  )

  return (
    <Container className="divide-y p-0" data-testid="program-rules-section">
      <SectionHeader
        title="Commission rules"
        description="What lines of a product, category, collection or product type earn instead of the program's commission."
        actions={[{ label: "Add rule", onClick: () => setEditing(null) }]}
      />
      <ListTable
        columns={columns}
        data={program.rules}
        empty={{
          heading: "No rules",
          description: "Every line earns the program's commission.",
        }}
      />
      <RuleDrawer
        programId={program.id}
        rule={editing}
        open={editing !== undefined}
        onOpenChange={(open) => (open ? undefined : setEditing(undefined))}
      />
    </Container>
  )
}
