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

/** Chinese words for the fillings of Chinese reasoning prompts (math word problems). */
export const ZH_WORDS = (
  '已知 函数 数列 三角形 正方形 长方形 圆 半径 面积 周长 体积 速度 时间 距离 工人 工程 甲 乙 丙 火车 汽车 ' +
  '自行车 水池 进水管 出水管 苹果 橘子 价格 利润 成本 折扣 概率 随机 抽取 红球 白球 袋子 学生 班级 老师 ' +
  '考试 成绩 平均数 方程 不等式 整数 质数 因数 倍数 余数 分数 小数 百分比 增加 减少 相遇 追及 同时 出发 ' +
  '剩下 一共 每天 每小时 公里 米 千克 元 个 本 辆 次 求 计算 证明 满足 如果 那么 并且 所有 至少 最多 恰好 ' +
  '多少 几 的 是 和 在 有 从 到 比 两地 之间 相距 原来 现在 后来 小明 小红 妈妈 商店 图书馆 操场 正整数 实数'
).split(' ');

/** Syllables of made-up words: the long tail of a prompt vocabulary (names, jargon, typos). */
export const SYLLABLES = 'ka lo mi ne ru sa ti vo pe da gu ri zen mar tol bek fin hal jor quo wex yil pra str ond ael'.split(' ');

/** Function words, about a third of running English text. */
export const STOP_WORDS = 'the of and to a in is that for it as with was on be by this are or from at an'.split(' ');

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
