/**
 * A reference number a person can read aloud on the phone (item 9): the first characters of
 * an id, upper case, in groups of four — "3F2A-91C0" rather than a 36-character UUID. The
 * full id stays in the server's log and record; the prefix finds it there.
 */
export function shortReference(id: string, length = 8): string {
  const plain = id.replace(/[^0-9a-zA-Z]/g, '').toUpperCase().slice(0, length)
  return plain.match(/.{1,4}/g)?.join('-') ?? plain
}
