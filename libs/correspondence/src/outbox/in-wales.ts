/**
 * Whether a postcode is in Wales, by its area and district. CF, LD, LL, NP and SA are Welsh throughout;
 * of the areas that cross the border, SY15 to SY25 (Powys and Ceredigion) and CH5 to CH8 (Flintshire) are
 * Welsh, and the rest counted as English. A handful of border districts (parts of SY10, LD's neighbours
 * in HR) straddle the border; they are read as their area's majority, which only matters for a party
 * whose language preference is unknown, and then decides between an English and a bilingual letter.
 */
export function postcodeInWales(postcode: string | null | undefined): boolean {
  const match = /^([A-Z]{1,2})(\d{1,2})[A-Z]?\d[A-Z]{2}$/.exec((postcode ?? '').replace(/\s+/g, '').toUpperCase());
  if (!match) return false;
  const area = match[1] ?? '';
  const district = Number(match[2]);
  if (WELSH_AREAS.has(area)) return true;
  if (area === 'SY') return district >= 15 && district <= 25;
  if (area === 'CH') return district >= 5 && district <= 8;
  return false;
}

const WELSH_AREAS = new Set(['CF', 'LD', 'LL', 'NP', 'SA']);
