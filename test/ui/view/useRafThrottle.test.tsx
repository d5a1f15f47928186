// @vitest-environment happy-dom
import { cleanup, render } from '@testing-library/react';
import { useEffect } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { useRafThrottle } from '../../../src/ui/view/useRafThrottle.ts';

afterEach(cleanup);

function Probe({ got, send }: { got: number[]; send: (f: (v: number) => void) => void }) {
  const throttled = useRafThrottle((v: number) => got.push(v));
  useEffect(() => send(throttled), [send, throttled]);
  return null;
}

describe('useRafThrottle', () => {
  it('delivers only the latest value, once per frame', async () => {
    const got: number[] = [];
    let f!: (v: number) => void;
    render(<Probe got={got} send={(x) => (f = x)} />);
    f(1);
    f(2);
    f(3);
    expect(got).toEqual([]);
    await new Promise((r) => requestAnimationFrame(() => r(undefined)));
    expect(got).toEqual([3]);
  });

  it('delivers a waiting value when it unmounts (it is not dropped)', () => {
    const got: number[] = [];
    let f!: (v: number) => void;
    const { unmount } = render(<Probe got={got} send={(x) => (f = x)} />);
    f(5);
    unmount();
    expect(got).toEqual([5]);
  });

  it("delivers a waiting value at once on 'pagehide', before bubbling listeners (which save it)", () => {
    const got: number[] = [];
    const order: string[] = [];
    let f!: (v: number) => void;
    const saver = () => order.push(`saver saw ${got.join(',')}`);
    window.addEventListener('pagehide', saver); // registered first, bubbling: still runs after the capture listener
    render(<Probe got={got} send={(x) => (f = x)} />);
    f(7);
    window.dispatchEvent(new Event('pagehide'));
    window.removeEventListener('pagehide', saver);
    expect(got).toEqual([7]);
    expect(order).toEqual(['saver saw 7']);
  });
});
