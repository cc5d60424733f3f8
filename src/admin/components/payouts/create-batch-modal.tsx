import { Checkbox, InlineTip, Label, Skeleton, Table, Text } from "@medusajs/ui"
import { useState } from "react"
import { useNavigate } from "react-router-dom"
import {
  useAffiliateBalances,
  useCreateAffiliatePayoutBatch,
} from "../../hooks/api/affiliate-payouts"
import { useAffiliateSettings } from "../../hooks/api/affiliate-settings"
import { serverErrorMessage } from "../../lib/server-errors"
import { formatMoney, plural } from "../../lib/format"
import { PAYOUT_METHOD_LABELS } from "./payout-method"
import { FormModal, ModalForm } from "../common/form-modal"
import { previewBatch } from "./batch-preview"

/** Why a balance is not in the batch: it stays owed. */
const EXCLUSION_LABELS = {
  affiliate_blocked: "No: the affiliate is blocked",
  affiliate_deleted: "No: the affiliate was deleted",
  no_payout_method: "No: no payout method",
} as const

/** The balances route's largest page: the preview lists up to this many balances. */
const PREVIEW_LIMIT = 100

type CreateBatchModalProps = {
  open: boolean
  onOpenChange: (open: boolean) => void
}

/**
 * Shows what a batch would pay — each payable balance, with those under the
 * store's minimum marked as waiting — and creates it on confirmation.
 */
export const CreateBatchModal = ({ open, onOpenChange }: CreateBatchModalProps) => (
  <FormModal open={open} onOpenChange={onOpenChange}>
    <CreateBatchForm onDone={() => onOpenChange(false)} />
  </FormModal>
)

const CreateBatchForm = ({ onDone }: { onDone: () => void }) => {
  const navigate = useNavigate()
  const balances = useAffiliateBalances({ limit: PREVIEW_LIMIT })
  const settings = useAffiliateSettings()
  const createBatch = useCreateAffiliatePayoutBatch()
  const [includeWithoutMethod, setIncludeWithoutMethod] = useState(false)

  const isLoading = balances.isLoading || settings.isLoading
  const preview = previewBatch(
    balances.data?.affiliate_balances ?? [],
    settings.data?.affiliate_settings.minimum_payouts ?? null,
    { includeWithoutMethod }
  )
  const withoutMethod = preview.rows.filter((row) => row.without_method && !row.waits)
  const nothingToPay =
    createBatch.error?.status === 400 && /^Nothing to pay/.test(createBatch.error.message)

  const onCreate = () =>
    createBatch.mutate({ include_without_payout_method: includeWithoutMethod }, {
      onSuccess: ({ affiliate_payout_batch }) => {
        onDone()
        navigate(`/affiliates/payouts/${affiliate_payout_batch.id}`)
      },
    })

  return (
    <ModalForm
      title="Create payout batch"
      description="One payout per affiliate and currency, of everything payable now. Commissions still on hold are not included."
      wide
      onSubmit={onCreate}
      submitLabel="Create batch"
      isSubmitting={createBatch.isPending}
      submitDisabled={isLoading || nothingToPay}
    >
      {isLoading ? (
        <div className="flex flex-col gap-y-2" aria-busy="true">
          <Skeleton className="h-7 w-full" />
          <Skeleton className="h-7 w-full" />
          <Skeleton className="h-7 w-full" />
        </div>
      ) : (
        <>
          <div className="flex flex-wrap gap-4" data-testid="payout-preview-totals">
            {preview.totals.length ? (
              preview.totals.map((total) => (
                <div
                  key={total.currency_code}
                  className="flex flex-col"
                  data-testid={`payout-preview-total-${total.currency_code}`}
                >
                  <Text size="xsmall" className="text-ui-fg-subtle">
                    {total.currency_code.toUpperCase()} ·{" "}
                    {plural(total.payout_count, "payout", "payouts")}
                  </Text>
                  <Text size="large" weight="plus">
                    {formatMoney(total.amount, total.currency_code)}
                  </Text>
                </div>
              ))
            ) : (
              <Text size="small" className="text-ui-fg-subtle">
                Nothing is payable right now.
              </Text>
            )}
          </div>
          {withoutMethod.length > 0 && (
            <InlineTip label="No payout method" variant="warning" data-testid="payout-preview-no-method">
              {plural(withoutMethod.length, "affiliate has", "affiliates have")} not said how
              to be paid. Set a method on their page, or include them and pay them by hand.
              <div className="mt-2 flex items-center gap-x-2">
                <Checkbox
                  id="include-without-method"
                  checked={includeWithoutMethod}
                  onCheckedChange={(checked) => setIncludeWithoutMethod(checked === true)}
                />
                <Label htmlFor="include-without-method" size="small">
                  Include them in this batch
                </Label>
              </div>
            </InlineTip>
          )}
          {preview.rows.length > 0 && (
            <Table>
              <Table.Header>
                <Table.Row>
                  <Table.HeaderCell>Affiliate</Table.HeaderCell>
                  <Table.HeaderCell>Method</Table.HeaderCell>
                  <Table.HeaderCell>Payable</Table.HeaderCell>
                  <Table.HeaderCell>In this batch</Table.HeaderCell>
                </Table.Row>
              </Table.Header>
              <Table.Body>
                {preview.rows.map((row) => (
                  <Table.Row key={`${row.affiliate_id}-${row.currency_code}`}>
                    <Table.Cell>
                      {row.affiliate
                        ? `${row.affiliate.name} (${row.affiliate.code})`
                        : "Deleted affiliate"}
                    </Table.Cell>
                    <Table.Cell>
                      {row.affiliate?.payout_method ? (
                        PAYOUT_METHOD_LABELS[row.affiliate.payout_method]
                      ) : (
                        <span className="text-ui-fg-error">Not set</span>
                      )}
                    </Table.Cell>
                    <Table.Cell>{formatMoney(row.payable, row.currency_code)}</Table.Cell>
                    <Table.Cell>
                      {row.excluded_reason ? (
                        <span className="text-ui-fg-error">
                          {EXCLUSION_LABELS[row.excluded_reason]}
                        </span>
                      ) : row.waits && row.minimum !== null ? (
                        <span className="text-ui-fg-muted">
                          Waits for the next batch (minimum{" "}
                          {formatMoney(row.minimum, row.currency_code)})
                        </span>
                      ) : (
                        "Yes"
                      )}
                    </Table.Cell>
                  </Table.Row>
                ))}
              </Table.Body>
            </Table>
          )}
          {(balances.data?.count ?? 0) > PREVIEW_LIMIT && (
            <Text size="small" className="text-ui-fg-subtle">
              The first {PREVIEW_LIMIT} balances are shown; the batch includes every
              payable one.
            </Text>
          )}
          {nothingToPay && (
            <Text size="small" className="text-ui-fg-subtle" data-testid="nothing-to-pay">
              Nothing to pay: no affiliate
              {includeWithoutMethod ? "" : " with a payout method"} has a payable balance
              of at least the minimum payout. Approved commissions appear here once their
              hold ends.
            </Text>
          )}
          {createBatch.error && !nothingToPay && (
            <Text size="small" className="text-ui-fg-error">
              {serverErrorMessage(createBatch.error)}
            </Text>
          )}
        </>
      )}
    </ModalForm>
  )
}
