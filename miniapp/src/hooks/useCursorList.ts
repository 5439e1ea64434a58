import { useCallback, useEffect, useRef, useState } from 'react'

interface Page<T> {
  items: T[]
  nextCursor: string | null
}

interface Loaded<T> {
  /** The fetcher these items came from: items of another filter or tab are never shown. */
  source: unknown
  items: T[]
  cursor: string | null
}

/**
 * A cursor-paged list: the first page on mount and whenever `fetchPage` changes (a new filter
 * or tab), then loadMore() for the next one (infinite scroll). Until the first page of the new
 * fetcher arrives, nothing of the old one is returned — a row component for one tab never gets
 * an item of the other. A failed next page keeps what is shown and sets moreError.
 */
export function useCursorList<T>(fetchPage: (cursor?: string) => Promise<Page<T>>) {
  const [loaded, setLoaded] = useState<Loaded<T>>({ source: null, items: [], cursor: null })
  const [loading, setLoading] = useState(true)
  const [loadingMore, setLoadingMore] = useState(false)
  const [error, setError] = useState<unknown>(null)
  const [moreError, setMoreError] = useState<unknown>(null)
  const latest = useRef(fetchPage)
  latest.current = fetchPage
  const busy = useRef(false)

  const reload = useCallback(async () => {
    setLoading(true)
    setError(null)
    setMoreError(null)
    try {
      const page = await fetchPage()
      if (latest.current === fetchPage) setLoaded({ source: fetchPage, items: page.items, cursor: page.nextCursor })
    } catch (caught) {
      if (latest.current === fetchPage) setError(caught)
    } finally {
      if (latest.current === fetchPage) setLoading(false)
    }
  }, [fetchPage])

  const current = loaded.source === fetchPage
  const loadMore = useCallback(async () => {
    if (busy.current || !current || loaded.cursor === null) return
    busy.current = true
    setLoadingMore(true)
    setMoreError(null)
    try {
      const page = await fetchPage(loaded.cursor)
      if (latest.current === fetchPage) setLoaded((shown) => ({ source: fetchPage, items: [...shown.items, ...page.items], cursor: page.nextCursor }))
    } catch (caught) {
      if (latest.current === fetchPage) setMoreError(caught)
    } finally {
      busy.current = false
      setLoadingMore(false)
    }
  }, [current, loaded.cursor, fetchPage])

  useEffect(() => {
    void reload()
  }, [reload])

  return {
    items: current ? loaded.items : [],
    // a new fetcher whose first page has neither arrived nor failed yet
    loading: loading || (!current && error === null),
    loadingMore,
    error,
    moreError,
    hasMore: current && loaded.cursor !== null,
    loadMore,
    reload,
  }
}
