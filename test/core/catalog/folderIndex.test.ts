import { describe, expect, it } from 'vitest';
import { baseName, findFile, indexFolder } from '../../../src/core/catalog/folderIndex.ts';

describe('findFile', () => {
  const files = [
    { path: 'survey/plate1/spec-1.fits' },
    { path: 'survey/plate2/spec-1.fits' },
    { path: 'survey/spec-2.fits' },
    { path: 'survey/deep/er/spec-2.fits' },
  ];
  const index = indexFolder(files);

  it('finds by bare name (shortest path among namesakes), by path tail, across separators', () => {
    expect(findFile(index, 'spec-2.fits')).toBe(files[2]);
    expect(findFile(index, '/data/sdss/plate2/spec-1.fits')).toBe(files[1]);
    expect(findFile(index, 'C:\\survey\\plate1\\spec-1.fits')).toBe(files[0]);
    expect(findFile(index, './er/spec-2.fits')).toBe(files[3]);
    expect(findFile(index, 'spec-3.fits')).toBeUndefined();
    expect(index.size).toBe(4);
    expect(baseName('/a/b\\c.fits')).toBe('c.fits');
  });
});
