/**
 * Props for a View that is a tap target: keyboard and screen-reader focus can reach it, as it
 * can a <button>. Taro's View types omit tabIndex, although h5 renders it (weapp ignores it).
 * Without a focusable child, a scrolling region (Taro's page, a chip row) cannot be scrolled
 * from the keyboard either (axe: scrollable-region-focusable).
 */
export const FOCUSABLE: Record<string, unknown> = { tabIndex: 0 }
