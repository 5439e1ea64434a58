import { fireEvent, waitFor } from '@testing-library/react'

/** The n-th Taro Input's inner <input>; the web component renders it a moment after mount. */
async function inputAt(container: HTMLElement, index: number): Promise<HTMLInputElement> {
  let found: HTMLInputElement | undefined
  await waitFor(() => {
    found = container.querySelectorAll('input')[index]
    if (!found) throw new Error(`no input #${index}`)
  })
  return found as HTMLInputElement
}

/** Types into the n-th Taro Input of the container, as a person would. */
export async function typeInto(container: HTMLElement, index: number, value: string): Promise<void> {
  const input = await inputAt(container, index)
  input.value = value
  fireEvent.input(input)
}

export async function blur(container: HTMLElement, index: number): Promise<void> {
  fireEvent.blur(await inputAt(container, index))
}
