// Listings page until they hold the service's TotalCount: a total that no page reaches (a hostile or broken
// endpoint, docs/faults.md) would page for ever, so every listing stops after MAX_PAGES with one clear error.

/** 10,000 records, 20,000 zones or 10,000 certificates at the page sizes used: far past any account seen. */
export const MAX_PAGES = 200;

export class PageLimitError extends Error {
  override readonly name = 'PageLimitError';
}

/** Call after page `pagesRead` of `action` when the listing goes on: throws once the limit is reached. */
export function checkPageLimit(action: string, pagesRead: number, totalCount: number): void {
  if (pagesRead < MAX_PAGES) return;
  throw new PageLimitError(
    `${action}: ${MAX_PAGES} pages read, yet the service's TotalCount (${totalCount}) was not reached; ` +
      'the endpoint keeps announcing more than it serves. Check the endpoint inputs, then run again.',
  );
}
