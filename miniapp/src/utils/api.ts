/**
 * Where the BFF lives: its origin. The contract's paths already start with /api
 * (BFF_API.home.path is '/api/home'), so the base never ends in /api.
 * 1. build time: TARO_APP_API_BASE=https://bff.example.com → defineConstants __API_BASE__ (all
 *    platforms; weapp needs it, a mini-program has no origin of its own)
 * 2. run time (H5 only, when 1 is empty): window.__FS_CONFIG__.apiBase (e.g. a config.js served
 *    next to index.html), else the page's own origin — the BFF serves the h5 build itself.
 */
export function apiBase(): string {
  if (__API_BASE__) return trimSlash(__API_BASE__)
  if (process.env.TARO_ENV === 'h5' && typeof window !== 'undefined') {
    const runtime = (window as { __FS_CONFIG__?: { apiBase?: string } }).__FS_CONFIG__?.apiBase
    return trimSlash(runtime || window.location.origin)
  }
  return ''
}

function trimSlash(url: string): string {
  return url.replace(/\/+$/, '')
}
