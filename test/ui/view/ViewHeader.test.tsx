// @vitest-environment happy-dom
/** The view header on the real DESI coadd: target facts shown, and in guided mode nothing that gives the answer away. */
import { join } from 'node:path';
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { ViewHeader } from '../../../src/ui/view/ViewHeader.tsx';
import type { SpectrumDetail } from '../../../src/worker/protocol.ts';
import { openFixture, readOk } from '../../core/formats/fixtureHelpers.ts';

const EXTERNAL = join(import.meta.dirname, '../../fixtures/external');

async function desiDetail(): Promise<SpectrumDetail> {
  const spectrum = await readOk(await openFixture('desi/coadd-4-80613-thru20210324.fits', undefined, EXTERNAL), 0);
  // The header reads only these of the detail.
  return { fileName: 'coadd-4-80613-thru20210324.fits', index: 0, spectrum } as unknown as SpectrumDetail;
}

afterEach(cleanup);

describe('ViewHeader', () => {
  it('shows the position, the target type and the magnitudes', async () => {
    render(<ViewHeader detail={await desiDetail()} />);
    expect(screen.getByTestId('target-position').textContent).toContain('07:01:57.55');
    expect(screen.getByTestId('target-type').textContent).toMatch(/BGS_ANY/);
    expect(screen.getByTestId('target-mags').textContent).toContain('g 21.22');
  });

  it("hides the target type and the file's answer while a guided exercise runs", async () => {
    const detail = await desiDetail();
    render(<ViewHeader detail={detail} hideAnswer />);
    expect(screen.queryByTestId('target-type')).toBeNull();
    expect(screen.queryByTestId('view-truth')).toBeNull();
    expect(screen.getByTestId('target-position')).toBeTruthy();
  });
});
