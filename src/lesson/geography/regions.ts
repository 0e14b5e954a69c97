// The regions a map can frame by name, as longitude and latitude bounds (west, south, east, north, in degrees).

export interface Bounds {
  west: number;
  south: number;
  east: number;
  north: number;
}

export const REGIONS: Record<string, Bounds> = {
  World: { west: -180, south: -58, east: 180, north: 84 },
  Africa: { west: -20, south: -36, east: 55, north: 38 },
  Asia: { west: 25, south: -10, east: 150, north: 75 },
  'East Asia': { west: 95, south: 18, east: 150, north: 55 },
  Europe: { west: -25, south: 34, east: 45, north: 71 },
  'Middle East': { west: 25, south: 12, east: 63, north: 42 },
  'North America': { west: -170, south: 7, east: -50, north: 75 },
  Oceania: { west: 110, south: -48, east: 180, north: 0 },
  'South America': { west: -82, south: -56, east: -34, north: 13 },
  'South Asia': { west: 60, south: 5, east: 98, north: 38 },
  'Southeast Asia': { west: 92, south: -11, east: 141, north: 24 },
};

export const REGION_NAMES = Object.keys(REGIONS);

/** A region by its name, in any letter case. */
export function findRegion(name: string): { name: string; bounds: Bounds } | undefined {
  const found = REGION_NAMES.find((known) => known.toLowerCase() === name.trim().toLowerCase());
  return found ? { name: found, bounds: REGIONS[found] } : undefined;
}
