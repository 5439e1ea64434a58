/**
 * The demo counter page (GET /pos, demo mode only): a pharmacy or hospital terminal in Chinese.
 * Plain server-rendered HTML with a little inline script that calls /pos/api (the counter's
 * transactions, R21–R24) and renders the answers. No framework: one page, four buttons.
 */
import type { InstitutionRecord } from '@family-share/shared';

export interface CounterPageData {
  institutions: readonly InstitutionRecord[];
  people: ReadonlyArray<{ key: string; name: string; idNumber: string }>;
  policyRegion: string;
}

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export function counterPage(data: CounterPageData): string {
  const options = data.institutions
    .map((i) => {
      const open = i.region.startsWith(data.policyRegion) || i.sharingEnabled;
      return `<option value="${escapeHtml(i.code)}">${escapeHtml(i.code)} ${escapeHtml(i.name)}${open ? '' : '（未开通共济）'}</option>`;
    })
    .join('');
  const people = data.people
    .map((p) => `<option value="${escapeHtml(p.idNumber)}">${escapeHtml(p.name)}（${escapeHtml(p.key)}）</option>`)
    .join('');
  return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>医保结算终端（演示）</title>
<style>
  :root { --ink: #1d2733; --muted: #5b6776; --line: #d5dbe3; --brand: #0b6e4f; --warn: #b42318; --bg: #f3f5f7; }
  * { box-sizing: border-box; }
  body { margin: 0; font: 16px/1.5 "Noto Sans CJK SC", "PingFang SC", sans-serif; color: var(--ink); background: var(--bg); }
  header { background: var(--brand); color: #fff; padding: 12px 20px; display: flex; align-items: baseline; gap: 16px; }
  header h1 { font-size: 20px; margin: 0; }
  header .demo { background: #fff3; border-radius: 4px; padding: 0 8px; font-size: 14px; }
  main { display: grid; grid-template-columns: minmax(320px, 420px) 1fr; gap: 16px; padding: 16px 20px; }
  section { background: #fff; border: 1px solid var(--line); border-radius: 8px; padding: 16px; }
  h2 { font-size: 17px; margin: 0 0 12px; }
  label { display: block; font-size: 14px; color: var(--muted); margin: 10px 0 4px; }
  select, input { width: 100%; font: inherit; padding: 8px 10px; border: 1px solid var(--line); border-radius: 6px; min-height: 44px; }
  .row { display: flex; gap: 8px; }
  .row > * { flex: 1; }
  .choices { display: flex; gap: 12px; font-size: 15px; }
  .choices label { display: flex; align-items: center; gap: 4px; margin: 0; color: var(--ink); }
  .choices input { width: auto; min-height: auto; }
  button { font: inherit; min-height: 44px; padding: 8px 16px; border-radius: 6px; border: 1px solid var(--brand); background: #fff; color: var(--brand); cursor: pointer; }
  button.primary { background: var(--brand); color: #fff; }
  button.danger { border-color: var(--warn); color: var(--warn); }
  button:disabled { opacity: .5; cursor: wait; }
  .actions { display: flex; gap: 8px; margin-top: 16px; }
  .actions button { flex: 1; }
  table { width: 100%; border-collapse: collapse; font-size: 15px; }
  th, td { text-align: left; padding: 6px 8px; border-bottom: 1px solid var(--line); vertical-align: middle; }
  td.money, th.money { text-align: right; font-variant-numeric: tabular-nums; }
  #answer { margin-top: 16px; min-height: 40px; }
  .receipt { border: 1px dashed var(--line); border-radius: 6px; padding: 12px; background: #fbfcfd; }
  .receipt h3 { margin: 0 0 8px; font-size: 16px; }
  .note { color: var(--muted); font-size: 14px; margin: 8px 0 0; }
  .error { color: var(--warn); font-weight: 600; }
  .status-cancelled, .status-reversed { color: var(--warn); }
  .list-actions { display: flex; gap: 6px; }
  .list-actions button { min-height: 36px; padding: 4px 10px; font-size: 14px; }
  @media (max-width: 760px) { main { grid-template-columns: 1fr; } }
</style>
</head>
<body>
<header><h1>医保结算终端</h1><span class="demo">演示</span></header>
<main>
  <section aria-labelledby="sale">
    <h2 id="sale">收费</h2>
    <label for="institution">本机构</label>
    <select id="institution">${options}</select>
    <label for="person">持卡人（演示人员）</label>
    <select id="person"><option value="">— 读卡或选择 —</option>${people}</select>
    <label for="idNumber">或输入身份证号</label>
    <input id="idNumber" inputmode="text" maxlength="18" autocomplete="off" placeholder="18位身份证号">
    <label for="amount">个人负担金额（元）</label>
    <input id="amount" inputmode="decimal" autocomplete="off" placeholder="例如 128.50">
    <label>个人账户使用</label>
    <div class="choices">
      <label><input type="radio" name="choice" value="" checked>按本人设置</label>
      <label><input type="radio" name="choice" value="own">本人账户优先</label>
      <label><input type="radio" name="choice" value="authorizer">家人账户</label>
    </div>
    <div class="actions">
      <button id="preview" type="button">预结算</button>
      <button id="settle" type="button" class="primary">结算</button>
    </div>
    <div id="answer" aria-live="polite"></div>
  </section>
  <section aria-labelledby="today">
    <h2 id="today">今日结算（本机构）</h2>
    <table>
      <thead><tr><th>时间</th><th>结算单</th><th>持卡人</th><th class="money">金额</th><th class="money">个人账户</th><th class="money">共济</th><th class="money">现金</th><th>状态</th><th></th></tr></thead>
      <tbody id="list"><tr><td colspan="9">加载中…</td></tr></tbody>
    </table>
    <h2 style="margin-top:20px">冲正</h2>
    <div class="row">
      <input id="reverseId" placeholder="原交易流水号（结算单号或撤销号）" autocomplete="off">
      <button id="reverse" type="button" class="danger" style="flex:0 0 auto">冲正</button>
    </div>
  </section>
</main>
<script>
(() => {
  const $ = (id) => document.getElementById(id);
  const yuan = (fen) => '¥' + (fen / 100).toFixed(2);
  const esc = (t) => String(t).replace(/[&<>"']/g, (c) => '&#' + c.charCodeAt(0) + ';');
  const MESSAGES = {
    INSTITUTION_UNKNOWN: '本机构代码未登记', INSTITUTION_MISMATCH: '只能由办理结算的机构撤销或冲正',
    SETTLEMENT_NOT_FOUND: '未找到该结算', SETTLEMENT_ALREADY_CANCELLED: '该结算已撤销', SETTLEMENT_REVERSED: '该结算已冲正',
    CANCELLATION_WINDOW_PASSED: '已超过可撤销期限', OPERATION_REVERSED: '该流水号已冲正，不能再办理', REVERSAL_AMBIGUOUS: '流水号同时对应结算和撤销',
    PERSON_NOT_FOUND: '查无此参保人', PAYER_NOT_INSURED: '持卡人未参保或参保状态异常', VALIDATION_FAILED: '输入有误', REQUEST_IN_PROGRESS: '上一笔正在处理，请稍候',
  };
  const newId = (prefix) => prefix + '-' + Date.now().toString(36).toUpperCase() + Math.random().toString(36).slice(2, 8).toUpperCase();
  const fen = (text) => /^\\d{1,7}(\\.\\d{1,2})?$/.test(text.trim()) ? Math.round(parseFloat(text) * 100) : null;
  const institution = () => $('institution').value;
  const holder = () => $('idNumber').value.trim().toUpperCase() || $('person').value;
  const choice = () => document.querySelector('input[name=choice]:checked').value;

  async function api(method, path, body) {
    const response = await fetch('/pos/api/' + path, { method, headers: { 'content-type': 'application/json' }, body: body ? JSON.stringify(body) : undefined });
    const answer = await response.json();
    if (!response.ok) throw Object.assign(new Error(answer.error && answer.error.code), { code: answer.error && answer.error.code });
    return answer;
  }
  function showError(error) {
    const code = error.code || 'NETWORK_ERROR';
    $('answer').innerHTML = '<p class="error">' + esc(MESSAGES[code] || '办理失败') + '（' + esc(code) + '）</p>';
  }
  function split(a, labels) {
    let rows = '<tr><td>' + labels.own + '</td><td class="money">' + yuan(a.acctPay) + '</td></tr>';
    for (const p of a.mulaid) rows += '<tr><td>家庭共济 · ' + esc(p.maskedName) + '</td><td class="money">' + yuan(p.amount) + '</td></tr>';
    rows += '<tr><td>' + labels.cash + '</td><td class="money">' + yuan(a.psnCashPay) + '</td></tr>';
    if (a.balc !== null && a.balc !== undefined) rows += '<tr><td>个人账户余额</td><td class="money">' + yuan(a.balc) + '</td></tr>';
    return '<table>' + rows + '</table>';
  }
  function receipt(title, a, labels, note) {
    $('answer').innerHTML = '<div class="receipt"><h3>' + title + '</h3>' + split(a, labels) + (note ? '<p class="note">' + note + '</p>' : '') + '</div>';
  }
  const noSharing = (a) => a.noSharingReason ? '本机构未开通异地家庭共济：由本人账户和现金支付。' : '';
  async function busy(button, work) {
    document.querySelectorAll('button').forEach((b) => (b.disabled = true));
    try { await work(); } catch (error) { showError(error); } finally { document.querySelectorAll('button').forEach((b) => (b.disabled = false)); }
  }
  function saleRequest() {
    const charge = fen($('amount').value);
    if (!holder()) throw Object.assign(new Error(), { code: 'VALIDATION_FAILED' });
    if (charge === null) throw Object.assign(new Error(), { code: 'VALIDATION_FAILED' });
    const body = { cardHolderIdNumber: holder(), charge, institutionCode: institution() };
    if (choice()) body.choice = choice();
    return body;
  }
  $('preview').onclick = () => busy($('preview'), async () => {
    const a = await api('POST', 'pre-settlements', saleRequest());
    receipt('预结算 ' + yuan(a.charge) + '（未扣款）', a, { own: '本人个人账户', cash: '现金' }, noSharing(a));
  });
  $('settle').onclick = () => busy($('settle'), async () => {
    const a = await api('POST', 'settlements', { settlementId: newId('POS'), ...saleRequest() });
    receipt('结算完成 ' + yuan(a.charge) + ' · 结算单 ' + esc(a.settlementId), a, { own: '本人个人账户', cash: '现金' }, noSharing(a));
    await refresh();
  });
  $('reverse').onclick = () => busy($('reverse'), async () => {
    const id = $('reverseId').value.trim();
    if (!id) throw Object.assign(new Error(), { code: 'VALIDATION_FAILED' });
    const a = await api('POST', 'reversals', { originalRequestId: id, institutionCode: institution() });
    if (!a.applied) $('answer').innerHTML = '<div class="receipt"><h3>冲正 ' + esc(id) + '</h3><p class="note">原交易未生效，此流水号已作废。</p></div>';
    else receipt('冲正 ' + esc(id) + '：原' + (a.originalKind === 'cancellation' ? '撤销' : '结算') + '已撤回', a, a.originalKind === 'cancellation' ? { own: '本人个人账户重新扣回', cash: '需补付现金' } : { own: '退回本人个人账户', cash: '应退现金' });
    await refresh();
  });
  async function cancel(settlementId) {
    const a = await api('POST', 'cancellations', { cancellationId: newId('CNL'), settlementId, institutionCode: institution() });
    receipt('已撤销结算单 ' + esc(settlementId), a, { own: '退回本人个人账户', cash: '应退现金' });
  }
  async function refund(s) {
    const text = window.prompt('退费金额（元），原结算 ' + yuan(s.charge), '');
    if (text === null) return;
    const back = fen(text);
    if (back === null || back <= 0 || back > s.charge) throw Object.assign(new Error(), { code: 'VALIDATION_FAILED' });
    const c = await api('POST', 'cancellations', { cancellationId: newId('CNL'), settlementId: s.settlementId, institutionCode: institution() });
    const rest = s.charge - back;
    let html = '<div class="receipt"><h3>退费 ' + yuan(back) + '（原结算单 ' + esc(s.settlementId) + '）</h3><p class="note">先撤销原结算：</p>' + split(c, { own: '退回本人个人账户', cash: '应退现金' });
    if (rest > 0) {
      const a = await api('POST', 'settlements', { settlementId: newId('POS'), cardHolderIdNumber: s.cardHolderIdNumber, charge: rest, institutionCode: institution() });
      html += '<p class="note">再按现行规则结算余下 ' + yuan(rest) + '（结算单 ' + esc(a.settlementId) + '）：</p>' + split(a, { own: '本人个人账户', cash: '现金' });
    }
    $('answer').innerHTML = html + '</div>';
  }
  const STATUS = { settled: '已结算', cancelled: '已撤销', reversed: '已冲正', pending: '处理中' };
  async function refresh() {
    const now = new Date(Date.now() + 8 * 3600e3);
    const date = now.toISOString().slice(0, 10);
    const list = await api('GET', 'day?institutionCode=' + encodeURIComponent(institution()) + '&date=' + date);
    if (list.length === 0) { $('list').innerHTML = '<tr><td colspan="9">今日暂无结算</td></tr>'; return; }
    $('list').innerHTML = list.map((s, i) => {
      const time = new Date(s.at + 8 * 3600e3).toISOString().slice(11, 16);
      const actions = s.status === 'settled' ? '<div class="list-actions"><button type="button" class="danger" data-cancel="' + i + '">撤销</button><button type="button" data-refund="' + i + '">退费</button></div>' : '';
      return '<tr><td>' + time + '</td><td>' + esc(s.settlementId) + '</td><td>' + esc(s.maskedCardHolder) + '</td><td class="money">' + yuan(s.charge) + '</td><td class="money">' + yuan(s.acctPay) + '</td><td class="money">' + yuan(s.acctMulaidPay) + '</td><td class="money">' + yuan(s.psnCashPay) + '</td><td class="status-' + s.status + '">' + STATUS[s.status] + '</td><td>' + actions + '</td></tr>';
    }).join('');
    document.querySelectorAll('[data-cancel]').forEach((b) => (b.onclick = () => busy(b, async () => { await cancel(list[Number(b.dataset.cancel)].settlementId); await refresh(); })));
    document.querySelectorAll('[data-refund]').forEach((b) => (b.onclick = () => busy(b, async () => { await refund(list[Number(b.dataset.refund)]); await refresh(); })));
  }
  $('institution').onchange = () => { $('answer').innerHTML = ''; refresh().catch(showError); };
  $('person').onchange = () => { if ($('person').value) $('idNumber').value = ''; };
  refresh().catch(showError);
})();
</script>
</body>
</html>`;
}
