import { useCallback, useEffect, useRef, useState } from 'react'

export interface RequestState<T> {
  data: T | undefined
  loading: boolean
  error: unknown
  /** Loads again; the data already shown stays until the new answer arrives. */
  reload: () => Promise<void>
  setData: (data: T) => void
}

/** Runs `load` on mount and whenever `deps` change; only the latest call's answer counts. */
export function useRequest<T>(load: () => Promise<T>, deps: readonly unknown[] = []): RequestState<T> {
  const [data, setData] = useState<T | undefined>(undefined)
  const [loading, setLoading] = useState(true)
  const [error, setError] = useState<unknown>(null)
  const latest = useRef(0)

  const reload = useCallback(async () => {
    const ticket = ++latest.current
    setLoading(true)
    setError(null)
    try {
      const value = await load()
      if (ticket === latest.current) setData(value)
    } catch (caught) {
      if (ticket === latest.current) setError(caught)
    } finally {
      if (ticket === latest.current) setLoading(false)
    }
  }, deps)

  useEffect(() => {
    void reload()
  }, [reload])

  return { data, loading, error, reload, setData }
}
