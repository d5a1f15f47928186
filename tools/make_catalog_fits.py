"""Write test/fixtures/catalog/sdss.fits: the SDSS fixture catalog (sdss.csv) as a FITS binary
table written by astropy, upper-case column names as astropy users write them. Run:
/usr/bin/python3 tools/make_catalog_fits.py"""
from pathlib import Path

from astropy.table import Table

here = Path(__file__).resolve().parent.parent / 'test' / 'fixtures' / 'catalog'
t = Table.read(here / 'sdss.csv', format='ascii.csv')
# Empty text columns (no spectrum failed) are read as masked integers: keep them text.
for name in ('flags', 'error'):
    col = t[name]
    mask = getattr(col, 'mask', None)
    t[name] = ['' if (mask is not None and mask[i]) else str(col[i]) for i in range(len(col))]
for name in list(t.colnames):
    t.rename_column(name, name.upper())
t.write(here / 'sdss.fits', format='fits', overwrite=True)
print(f'wrote {len(t)} rows to {here / "sdss.fits"}')
