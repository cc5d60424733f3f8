import type { ReactNode } from "react"
import type { UIMatch } from "react-router-dom"
import { PageSkeleton } from "./page-skeleton"

type RecordQuery<T> = { data?: T; isError: boolean; error: unknown }

/**
 * A page about one record (an affiliate, a program, a batch): placeholder
 * sections while it loads, then its sections. An error (not found…) is
 * thrown to Medusa's route error boundary, which shows it.
 */
export const RecordPage = <T,>({
  query,
  sections,
  rows,
  children,
}: {
  query: RecordQuery<T>
  /** The skeleton's shape: how many sections, of how many rows. */
  sections: number
  rows?: number
  children: (record: T) => ReactNode
}) => {
  if (query.isError) {
    throw query.error
  }
  if (!query.data) {
    return <PageSkeleton sections={sections} rows={rows} />
  }
  return <>{children(query.data)}</>
}

/**
 * The `handle` of a record page's route: its breadcrumb names the record once
 * it has loaded ("Affiliates › Jane Doe").
 */
export const recordBreadcrumb = <T,>(
  useRecord: (id: string) => { data?: T },
  name: (record: T) => string
) => {
  const Breadcrumb = ({ params }: UIMatch) => {
    const { data } = useRecord(params.id ?? "")
    return data ? <span>{name(data)}</span> : null
  }
  return { breadcrumb: (match: UIMatch) => <Breadcrumb {...match} /> }
}
