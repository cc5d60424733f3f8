import type { MedusaContainer } from "@medusajs/framework/types"
import { createUserAccountWorkflow } from "@medusajs/medusa/core-flows"

type AuthApi = {
  post: (url: string, body?: unknown) => Promise<{ data: { token: string } }>
}

export type AdminHeaders = { headers: { authorization: string } }

/** The claims Medusa puts in an auth token. */
export function decodeToken(token: string): {
  actor_id: string
  actor_type: string
  auth_identity_id: string
  app_metadata: Record<string, unknown>
} {
  const [, payload] = token.split(".")
  return JSON.parse(Buffer.from(payload, "base64url").toString("utf8"))
}

/**
 * Makes an admin the way a real one is made (emailpass identity, then a user
 * account on it), logs in, and returns the headers for admin routes.
 */
export async function createAdminHeaders(
  api: AuthApi,
  container: MedusaContainer,
  email = "admin@example.com",
  password = "supersecret"
): Promise<AdminHeaders> {
  const registered = await api.post("/auth/user/emailpass/register", {
    email,
    password,
  })
  await createUserAccountWorkflow(container).run({
    input: {
      authIdentityId: decodeToken(registered.data.token).auth_identity_id,
      userData: { email },
    },
  })
  const login = await api.post("/auth/user/emailpass", { email, password })
  return { headers: { authorization: `Bearer ${login.data.token}` } }
}
