/**
 * A search term as literal text inside a LIKE / ILIKE pattern: `%` and `_`
 * are wildcards there (a search for "%" would match everyone) and `\` is
 * PostgreSQL's default escape character.
 */
export const escapeLike = (term: string): string => term.replace(/[\\%_]/g, "\\$&")
