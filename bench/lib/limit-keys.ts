// The limit servers' Redis keys (bench/limit-server.ts); the bench writes the data before it measures.
export const LIMIT_KEYS = {
  session: (sid: string) => `limit:{s:${sid}}`,
  person: (id: string) => `limit:{p:${id}}:person`,
  applied: (id: string) => `limit:{p:${id}}:applied`,
  ledger: (id: string) => `limit:{p:${id}}:led`,
  ledgerIndex: (id: string) => `limit:{p:${id}}:led:all`,
  monthly: (id: string) => `limit:{p:${id}}:monthly`,
  feed: (id: string) => `limit:{p:${id}}:feed`,
  journal: (holder: string, sid: string) => `limit:{p:${holder}}:stl:${sid}`,
  payments: (id: string) => `limit:{p:${id}}:pay`,
  owner: (sid: string) => `limit:{op:${sid}}:owner`,
  pending: 'limit:pending-ops',
};

