// @vitest-environment happy-dom
/** The finished batch's duration is shown in a unit that keeps it readable (issue 9: "took 0 s" for 0.5 s). */
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { Progress } from '../../../src/state/types.ts';
import { formatDuration } from '../../../src/ui/format.ts';
import { ProgressBar } from '../../../src/ui/shell/ProgressBar.tsx';

afterEach(cleanup);

const finished = (ms: number): Progress => ({
  filesTotal: 1,
  filesDone: 1,
  filesOpened: 1,
  filesFailed: 0,
  spectraKnown: 3,
  spectraDone: 3,
  errors: 0,
  startedAt: 1000,
  finishedAt: 1000 + ms,
  running: false,
  workerMs: ms,
  workerSpectra: 3,
});

describe('ProgressBar', () => {
  it.each([
    [480, 'took 480 ms'],
    [2449, 'took 2.4 s'],
    [37_400, 'took 37 s'],
    [125_000, 'took 2 min 05 s'],
  ])('a batch of %i ms says "%s"', (ms, text) => {
    render(<ProgressBar progress={finished(ms)} onCancel={() => {}} />);
    expect(screen.getByTestId('progress').textContent).toContain(text);
  });
});

describe('formatDuration', () => {
  it('ms below 1 s, one decimal below 10 s, whole seconds above; no "1000 ms" or "10.0 s" at the edges', () => {
    expect(formatDuration(0)).toBe('0 ms');
    expect(formatDuration(0.0004)).toBe('0 ms');
    expect(formatDuration(0.9994)).toBe('999 ms');
    expect(formatDuration(0.9996)).toBe('1.0 s');
    expect(formatDuration(9.94)).toBe('9.9 s');
    expect(formatDuration(9.96)).toBe('10 s');
    expect(formatDuration(59.4)).toBe('59 s');
    expect(formatDuration(undefined)).toBe('—');
  });
});
