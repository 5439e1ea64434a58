import { isValidIdNumber, platformRequest, type PlatformEndpointName, type PlatformInput } from '@family-share/shared';
import { DEMO_PEOPLE } from './platform/demo-people';

/** A demo person's key (e.g. "zhaxi") or an ID number → the ID number (what a counter reads from a card). */
export function resolvePerson(text: string): string {
  const demo = DEMO_PEOPLE.find((p) => p.key === text || p.name === text);
  if (demo) return demo.idNumber;
  if (isValidIdNumber(text)) return text.toUpperCase();
  throw new Error(`unknown person "${text}": use a demo key (${DEMO_PEOPLE.map((p) => p.key).join(', ')}) or an ID number`);
}

export function platformConnection(): { url: string; key: string } {
  return {
    url: process.env.PLATFORM_URL ?? 'http://127.0.0.1:4010',
    key: process.env.PLATFORM_KEY ?? 'dev-platform-key-0123456789abcdef',
  };
}

/** The person number the platform gave an ID number (the 1101 lookup); admin paths name persons by it. */
export async function personNumber(idNumber: string): Promise<string> {
  const { status, body } = await callPlatform('lookupPerson', { body: { idNumber } });
  if (status !== 200) throw new Error(`no such person (${status})`);
  return (body as { psnNo: string }).psnNo;
}

/** One PLATFORM_API endpoint by name: its method and path come from the registry, with the CLI's connection. */
export async function callPlatform<N extends PlatformEndpointName>(name: N, input: PlatformInput<N>): Promise<{ status: number; body: unknown }> {
  const { url, key } = platformConnection();
  const { method, path, body } = platformRequest(name, input);
  const response = await fetch(`${url}${path}`, {
    method,
    headers: { 'content-type': 'application/json', 'x-platform-key': key },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: response.status, body: await response.json() };
}
