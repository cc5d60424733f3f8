import { Container, Skeleton } from "@medusajs/ui"

/**
 * Placeholder sections while a page's data loads, shaped like the sections
 * that follow (a heading, then rows), as Medusa's own pages do.
 */
export const PageSkeleton = ({ sections = 2, rows = 4 }: { sections?: number; rows?: number }) => (
  <div className="flex flex-col gap-y-3" aria-busy="true" data-testid="page-skeleton">
    {Array.from({ length: sections }, (_, section) => (
      <Container key={section} className="divide-y p-0">
        <div className="px-6 py-4">
          <Skeleton className="h-7 w-48" />
        </div>
        {Array.from({ length: rows }, (_, row) => (
          <div key={row} className="grid grid-cols-2 gap-x-4 px-6 py-4">
            <Skeleton className="h-5 w-32" />
            <Skeleton className="h-5 w-full" />
          </div>
        ))}
      </Container>
    ))}
  </div>
)
