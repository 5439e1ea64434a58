// The registry's side, for the demo: change someone's insurance (R8 ends their bindings),
// set a balance, list the demo people.
//   npm run admin -- insurance zhaxi --insurance resident
//   npm run admin -- insurance zhaxi --status suspended
//   npm run admin -- balance zhaxi 8000
//   npm run admin -- people
import { parseArgs } from 'node:util';
import { formatYuan, parseYuan, type PlatformInput } from '@family-share/shared';
import { callPlatform, personNumber, resolvePerson } from '../cli-support';
import { DEMO_PEOPLE } from './demo-people';

const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: { insurance: { type: 'string' }, status: { type: 'string' }, region: { type: 'string' } },
});
const [command, who, amount] = positionals;

async function main(): Promise<number> {
  switch (command) {
    case 'people':
      for (const p of DEMO_PEOPLE) console.log(`${p.key.padEnd(10)} ${p.name}\t${p.idNumber}\t${p.shows}`);
      return 0;
    case 'insurance': {
      if (!who) return usage();
      const change: Record<string, unknown> = {};
      if (values.insurance) change.insurance = values.insurance === 'none' ? null : values.insurance;
      if (values.status) change.status = values.status;
      if (values.region) change.region = values.region;
      const { status, body } = await callPlatform('adminChangeInsurance', {
        params: { psnNo: await personNumber(resolvePerson(who)) },
        // The platform parses the change; the CLI passes on what was typed.
        body: change as PlatformInput<'adminChangeInsurance'>['body'],
      });
      console.log(status === 200 ? summarize(body) : `refused (${status}): ${JSON.stringify(body)}`);
      return status === 200 ? 0 : 1;
    }
    case 'balance': {
      const fen = amount ? parseYuan(amount) : null;
      if (!who || fen === null) return usage();
      const { status, body } = await callPlatform('adminSetBalance', { params: { psnNo: await personNumber(resolvePerson(who)) }, body: { balance: fen } });
      console.log(status === 200 ? `balance now ${formatYuan(fen)}` : `refused (${status}): ${JSON.stringify(body)}`);
      return status === 200 ? 0 : 1;
    }
    default:
      return usage();
  }
}

function summarize(body: unknown): string {
  const { person, endedBindings } = body as { person: { name: string; insurance: string | null; status: string }; endedBindings: Array<{ beneficiaryName: string }> };
  const ended = endedBindings.map((b) => b.beneficiaryName).join('、');
  return `${person.name}: ${person.insurance ?? '未参保'} / ${person.status}${ended ? `；已自动解除与 ${ended} 的共济关系 (R8)` : ''}`;
}

function usage(): number {
  console.error('usage: npm run admin -- people | insurance <who> [--insurance employee|resident|none] [--status active|suspended|terminated] [--region 540102] | balance <who> <yuan>');
  return 2;
}

process.exit(await main());
