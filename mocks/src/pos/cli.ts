// POS simulator: the counter of a designated hospital or pharmacy, as the national interface
// names its transactions (see shared/src/contract/platform.ts):
//   npm run pos -- --holder zhuoma --amount 128.50 [--at P54010001] [--choice own|authorizer] [--id S123]   结算 2102/2207
//   npm run pos -- --holder zhuoma --amount 128.50 --at P54010001 --preview                                预结算 2101/2206
//   npm run pos -- --cancel <settlementId> [--id <cancellationId>] [--at …]                                撤销 2103/2208
//   npm run pos -- --reverse <requestId> [--kind settlement|cancellation] [--at …]                         冲正 2601
//   npm run pos -- --refund <settlementId> --amount 30 [--at …]        partial 退费: cancel, then settle the rest
// Every form takes --json (prints the platform's answers). A refusal exits 1 and prints its stable code.
import { randomUUID } from 'node:crypto';
import { parseArgs } from 'node:util';
import {
  formatYuan,
  parseYuan,
  PLATFORM_API,
  type CounterSettlement,
  type CounterSplit,
  type PlatformEndpointName,
  type PlatformInput,
  type PlatformResponse,
} from '@family-share/shared';
import { callPlatform, resolvePerson } from '../cli-support';
import { DEMO_INSTITUTIONS } from '../platform/institutions';

const { values } = parseArgs({
  options: {
    holder: { type: 'string' },
    amount: { type: 'string' },
    at: { type: 'string', default: DEMO_INSTITUTIONS[3]?.code },
    choice: { type: 'string' },
    id: { type: 'string' },
    preview: { type: 'boolean', default: false },
    cancel: { type: 'string' },
    reverse: { type: 'string' },
    kind: { type: 'string' },
    refund: { type: 'string' },
    json: { type: 'boolean', default: false },
    help: { type: 'boolean', default: false },
  },
});

function usage(message?: string): never {
  if (message) console.error(message);
  console.error('usage: npm run pos -- --holder <demo key | ID number> --amount <yuan> [--at <institution code>] [--choice own|authorizer] [--id <settlement id>] [--preview] [--json]');
  console.error('       npm run pos -- --cancel <settlement id> [--id <cancellation id>] | --reverse <request id> [--kind settlement|cancellation] | --refund <settlement id> --amount <yuan>');
  console.error(`institutions: ${DEMO_INSTITUTIONS.map((i) => `${i.code} ${i.name}`).join('; ')}`);
  process.exit(message ? 2 : 0);
}

const newId = (prefix: string) => `${prefix}-${randomUUID().replace(/-/g, '').slice(0, 20)}`;
const institutionCode = values.at ?? '';
const institutionName = DEMO_INSTITUTIONS.find((i) => i.code === institutionCode)?.name ?? institutionCode;

/** Calls the platform; a refusal prints the stable code and ends the process with 1. */
async function call<N extends PlatformEndpointName>(name: N, input: PlatformInput<N>): Promise<PlatformResponse<N>> {
  const { status, body: answer } = await callPlatform(name, input);
  if (status < 200 || status >= 300) {
    const code = (answer as { error?: { code?: string } }).error?.code ?? 'UNKNOWN';
    console.error(`refused: ${code} (HTTP ${status})`);
    if (values.json) console.log(JSON.stringify(answer, null, 2));
    process.exit(1);
  }
  return PLATFORM_API[name].response.parse(answer) as PlatformResponse<N>;
}

/** --choice, checked against own|authorizer before any call. */
const choice = () => (values.choice ? { choice: values.choice as 'own' | 'authorizer' } : {});

function printSplit(split: CounterSplit, labels: { own: string; cash: string }): void {
  console.log(`${labels.own}   ${formatYuan(split.acctPay)}`);
  for (const part of split.mulaid) console.log(`共济·${part.maskedName}   ${formatYuan(part.amount)}`);
  console.log(`${labels.cash}   ${formatYuan(split.psnCashPay)}`);
  if (split.balc !== null) console.log(`个人账户余额   ${formatYuan(split.balc)}`);
}

function amountFen(): number {
  if (!values.amount) usage('--amount is required');
  const fen = parseYuan(values.amount);
  if (fen === null) usage(`not an amount in yuan: ${values.amount}`);
  return fen;
}

async function settle(holder: string, charge: number, settlementId: string) {
  return call('counterSettle', { body: { settlementId, cardHolderIdNumber: holder, charge, institutionCode, ...choice() } });
}

function printSettlement(result: CounterSettlement): void {
  console.log(`${institutionName}  结算单 ${result.settlementId}`);
  console.log(`应付个人负担   ${formatYuan(result.charge)}`);
  printSplit(result, { own: '本人个人账户', cash: '现金' });
  if (result.noSharingReason) console.log('本机构未开通家庭共济，未使用家人账户');
}

if (values.help) usage();
if (values.choice !== undefined && values.choice !== 'own' && values.choice !== 'authorizer') usage('--choice is own or authorizer');

if (values.cancel) {
  const answer = await call('cancelSettlement', { body: { cancellationId: values.id ?? newId('CNL'), settlementId: values.cancel, institutionCode } });
  if (values.json) console.log(JSON.stringify(answer, null, 2));
  else {
    console.log(`${institutionName}  撤销 ${answer.cancellationId}（结算单 ${answer.settlementId}）`);
    printSplit(answer, { own: '退回本人个人账户', cash: '应退现金' });
  }
} else if (values.reverse) {
  if (values.kind !== undefined && values.kind !== 'settlement' && values.kind !== 'cancellation') usage('--kind is settlement or cancellation');
  const answer = await call('reverse', {
    body: { originalRequestId: values.reverse, institutionCode, ...(values.kind ? { originalKind: values.kind as 'settlement' | 'cancellation' } : {}) },
  });
  if (values.json) console.log(JSON.stringify(answer, null, 2));
  else if (!answer.applied) console.log(`冲正 ${answer.originalRequestId}：原交易未生效，此编号已作废`);
  else {
    const what = answer.originalKind === 'cancellation' ? '撤销' : '结算';
    console.log(`冲正 ${answer.originalRequestId}：原${what}已撤回`);
    printSplit(answer, answer.originalKind === 'cancellation' ? { own: '本人个人账户重新扣回', cash: '需补付现金' } : { own: '退回本人个人账户', cash: '应退现金' });
  }
} else if (values.refund) {
  const refund = amountFen();
  const original = await call('counterSettlement', { params: { settlementId: values.refund }, query: { institutionCode } });
  if (refund > original.charge) usage(`cannot refund ${formatYuan(refund)} of ${formatYuan(original.charge)}`);
  // R23: a partial refund is the whole settlement cancelled, then what remains settled anew under the rules of now.
  const cancellation = await call('cancelSettlement', { body: { cancellationId: values.id ?? newId('CNL'), settlementId: original.settlementId, institutionCode } });
  const rest = original.charge - refund;
  const again = rest > 0 ? await settle(original.cardHolderIdNumber, rest, newId('POS')) : null;
  if (values.json) console.log(JSON.stringify({ cancellation, settlement: again }, null, 2));
  else {
    console.log(`${institutionName}  退费 ${formatYuan(refund)}（原结算单 ${original.settlementId}，${formatYuan(original.charge)}）`);
    console.log('— 撤销原结算 —');
    printSplit(cancellation, { own: '退回本人个人账户', cash: '应退现金' });
    if (again) {
      console.log(`— 重新结算 ${formatYuan(rest)} —`);
      printSettlement(again);
    }
  }
} else {
  if (!values.holder) usage('--holder and --amount are required');
  const charge = amountFen();
  let holder: string;
  try {
    holder = resolvePerson(values.holder);
  } catch (error) {
    usage((error as Error).message);
  }
  if (values.preview) {
    const answer = await call('counterPreSettle', { body: { cardHolderIdNumber: holder, charge, institutionCode, ...choice() } });
    if (values.json) console.log(JSON.stringify(answer, null, 2));
    else {
      console.log(`${institutionName}  预结算（未扣款）`);
      console.log(`应付个人负担   ${formatYuan(answer.charge)}`);
      printSplit(answer, { own: '本人个人账户', cash: '现金' });
      if (answer.noSharingReason) console.log('本机构未开通家庭共济，未使用家人账户');
    }
  } else {
    const answer = await settle(holder, charge, values.id ?? newId('POS'));
    if (values.json) console.log(JSON.stringify(answer, null, 2));
    else printSettlement(answer);
  }
}
