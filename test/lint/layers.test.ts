/** The layer rules of eslint.config.js refuse an upward import and accept a downward one. */
import { ESLint } from 'eslint';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint({ cwd: join(import.meta.dirname, '..', '..') });

async function refusals(file: string, source: string): Promise<string[]> {
  const [r] = await eslint.lintText(source, { filePath: file });
  return r.messages.filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

describe('layer rules', () => {
  it('refuse imports up the layers: core → worker/state/ui/platform, worker → state, state → ui', async () => {
    expect(await refusals('src/core/scan/x.ts', "import type { SpectrumDetail } from '../../worker/protocol.ts';\nexport type T = SpectrumDetail;\n")).toHaveLength(1);
    expect(await refusals('src/worker/x.ts', "import type { ResultRow } from '../state/types.ts';\nexport type T = ResultRow;\n")).toHaveLength(1);
    expect(await refusals('src/state/x.ts', "import type { SpectrumViewProps } from '../ui/view/types.ts';\nexport type T = SpectrumViewProps;\n")).toHaveLength(1);
    expect(await refusals('src/core/result/x.ts', "import { useState } from 'react';\nexport const f = useState;\n")).toHaveLength(1);
  });

  it('refuse a core stage importing a later one, and accept the forward direction', async () => {
    const [msg] = await refusals('src/core/preprocess/x.ts', "import type { ClassScan } from '../scan/types.ts';\nexport type T = ClassScan;\n");
    expect(msg).toMatch(/core\/preprocess imports a later stage/);
    expect(await refusals('src/core/scan/x.ts', "import type { Preprocessed } from '../preprocess/types.ts';\nexport type T = Preprocessed;\n")).toEqual([]);
    expect(await refusals('src/ui/x.ts', "import type { SpectrumDetail } from '../worker/protocol.ts';\nexport type T = SpectrumDetail;\n")).toEqual([]);
  });
});
