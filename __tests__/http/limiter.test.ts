import { describe, expect, it } from 'vitest';
import { Limiter } from '../../src/http/limiter.js';

describe('Limiter', () => {
  it('never lets more than `size` holders in at once, and serves waiters in order', async () => {
    const limiter = new Limiter(2);
    let active = 0;
    let peak = 0;
    const order: number[] = [];
    await Promise.all(
      Array.from({ length: 6 }, async (_, i) => {
        const release = await limiter.acquire();
        active++;
        peak = Math.max(peak, active);
        order.push(i);
        await new Promise((r) => setTimeout(r, 5));
        active--;
        release();
      }),
    );
    expect(peak).toBe(2);
    expect(order).toEqual([0, 1, 2, 3, 4, 5]);
  });

  it('ignores a second release of the same slot', async () => {
    const limiter = new Limiter(1);
    const release = await limiter.acquire();
    release();
    release();
    const a = await limiter.acquire();
    let second = false;
    void limiter.acquire().then(() => (second = true));
    await new Promise((r) => setTimeout(r, 5));
    expect(second).toBe(false);
    a();
  });

  it('rejects a size below 1', () => {
    expect(() => new Limiter(0)).toThrow(/concurrency/);
  });
});
