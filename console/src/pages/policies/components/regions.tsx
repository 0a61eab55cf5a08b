import { Select } from 'antd';
import { useMemo } from 'react';
import { getFragmentData, graphql, type FragmentType } from '../../../gql/index.js';

/** The caller's city with its districts, streets and communities: the page reads it once and every tab picks from it. */
export const RegionTree_CityFragment = graphql(`
  fragment RegionTree_CityFragment on City {
    id
    name
    districts {
      id
      name
      streets {
        id
        name
        communities {
          id
          name
        }
      }
    }
  }
`);

/** A region's tier, from the length of its division code. */
export type RegionLevel = 'CITY' | 'DISTRICT' | 'STREET' | 'COMMUNITY';
const LEVELS: RegionLevel[] = ['CITY', 'DISTRICT', 'STREET', 'COMMUNITY'];

/** One region of the city's tree. */
export interface Region {
  id: string;
  name: string;
  level: RegionLevel;
  /** Names from the city down, e.g. "H市 / 东城区 / 青山街道". */
  path: string;
  children: Region[];
}

/** The city's tree with lookups by id. */
export interface RegionIndex {
  city: Region;
  byId: Map<string, Region>;
}

/** The tier of a division code: 4 digits a city, 6 a district, 9 a street, 12 a community. */
export function levelOf(regionId: string): RegionLevel {
  return regionId.length <= 4 ? 'CITY' : regionId.length <= 6 ? 'DISTRICT' : regionId.length <= 9 ? 'STREET' : 'COMMUNITY';
}

/** Whether `inner` is `outer` or lies inside it (division codes start with their parents'). */
export function isWithin(inner: string, outer: string): boolean {
  return inner.startsWith(outer);
}

/** The communities under a region (a community is under itself), in tree order. */
export function communitiesUnder(index: RegionIndex, regionId: string): Region[] {
  const root = index.byId.get(regionId);
  if (!root) return [];
  const out: Region[] = [];
  const walk = (region: Region) => (region.level === 'COMMUNITY' ? out.push(region) : region.children.forEach(walk));
  walk(root);
  return out;
}

/** Reads the page's city fragment into a tree with lookups. */
export function useRegionIndex(fragment: FragmentType<typeof RegionTree_CityFragment>): RegionIndex {
  const city = getFragmentData(RegionTree_CityFragment, fragment);
  // Keyed by content, not identity: a refetch answers a new but equal tree, and rebuilding the pickers' nodes under
  // the pointer would pull the option out from under a click.
  const content = JSON.stringify(city);
  return useMemo(() => {
    const byId = new Map<string, Region>();
    const make = (id: string, name: string, level: RegionLevel, parentPath: string | null, children: (path: string) => Region[]): Region => {
      const path = parentPath ? `${parentPath} / ${name}` : name;
      const region: Region = { id, name, level, path, children: children(path) };
      byId.set(id, region);
      return region;
    };
    const root = make(city.id, city.name, 'CITY', null, (cityPath) =>
      city.districts.map((district) =>
        make(district.id, district.name, 'DISTRICT', cityPath, (districtPath) =>
          district.streets.map((street) =>
            make(street.id, street.name, 'STREET', districtPath, (streetPath) =>
              street.communities.map((community) => make(community.id, community.name, 'COMMUNITY', streetPath, () => [])),
            ),
          ),
        ),
      ),
    );
    return { city: root, byId };
  }, [content]);
}

/**
 * A picker over the city's regions down to `deepest` (policies stop at streets; suppliers reach communities): a
 * searchable list in tree order, each region named by its path ("H市 / 东城区 / 青山街道"), so typing part of any name
 * shows where each match lies. A flat list rather than a tree select: one keyboard model (type, arrows, Enter) and
 * one option per row, which the tree select's re-rendered nodes did not give reliably.
 */
export function RegionSelect({
  index,
  deepest,
  value,
  onChange,
  id,
  ...rest
}: {
  index: RegionIndex;
  deepest: RegionLevel;
  value?: string;
  onChange?: (value: string) => void;
  id?: string;
  'aria-label'?: string;
  allowClear?: boolean;
  placeholder?: string;
}) {
  const options = useMemo(() => {
    const depth = LEVELS.indexOf(deepest);
    const out: { value: string; label: string }[] = [];
    const walk = (region: Region) => {
      out.push({ value: region.id, label: region.path });
      if (LEVELS.indexOf(region.level) < depth) region.children.forEach(walk);
    };
    walk(index.city);
    return out;
  }, [index, deepest]);
  return (
    <Select
      id={id}
      value={value}
      onChange={onChange}
      options={options}
      showSearch={{ optionFilterProp: 'label' }}
      style={{ width: '100%', minWidth: 200 }}
      {...rest}
    />
  );
}
