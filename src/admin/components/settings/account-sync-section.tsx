import { Badge, Text } from "@medusajs/ui"
import { useState } from "react"
import { Link } from "react-router-dom"
import {
  type AccountSyncSettings,
  useUpdateAffiliateSettings,
} from "../../hooks/api/affiliate-settings"
import {
  type AffiliateSyncRun,
  useLatestAffiliateSyncRun,
  useResyncAffiliates,
} from "../../hooks/api/affiliate-sync-runs"
import { useAffiliates } from "../../hooks/api/affiliates"
import { formatDateTime } from "../../lib/format"
import { Figure } from "../common/figure"
import { DrawerForm } from "../common/form-drawer"
import { InputField, SwitchField } from "../common/form-field"
import { SectionRow } from "../common/section-row"
import { onOff } from "./on-off"
import { SettingsSection } from "./settings-section"

/** "Affiliates, VIP" → ["Affiliates", "VIP"], without blanks or repeats. */
const parseTags = (value: string) => [
  ...new Set(
    value
      .split(",")
      .map((tag) => tag.trim())
      .filter(Boolean)
  ),
]

const RUN_COUNTS: { key: keyof AffiliateSyncRun; label: string }[] = [
  { key: "created", label: "Created" },
  { key: "linked", label: "Linked" },
  { key: "tagged", label: "Tagged" },
  { key: "unchanged", label: "Unchanged" },
  { key: "skipped", label: "Skipped" },
  { key: "failed", label: "Failed" },
]

/** A run can record an error per affiliate: the section names the first few. */
const ERRORS_SHOWN = 20

/** The affiliates a run could not sync, by name, each linked to their page. */
const RunErrors = ({ errors }: { errors: AffiliateSyncRun["errors"] }) => {
  const shown = errors.slice(0, ERRORS_SHOWN)
  const { data } = useAffiliates({
    id: shown.map((error) => error.affiliate_id),
    limit: ERRORS_SHOWN,
  })
  const names = new Map(
    (data?.affiliates ?? []).map((affiliate) => [
      affiliate.id,
      `${affiliate.name} (${affiliate.code})`,
    ])
  )
  return (
    <ul className="flex flex-col gap-y-1" data-testid="account-sync-run-errors">
      {shown.map((error) => (
        <li key={error.affiliate_id} className="txt-compact-small text-ui-fg-error">
          <Link to={`/affiliates/${error.affiliate_id}`} className="underline">
            {/* A deleted affiliate is no longer listed: its id is all there is. */}
            {names.get(error.affiliate_id) ?? error.affiliate_id}
          </Link>
          : {error.message}
        </li>
      ))}
      {errors.length > shown.length && (
        <li className="txt-compact-small text-ui-fg-subtle">
          and {errors.length - shown.length} more
        </li>
      )}
    </ul>
  )
}

const RunProgress = ({ run }: { run: AffiliateSyncRun }) => {
  const percent = run.total ? Math.min(100, Math.round((run.processed / run.total) * 100)) : 100
  return (
    <div className="flex flex-col gap-y-3 px-6 py-4" data-testid="account-sync-run">
      <div className="flex items-center justify-between">
        <Text size="small" weight="plus" leading="compact">
          {run.status === "running" ? "Syncing…" : "Last run"}{" "}
          <span className="text-ui-fg-subtle font-normal">
            {formatDateTime(run.completed_at ?? run.created_at)} · {run.processed} of{" "}
            {run.total} affiliates
          </span>
        </Text>
        <Badge
          size="2xsmall"
          color={run.status === "completed" ? "green" : run.status === "failed" ? "red" : "blue"}
          data-run-id={run.id}
          data-run-status={run.status}
        >
          {run.status === "running" ? "Running" : run.status === "completed" ? "Completed" : "Failed"}
        </Badge>
      </div>
      <div
        role="progressbar"
        aria-label="Account sync progress"
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent}
        className="bg-ui-bg-subtle h-2 w-full overflow-hidden rounded-full"
      >
        <div
          className="bg-ui-fg-interactive h-full transition-[width] duration-500"
          style={{ width: `${percent}%` }}
        />
      </div>
      <div className="grid grid-cols-5 gap-2">
        {RUN_COUNTS.map(({ key, label }) => (
          <Figure key={key} label={label} data-count={key}>
            {String(run[key])}
          </Figure>
        ))}
      </div>
      {run.message && (
        <Text size="small" className="text-ui-fg-error">
          {run.message}
        </Text>
      )}
      {run.errors.length > 0 && <RunErrors errors={run.errors} />}
    </div>
  )
}

/**
 * Account sync: approved affiliates become store customers in the tag
 * groups. Saving a change that needs it (switching on, new tags) starts a
 * full run; Resync starts one by hand. The progress bar follows the run.
 */
export const AccountSyncSection = ({ settings }: { settings: AccountSyncSettings }) => {
  const resync = useResyncAffiliates()
  const { data: run } = useLatestAffiliateSyncRun()

  return (
    <SettingsSection
      testId="account-sync-section"
      title="Account sync"
      description="Register approved affiliates as store customers who log in with the same email and password."
      drawerTitle="Edit account sync"
      actions={[
        {
          label: "Resync",
          onClick: () => resync.mutate(),
          isLoading: resync.isPending,
          disabled: !settings.enabled || run?.status === "running",
        },
      ]}
      form={(close) => <AccountSyncForm settings={settings} onDone={close} />}
    >
      <SectionRow label="Sync affiliate accounts">{onOff(settings.enabled)}</SectionRow>
      <SectionRow label="Tags">{settings.tags.length ? settings.tags.join(", ") : "None"}</SectionRow>
      {run && <RunProgress run={run} />}
    </SettingsSection>
  )
}

const AccountSyncForm = ({ settings, onDone }: { settings: AccountSyncSettings; onDone: () => void }) => {
  const [enabled, setEnabled] = useState(settings.enabled)
  const [tags, setTags] = useState(settings.tags.join(", "))
  const update = useUpdateAffiliateSettings()
  const parsedTags = parseTags(tags)
  const isDirty = enabled !== settings.enabled || parsedTags.join("\n") !== settings.tags.join("\n")

  return (
    <DrawerForm
      onSubmit={() => update.mutate({ account_sync: { enabled, tags: parsedTags } }, { onSuccess: onDone })}
      submitLabel="Save"
      isSubmitting={update.isPending}
      submitDisabled={!isDirty}
    >
      <SwitchField
        id="account-sync-enabled"
        label="Sync affiliate accounts"
        description="Each approved affiliate gets a customer account with the login they already have. A store account someone else registered with their email is never linked by the email alone: that affiliate is skipped, and their login invite lets the account's owner claim them."
        checked={enabled}
        onCheckedChange={setEnabled}
      />
      <InputField
        id="account-sync-tags"
        label="Tags"
        hint="Customer groups synced affiliates join, separated by commas; missing groups are created."
        placeholder="Affiliates, VIP"
        value={tags}
        onChange={(event) => setTags(event.target.value)}
      />
    </DrawerForm>
  )
}
