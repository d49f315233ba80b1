/** The hashes whose values other systems must reproduce: murmur3 is ClickHouse's murmurHash3_32 (checked there in test/clickhouse). */
import { describe, expect, it } from 'vitest';
import { murmur3, murmur3Utf8 } from '../../src/util/hash.ts';

describe('murmur3Utf8', () => {
  it('gives MurmurHash3 x86_32 (seed 0) of the UTF-8 bytes: the published values', () => {
    expect(murmur3Utf8('')).toBe(0);
    expect(murmur3Utf8('a')).toBe(0x3c2569b2);
    expect(murmur3Utf8('abc')).toBe(0xb3dd93fa);
    expect(murmur3Utf8('hello')).toBe(0x248bfa47);
    expect(murmur3Utf8('The quick brown fox jumps over the lazy dog')).toBe(0x2e4ff723);
  });

  it('hashes bytes, not UTF-16 code units, and grows its buffer for long texts', () => {
    expect(murmur3Utf8('é')).toBe(murmur3(Uint8Array.of(0xc3, 0xa9), 2));
    expect(murmur3Utf8('🎉')).toBe(murmur3(Uint8Array.of(0xf0, 0x9f, 0x8e, 0x89), 4));
    const long = '東'.repeat(5_000); // 15,000 bytes, past the first buffer
    expect(murmur3Utf8(long)).toBe(murmur3Utf8('東'.repeat(4_999) + '東'));
    expect(murmur3Utf8(long)).not.toBe(murmur3Utf8('東'.repeat(4_999)));
  });

  it('hashes a lone surrogate as U+FFFD, as TextEncoder writes it', () => {
    expect(murmur3Utf8('a\ud800b')).toBe(murmur3Utf8('a\ufffdb'));
  });
});
