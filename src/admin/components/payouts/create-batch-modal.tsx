import { Button, FocusModal, Heading, Skeleton, Table, Text } from "@medusajs/ui"
import { useNavigate } from "react-router-dom"
import {
  useAffiliateBalances,
  useCreateAffiliatePayoutBatch,
} from "../../hooks/api/affiliate-payouts"
import { useAffiliateSettings } from "../../hooks/api/affiliate-settings"
import { serverErrorMessage } from "../../lib/server-errors"
import { formatMoney, plural } from "../../lib/format"
import { PAYOUT_METHOD_LABELS } from "./payout-method"
import { previewBatch } from "./batch-preview"

/** Why a balance is not in the batch: it stays owed. */
const EXCLUSION_LABELS = {
  affiliate_blocked: "No: the affiliate is blocked",
  affiliate_deleted: "No: the affiliate was deleted",
} as const

/** The balances route's largest page: the preview lists up to this many balances. */
const PREVIEW_LIMIT = 100

/**
 * Shows what a batch would pay — each payable balance, with those under the
 * store's minimum marked as waiting — and creates it on confirmation.
 */
export const CreateBatchModal = ({
  open,
  onOpenChange,
}: {
  open: boolean
  onOpenChange: (open: boolean) => void
}) => {
  const navigate = useNavigate()
  const balances = useAffiliateBalances({ limit: PREVIEW_LIMIT }, { enabled: open })
  const settings = useAffiliateSettings()
  const createBatch = useCreateAffiliatePayoutBatch()

  const isLoading = balances.isLoading || settings.isLoading
  const preview = previewBatch(
    balances.data?.affiliate_balances ?? [],
    settings.data?.affiliate_settings.minimum_payouts ?? null
  )
  const nothingToPay =
    createBatch.error?.status === 400 && /^Nothing to pay/.test(createBatch.error.message)

  const close = (next: boolean) => {
    if (!next) {
      createBatch.reset()
    }
    onOpenChange(next)
  }

  const onCreate = () =>
    createBatch.mutate(undefined, {
      onSuccess: ({ affiliate_payout_batch }) => {
        close(false)
        navigate(`/affiliates/payouts/${affiliate_payout_batch.id}`)
      },
    })

  return (
    <FocusModal open={open} onOpenChange={close}>
      <FocusModal.Content>
        <FocusModal.Header />
        <FocusModal.Body className="flex flex-1 flex-col items-center overflow-y-auto">
          <div className="flex w-full max-w-[880px] flex-col gap-y-6 px-2 py-16">
            <div className="flex flex-col gap-y-1">
              <FocusModal.Title asChild>
                <Heading>Create payout batch</Heading>
              </FocusModal.Title>
              <FocusModal.Description asChild>
                <Text size="small" className="text-ui-fg-subtle">
                  One payout per affiliate and currency, of everything payable now.
                  Commissions still on hold are not included.
                </Text>
              </FocusModal.Description>
            </div>
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
                            {row.affiliate?.payout_method
                              ? PAYOUT_METHOD_LABELS[row.affiliate.payout_method]
                              : "Not set"}
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
                    Nothing to pay: no affiliate has a payable balance of at least the
                    minimum payout. Approved commissions appear here once their hold ends.
                  </Text>
                )}
                {createBatch.error && !nothingToPay && (
                  <Text size="small" className="text-ui-fg-error">
                    {serverErrorMessage(createBatch.error)}
                  </Text>
                )}
              </>
            )}
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
              size="small"
              isLoading={createBatch.isPending}
              disabled={isLoading || nothingToPay}
              onClick={onCreate}
            >
              Create batch
            </Button>
          </div>
        </FocusModal.Footer>
      </FocusModal.Content>
    </FocusModal>
  )
}
