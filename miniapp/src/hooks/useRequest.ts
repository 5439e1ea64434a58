import { useCallback, useEffect, useRef, useState } from 'react'

export interface RequestState<T> {
  /** The answer for the current deps only: undefined while another selection's answer is all there is. */
  data: T | undefined
  loading: boolean
  error: unknown
  /** Loads again; the data already shown stays until the new answer arrives. */
  reload: () => Promise<void>
  setData: (data: T) => void
}

interface Held<T> {
  /** The reload (one per deps) whose answer this is. */
  source: unknown
  value: T
}

/**
 * Runs `load` on mount and whenever `deps` change; only the latest call's answer counts.
 * Item 7 (issue 12): data answered for other deps is never returned — after a new selection
 * (another year, say) the page gets loading, then that selection's data or its error, and
 * never the old selection's figures under the new heading. A reload with the same deps keeps
 * showing the data until the new answer arrives.
 */
export function useRequest<T>(load: () => Promise<T>, deps: readonly unknown[] = []): RequestState<T> {
  const [held, setHeld] = useState<Held<T> | undefined>(undefined)
  const [loading, setLoading] = useState(true)
  const [error, setError] = useState<unknown>(null)
  const latest = useRef(0)

  const reload = useCallback(async function run(): Promise<void> {
    const ticket = ++latest.current
    setLoading(true)
    setError(null)
    try {
      const value = await load()
      if (ticket === latest.current) setHeld({ source: run, value })
    } catch (caught) {
      if (ticket === latest.current) setError(caught)
    } finally {
      if (ticket === latest.current) setLoading(false)
    }
    // The caller's list says when `load` changes, as with useEffect's own: `load` is a new
    // closure on every render and would reload each time.
    // eslint-disable-next-line react-hooks/exhaustive-deps -- deps come from the caller
  }, deps)

  useEffect(() => {
    void reload()
  }, [reload])

  const current = held !== undefined && held.source === reload
  const setData = useCallback((value: T) => setHeld({ source: reload, value }), [reload])
  return { data: current ? held.value : undefined, loading: loading || (!current && error === null), error, reload, setData }
}
