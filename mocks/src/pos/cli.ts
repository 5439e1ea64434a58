// POS simulator: a payment at a designated hospital or pharmacy, as the counter would send it.
//   npm run pos -- --holder zhuoma --amount 128.50 --at P54010001 [--choice authorizer] [--id S123]
// Prints the split — own account, each authorizer, cash — in yuan.
import { randomUUID } from 'node:crypto';
import { parseArgs } from 'node:util';
import { formatYuan, parseYuan, SettlementResultSchema } from '@family-share/shared';
import { callPlatform, resolvePerson } from '../cli-support';
import { DEMO_INSTITUTIONS } from '../platform/institutions';

const { values } = parseArgs({
  options: {
    holder: { type: 'string' },
    amount: { type: 'string' },
    at: { type: 'string', default: DEMO_INSTITUTIONS[3]?.code },
    choice: { type: 'string' },
    id: { type: 'string' },
    json: { type: 'boolean', default: false },
    help: { type: 'boolean', default: false },
  },
});

function usage(message?: string): never {
  if (message) console.error(message);
  console.error('usage: npm run pos -- --holder <demo key | ID number> --amount <yuan> [--at <institution code>] [--choice own|authorizer] [--id <settlement id>]');
  console.error(`institutions: ${DEMO_INSTITUTIONS.map((i) => `${i.code} ${i.name}`).join('; ')}`);
  process.exit(message ? 2 : 0);
}

if (values.help) usage();
if (!values.holder || !values.amount) usage('--holder and --amount are required');
const charge = parseYuan(values.amount);
if (charge === null) usage(`not an amount in yuan: ${values.amount}`);
const institution = DEMO_INSTITUTIONS.find((i) => i.code === values.at || i.name === values.at);
if (!institution) usage(`unknown institution ${values.at}`);
if (values.choice !== undefined && values.choice !== 'own' && values.choice !== 'authorizer') usage('--choice is own or authorizer');

const request = {
  settlementId: values.id ?? `POS-${randomUUID().replace(/-/g, '').slice(0, 20)}`,
  cardHolderIdNumber: resolvePerson(values.holder),
  charge,
  institution,
  ...(values.choice ? { choice: values.choice } : {}),
};
const { status, body } = await callPlatform('POST', '/v1/settlements', request);
if (status !== 200) {
  console.error(`refused (${status}): ${JSON.stringify(body)}`);
  process.exit(1);
}
const result = SettlementResultSchema.parse(body);
if (values.json) {
  console.log(JSON.stringify(result, null, 2));
} else {
  console.log(`${institution.name}  结算单 ${result.settlementId}`);
  console.log(`应付个人负担   ${formatYuan(result.charge)}`);
  console.log(`本人个人账户   ${formatYuan(result.own)}`);
  for (const part of result.shared) console.log(`共济·${part.authorizerName}   ${formatYuan(part.amount)}`);
  console.log(`现金           ${formatYuan(result.cash)}`);
}
