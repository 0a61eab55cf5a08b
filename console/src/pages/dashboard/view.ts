import type { DashboardQuery } from '../../gql/graphql.js';
import type { RegionRow } from './components/RegionTable.js';
import { insideScope, type Level } from './region.js';

type City = NonNullable<DashboardQuery['city']>;

/** A region named in the breadcrumbs. */
export interface RegionName {
  id: string;
  name: string;
}

/** The dashboard's answer arranged the same way whatever the level: the region, its ancestors, children, communities and series. */
export function toView(data: DashboardQuery, level: Level, scope: string) {
  const row = (region: { id: string; name: string; orderStats: RegionRow['stats']; subsidyBudget?: RegionRow['budget'] }): RegionRow => ({
    id: region.id,
    name: region.name,
    stats: region.orderStats,
    budget: region.subsidyBudget,
    outsideScope: !insideScope(region.id, scope),
  });
  const base = { series: data.orderStatsSeries };
  switch (level) {
    case 'city': {
      const city: City | null | undefined = data.city;
      if (!city) return null;
      return {
        ...base,
        region: { id: city.id, name: city.name },
        ancestors: [] as RegionName[],
        stats: city.orderStats,
        budget: city.subsidyBudget,
        hasBudget: true,
        children: city.districts.map(row),
        childrenHaveBudget: true,
        communities: city.districts.flatMap((district) => district.streets.flatMap((street) => street.communities)),
      };
    }
    case 'district': {
      const district = data.district;
      if (!district) return null;
      return {
        ...base,
        region: { id: district.id, name: district.name },
        ancestors: [district.city],
        stats: district.orderStats,
        budget: district.subsidyBudget,
        hasBudget: true,
        children: district.streets.map(row),
        childrenHaveBudget: false,
        communities: district.streets.flatMap((street) => street.communities),
      };
    }
    case 'street': {
      const street = data.street;
      if (!street) return null;
      return {
        ...base,
        region: { id: street.id, name: street.name },
        ancestors: [street.district.city, street.district],
        stats: street.orderStats,
        budget: null,
        hasBudget: false,
        children: street.communities.map(row),
        childrenHaveBudget: false,
        communities: street.communities,
      };
    }
    case 'community': {
      const community = data.community;
      if (!community) return null;
      return {
        ...base,
        region: { id: community.id, name: community.name },
        ancestors: [community.street.district.city, community.street.district, community.street],
        stats: community.orderStats,
        budget: null,
        hasBudget: false,
        children: null,
        childrenHaveBudget: false,
        communities: [community],
      };
    }
  }
}
