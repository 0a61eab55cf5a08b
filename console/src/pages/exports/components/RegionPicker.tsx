import { TreeSelect } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useQuery } from 'urql';
import { graphql } from '../../../gql/index.js';
import type { ExportsRegionTreeQuery } from '../../../gql/graphql.js';

const RegionTreeQuery = graphql(`
  query ExportsRegionTree($cityId: ID!) {
    city(id: $cityId) {
      id
      name
      districts { id name streets { id name communities { id name } } }
    }
  }
`);

interface RegionNode {
  value: string;
  title: string;
  children?: RegionNode[];
  disabled?: boolean;
}

type City = NonNullable<ExportsRegionTreeQuery['city']>;

/** The region tree as TreeSelect nodes: city → district → street → community; communities disabled when a list stops at streets. */
function nodesOf(city: City, communities: boolean): RegionNode {
  return {
    value: city.id,
    title: city.name,
    children: city.districts.map((district) => ({
      value: district.id,
      title: district.name,
      children: district.streets.map((street) => ({
        value: street.id,
        title: street.name,
        children: street.communities.map((community) => ({ value: community.id, title: community.name, disabled: !communities })),
      })),
    })),
  };
}

/** The node with an id, anywhere in a tree. */
function find(node: RegionNode, id: string): RegionNode | undefined {
  if (node.value === id) return node;
  for (const child of node.children ?? []) {
    const found = find(child, id);
    if (found) return found;
  }
  return undefined;
}

/** The caller's part of its city's region tree (the whole city for a city scope, one street for a street officer) and a name lookup. */
export function useScopeRegions(scope: string, communities: boolean) {
  const [{ data, fetching, error }] = useQuery({ query: RegionTreeQuery, variables: { cityId: scope.slice(0, 4) } });
  return useMemo(() => {
    const city = data?.city;
    const names = new Map<string, string>();
    if (!city) return { roots: [] as RegionNode[], nameOf: (id: string) => id, fetching, error };
    const tree = nodesOf(city, communities);
    const walk = (node: RegionNode) => {
      names.set(node.value, node.title);
      node.children?.forEach(walk);
    };
    walk(tree);
    const root = find(tree, scope);
    return { roots: root ? [root] : [], nameOf: (id: string) => names.get(id) ?? id, fetching, error };
  }, [data, fetching, error, scope, communities]);
}

/** Picks a region inside the caller's scope (the list's regionId). */
export function RegionPicker({ scope, value, onChange, communities }: { scope: string; value: string; onChange: (id: string) => void; communities: boolean }) {
  const { t } = useTranslation();
  const { roots, fetching } = useScopeRegions(scope, communities);
  return (
    <TreeSelect
      aria-label={t('exports.filters.region')}
      style={{ minWidth: 220 }}
      value={roots.length ? value : undefined}
      placeholder={t('exports.filters.region')}
      loading={fetching}
      treeData={roots}
      treeDefaultExpandedKeys={roots.map((root) => root.value)}
      showSearch={{ treeNodeFilterProp: 'title' }}
      onChange={(id: string) => onChange(id)}
    />
  );
}
