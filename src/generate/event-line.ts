/**
 * Builds one events.jsonl line for a key at a given time: timestamp format
 * (ISO string, epoch seconds or epoch milliseconds), IP choice, model,
 * prompt and token counts by the key's prompt style. Hand-assembled JSON:
 * this is the hot loop of the generator. Templated prompts are reported to
 * `planted` for the ground truth.
 */
import { pick, randInt, type Rng } from '../util/rng.ts';
import type { PlantedPrompts } from './planted-prompts.ts';
import type { PromptMaker } from './text.ts';
import type { KeyPlan } from './types.ts';
import { MODELS, REGIONS } from './vocab.ts';

const PAD2 = Array.from({ length: 60 }, (_, i) => String(i).padStart(2, '0'));
const PAD3 = Array.from({ length: 1000 }, (_, i) => String(i).padStart(3, '0'));

/** `2026-11-02T05:` for the hour starting at `ms`. */
export function isoHourPrefix(ms: number): string {
  return new Date(ms).toISOString().slice(0, 14);
}

/** A value in [lo, hi) spread evenly on a log scale. */
const logUniform = (rng: Rng, lo: number, hi: number) => Math.floor(lo * Math.pow(hi / lo, rng()));

export class EventLineBuilder {
  private readonly uaJson = new Map<string, string>();
  constructor(
    private readonly rng: Rng,
    private readonly prompts: PromptMaker,
    private readonly planted?: PlantedPrompts,
  ) {}

  /** `hourStart` in ms, `hourPrefix` from isoHourPrefix, `offset` ms into the hour. */
  line(key: KeyPlan, hourStart: number, hourPrefix: string, offset: number): string {
    const rng = this.rng;
    const u = rng();
    let ts: string;
    if (u < 0.05) ts = String(Math.floor((hourStart + offset) / 1000));
    else if (u < 0.1) ts = String(hourStart + offset);
    else {
      const sec = Math.floor(offset / 1000);
      ts = `"${hourPrefix}${PAD2[Math.floor(sec / 60)]}:${PAD2[sec % 60]}.${PAD3[offset % 1000]}Z"`;
    }
    const ip =
      key.altPool !== null && (key.altShare >= 1 || rng() < key.altShare)
        ? key.altPool[randInt(rng, key.altPool.length)]!
        : key.ips.length === 1
          ? key.ips[0]!
          : key.ips[randInt(rng, key.ips.length)]!;
    let ua = this.uaJson.get(key.userAgent);
    if (ua === undefined) this.uaJson.set(key.userAgent, (ua = JSON.stringify(key.userAgent)));

    let prompt = this.prompts.make(key.prompt, rng);
    if (this.planted && this.prompts.template >= 0) this.planted.add(this.prompts.template, prompt, key.hostilePrompt);
    if (key.hostilePrompt !== undefined) prompt = `${JSON.stringify(key.hostilePrompt).slice(1, -1)} ${prompt}`;
    let model: string;
    let input = Math.ceil(prompt.length / 4);
    let output: number;
    switch (key.prompt) {
      case 'ring':
        model = rng() < 0.7 ? MODELS[1] : MODELS[2];
        input += 100 + randInt(rng, 1400);
        output = 1500 + randInt(rng, 6500);
        break;
      case 'covert':
        model = MODELS[0];
        input += 10 + randInt(rng, 30);
        output = 80 + randInt(rng, 140);
        break;
      case 'lab':
        model = MODELS[randInt(rng, 3)];
        input += randInt(rng, 30);
        output = 1 + randInt(rng, 5);
        break;
      default: {
        const m = rng();
        model = m < 0.5 ? MODELS[0] : m < 0.82 ? MODELS[1] : m < 0.95 ? MODELS[2] : MODELS[3];
        input += logUniform(rng, 1, 2500);
        output = model === MODELS[3] ? 0 : logUniform(rng, 5, 1500);
      }
    }
    const account = key.omitAccount > 0 && rng() < key.omitAccount ? '' : `"account_id":"${key.account}",`;
    const tail = rng() < 0.25 ? `,"region":"${pick(rng, REGIONS)}"}` : '}';
    return (
      `{"timestamp":${ts},"key_id":"${key.id}",${account}"ip":"${ip}","user_agent":${ua},"model":"${model}",` +
      `"prompt":"${prompt}","input_tokens":${input},"output_tokens":${output}${tail}`
    );
  }
}
