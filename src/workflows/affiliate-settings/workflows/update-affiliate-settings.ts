import {
  createWorkflow,
  WorkflowData,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import type { UpdateAffiliateSettingsDTO } from "../../../modules/affiliate"
import { retrieveEffectiveAffiliateSettingsStep } from "../steps/retrieve-effective-affiliate-settings"
import { updateAffiliateSettingsStep } from "../steps/update-affiliate-settings"

export const updateAffiliateSettingsWorkflowId = "update-affiliate-settings"

/** Saves the affiliate program settings and returns the settings in force. */
export const updateAffiliateSettingsWorkflow = createWorkflow(
  updateAffiliateSettingsWorkflowId,
  (input: WorkflowData<UpdateAffiliateSettingsDTO>) => {
    updateAffiliateSettingsStep(input)
    return new WorkflowResponse(retrieveEffectiveAffiliateSettingsStep())
  }
)
