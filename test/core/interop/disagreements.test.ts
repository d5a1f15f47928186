import { describe, expect, it } from 'vitest';
import { disagreement, reasonsBetween } from '../../../src/core/interop/disagreements.ts';

describe('disagreements', () => {
  it('class, z beyond 3e-4 (1+z) — 3e-3 when both say QSO — and QOP', () => {
    expect(reasonsBetween({ cls: 'GALAXY', z: 0.1, qop: 4 }, { cls: 'GALAXY', z: 0.1003, qop: 4 })).toEqual([]);
    expect(reasonsBetween({ cls: 'GALAXY', z: 0.1, qop: 4 }, { cls: 'GALAXY', z: 0.1004, qop: 4 })).toEqual(['z']);
    expect(reasonsBetween({ cls: 'QSO', z: 2, qop: 3 }, { cls: 'QSO', z: 2.008, qop: 3 })).toEqual([]);
    expect(reasonsBetween({ cls: 'QSO', z: 2, qop: 3 }, { cls: 'QSO', z: 2.01, qop: 3 })).toEqual(['z']);
    expect(reasonsBetween({ cls: 'QSO', z: 2, qop: 3 }, { cls: 'GALAXY', z: 2.008, qop: 2 })).toEqual(['class', 'z', 'qop']);
    expect(disagreement([{ cls: 'STAR', z: 0, qop: 6 }, undefined, { cls: 'STAR', z: 0.0001, qop: 4 }])).toEqual(['qop']);
  });
});
