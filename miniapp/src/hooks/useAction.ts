import { useCallback, useRef, useState } from 'react'

export type ActionResult<R> = { ok: true; value: R } | { ok: false; error: unknown }

/**
 * A tap that talks to the server: `busy` while it runs, and a second tap during that time is
 * ignored (a ref, so two taps in the same frame cannot both pass; the ignored one answers
 * { ok: false, error: null }). The error stays for the page to show; whatever the person
 * typed lives in the page's own state and is untouched.
 */
export function useAction<A extends unknown[], R>(action: (...args: A) => Promise<R>) {
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<unknown>(null)
  const running = useRef(false)

  const run = useCallback(
    async (...args: A): Promise<ActionResult<R>> => {
      if (running.current) return { ok: false, error: null }
      running.current = true
      setBusy(true)
      setError(null)
      try {
        return { ok: true, value: await action(...args) }
      } catch (caught) {
        setError(caught)
        return { ok: false, error: caught }
      } finally {
        running.current = false
        setBusy(false)
      }
    },
    [action],
  )

  return { run, busy, error, setError }
}
