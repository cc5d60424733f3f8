/**
 * The words of a DataTable's pagination. A list whose total is the server's
 * estimate (it answers `estimate_count`) says so: "1 – 20 of about 1000000
 * results". The table pages through it as usual; from offset 1,000 the
 * server counts exactly again.
 */
export const paginationTranslations = (estimated: boolean) =>
  estimated
    ? { of: "of about", results: "results", pages: "pages", prev: "Prev", next: "Next" }
    : undefined
