/** Palettes per category: sky, land, accent. */
const PALETTES: Record<string, [string, string, string]> = {
  'kinh-te': ['#dcefd8', '#4f8a3a', '#c0392b'],
  'giao-duc': ['#e3ecfa', '#3d6db5', '#f2b705'],
  'y-te': ['#e6f4f1', '#2a9d8f', '#e76f51'],
  'giao-thong': ['#f1eee6', '#7a6a53', '#f4a261'],
  'hanh-chinh': ['#f5e9e9', '#9b2226', '#ee9b00'],
};

function hash(text: string): number {
  let value = 2166136261;
  for (const char of text) value = Math.imul(value ^ char.charCodeAt(0), 16777619);
  return value >>> 0;
}

/**
 * A simple landscape drawn for a seeded article: colours by category, shapes varied by the slug.
 * The sample content's images are made here, not taken from anywhere.
 */
export function illustration(slug: string, categoryId: string): string {
  const [sky, land, accent] = PALETTES[categoryId] ?? PALETTES['kinh-te'];
  const seed = hash(slug);
  const sunX = 120 + (seed % 560);
  const hill = 180 + ((seed >> 8) % 80);
  const houses = Array.from({ length: 3 + ((seed >> 16) % 4) }, (_, i) => {
    const x = 60 + i * 150 + ((seed >> (i + 3)) % 50);
    return `<rect x="${x}" y="300" width="70" height="55" fill="#fff"/><path d="M${x - 8} 302 L${x + 35} 268 L${x + 78} 302 Z" fill="${accent}"/>`;
  }).join('');
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 800 450" width="800" height="450"><rect width="800" height="450" fill="${sky}"/><circle cx="${sunX}" cy="90" r="42" fill="#ffd166"/><path d="M0 ${hill + 80} C200 ${hill} 420 ${hill + 60} 800 ${hill + 20} V450 H0 Z" fill="${land}"/>${houses}<rect y="380" width="800" height="70" fill="${land}" opacity="0.8"/></svg>`;
}
