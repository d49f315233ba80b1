/**
 * Fixed vocabularies of the synthetic world: user agents, models, prompt
 * frames, words, domains, time zones. Plain data; no randomness here.
 */

/** Common SDK user agents: hubs shared by a large share of all accounts. */
export const COMMON_UAS = [
  'OpenAI/Python 1.54.0',
  'anthropic-python/0.40.0',
  'curl/8.5.0',
  'node-fetch/1.0',
  'OpenAI/NodeJS 4.73.0',
  'python-requests/2.32.3',
] as const;

/** Less common user agents an ordinary key may use instead. */
export const RARE_UAS = [
  'Go-http-client/1.1',
  'Ruby',
  'okhttp/4.12.0',
  'Java-http-client/17.0.9',
  'PostmanRuntime/7.39.0',
  'langchain/0.3.7',
  'reqwest/0.12.9',
  'Dart/3.5 (dart:io)',
] as const;

/** User agents of the distillation ring: shared within the ring, unusual elsewhere. */
export const RING_UAS = ['python-httpx/0.27.0', 'aiohttp/3.10.10'] as const;

export const MODELS = ['orion-1-mini', 'orion-1-large', 'orion-1-reasoning', 'orion-embed-1'] as const;

export const REGIONS = ['us-east-1', 'us-west-2', 'eu-west-1', 'eu-central-1', 'ap-southeast-1'] as const;

/** Popular prompt frames that many unrelated customers use. */
export const POPULAR_FRAMES = [
  'Summarize the following text: ',
  'You are a helpful assistant. ',
  'Translate to French: ',
  'Fix the grammar in this paragraph: ',
  'Explain like I am five: ',
  'Write a short email reply to this message: ',
] as const;

export const RING_FRAMES_EN = [
  'Think step by step and write out your full chain of thought before the final answer. Problem: ',
  'Show every intermediate reasoning step in detail, then give the answer. ',
  'Reason carefully, step by step, and do not skip any step of the reasoning. Question: ',
  'Provide a complete, verbose derivation with all reasoning steps for: ',
] as const;

export const RING_FRAMES_ZH = [
  '请一步一步地思考，并写出完整的推理过程：',
  '请详细展示每一个推理步骤，然后给出最终答案：',
  '请逐步推理，不要省略任何中间步骤。问题：',
] as const;

export const ZH_PHRASES = [
  '一列火车以每小时', '公里的速度行驶', '小明有', '个苹果', '求这个数列的通项公式', '证明对于所有正整数',
  '计算下列积分', '一个水池有两个进水管', '如果甲单独完成需要', '天', '求三角形的面积', '已知函数',
  '在区间上单调递增', '概率是多少', '请判断下列命题是否成立',
] as const;

export const WORDS = (
  'the a report customer invoice order shipment delay quarterly revenue model data pipeline user account ' +
  'service update meeting schedule project budget design review feedback issue bug release feature team ' +
  'manager product market price growth risk policy contract client support ticket request response error ' +
  'server database query table index cache latency network security access token login password email ' +
  'message document draft summary chapter story character recipe ingredient travel hotel flight weather ' +
  'garden plant water energy solar battery car engine repair insurance health doctor patient study ' +
  'student teacher lesson exam history science physics chemistry biology music guitar song movie review ' +
  'restaurant menu coffee morning evening weekend holiday city river mountain village school library ' +
  'is was will should could must can may has have had does did makes needs wants shows explains describes ' +
  'quickly slowly carefully often rarely new old large small important urgent simple complex final early ' +
  'late local global annual monthly daily weekly and but or because while although after before during'
).split(' ');

export const PRODUCTS = [
  'wireless earbuds', 'air fryer', 'standing desk', 'vitamin gummies', 'phone case', 'yoga mat',
  'robot vacuum', 'face serum', 'gaming mouse', 'water bottle', 'LED strip', 'dog shampoo',
] as const;

export const BRANDS = ['Zentrix', 'Lumora', 'Kavio', 'Brightwell', 'Novalux', 'Pureline', 'Tekko', 'Aurelia'] as const;

export const CITIES = [
  'Lisbon', 'Osaka', 'Denver', 'Nairobi', 'Lyon', 'Toronto', 'Pune', 'Krakow', 'Austin', 'Busan', 'Perth',
] as const;

/** Time zones (hours from UTC) with a country code and a weight. */
export const ZONES: readonly { offset: number; country: string; weight: number }[] = [
  { offset: -8, country: 'US', weight: 10 },
  { offset: -5, country: 'US', weight: 14 },
  { offset: -5, country: 'CA', weight: 3 },
  { offset: -3, country: 'BR', weight: 4 },
  { offset: 0, country: 'GB', weight: 7 },
  { offset: 1, country: 'DE', weight: 7 },
  { offset: 1, country: 'FR', weight: 5 },
  { offset: 2, country: 'PL', weight: 3 },
  { offset: 5.5, country: 'IN', weight: 8 },
  { offset: 8, country: 'SG', weight: 3 },
  { offset: 9, country: 'JP', weight: 4 },
  { offset: 9, country: 'KR', weight: 3 },
  { offset: 10, country: 'AU', weight: 3 },
];

/** Word parts for made-up business domains. */
export const DOMAIN_PARTS = [
  'acme', 'blue', 'north', 'pixel', 'quant', 'river', 'stone', 'nova', 'bright', 'cedar', 'delta', 'ember',
  'fjord', 'granite', 'harbor', 'iris', 'juniper', 'kite', 'lumen', 'maple', 'nimbus', 'orbit', 'prairie',
];
export const DOMAIN_SUFFIXES = ['labs', 'soft', 'works', 'data', 'health', 'legal', 'ai', 'ly', 'hq', 'io'];
export const TLDS = ['com', 'io', 'co', 'de', 'fr', 'net', 'ai', 'co.uk', 'in'];

/** First octets of consumer ISP address space (for residential IPv4). */
export const RESIDENTIAL_FIRST_OCTETS = [
  24, 47, 50, 67, 68, 69, 71, 73, 75, 76, 81, 82, 84, 86, 88, 90, 92, 94, 98, 108, 109, 151, 174, 176, 178,
  186, 187, 189, 2, 5, 31, 37, 46, 49, 58, 60, 61, 106, 110, 112, 114, 116, 121, 122, 125,
];

/** Hostile-but-valid strings planted in a few ordinary rows. */
export const HOSTILE = {
  img: '<img src=x onerror=alert(1)>',
  script: '<script>alert(1)</script>',
  formula: '=HYPERLINK("http://x")',
  rlo: '\u202e',
} as const;
