type HttpError = {
  response?: { status: number; data: { message: string; type?: string } }
}

/** Awaits a request that must fail, and returns its status and body. */
export async function expectHttpError(
  request: Promise<unknown>,
  status: number,
  message?: RegExp
) {
  const error = await request.then(
    () => {
      throw new Error(`expected the request to fail with ${status}`)
    },
    (e: HttpError) => e
  )
  if (!error.response) {
    throw error
  }
  expect(error.response.status).toBe(status)
  if (message) {
    expect(error.response.data.message).toMatch(message)
  }
  return error.response
}
