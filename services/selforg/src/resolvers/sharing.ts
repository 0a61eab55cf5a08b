import { askService, forbidden, Role, viewerCoversRegion } from '@cgov/shared';
import type { SelforgContext } from '../context.js';
import type { ListingRow, MatchActionRow, MatchRow, TimeCreditEntryRow } from '../db/schema.js';
import { acceptMatch, cancelMatch, completeMatch, postListing, proposeMatch, verifyHousehold, type PostListingInput } from '../domain/sharing.js';
import { listingStatus, rate } from '../domain/sharingRules.js';

/** The community and building of a grid worker's reach, asked once per request. */
async function gridReach(ctx: SelforgContext, cityId: string) {
  if (ctx.viewer.role !== Role.GRID_WORKER) return null;
  return askService('community', "Your grid's households cannot be looked up", () => ctx.community.gridWorkerReach(ctx.viewer.scope, cityId));
}

/** True when the viewer may read the shared community of a community: its people, staff, grid workers and the officials above. */
async function readsCommunity(ctx: SelforgContext, communityId: string): Promise<boolean> {
  if (ctx.viewer.role === Role.GRID_WORKER) return (await gridReach(ctx, communityId.slice(0, 4)))?.communityId === communityId;
  return ctx.canRead({ communityId, compoundId: null });
}

/**
 * True when the viewer stands for the household: the resident itself, its community's staff, or a grid worker whose
 * grid holds its building (asked of the community tier).
 */
async function standsFor(ctx: SelforgContext, householdId: string, communityId: string): Promise<boolean> {
  const { role, scope } = ctx.viewer;
  if (role === Role.RESIDENT) return scope === householdId;
  if (role === Role.COMMUNITY_STAFF) return scope === communityId;
  if (role !== Role.GRID_WORKER) return false;
  const cityId = communityId.slice(0, 4);
  const [reach, place] = await Promise.all([gridReach(ctx, cityId), askService('community', 'The household cannot be looked up', () => ctx.community.householdPlace(householdId, cityId))]);
  return Boolean(reach && place && reach.communityId === place.communityId && reach.buildingIds.includes(place.buildingId));
}

/**
 * True when the viewer may read a household's own part (time credits, listings): the household itself, or whoever
 * stands for it. Its community is the one already known from its rows, else (a household that has posted nothing)
 * asked of the community tier inside the staff's or grid worker's city.
 */
async function readsHousehold(ctx: SelforgContext, householdId: string, knownCommunityId: string | undefined): Promise<boolean> {
  const { role, scope } = ctx.viewer;
  if (role === Role.RESIDENT) return scope === householdId;
  if (knownCommunityId) return standsFor(ctx, householdId, knownCommunityId);
  if (role !== Role.COMMUNITY_STAFF && role !== Role.GRID_WORKER) return false;
  const place = await askService('community', 'The household cannot be looked up', async () => {
    const cityId = await ctx.community.viewerCity(ctx.viewer);
    return cityId ? ctx.community.householdPlace(householdId, cityId) : null;
  });
  return place !== null && standsFor(ctx, householdId, place.communityId);
}

async function visibleListing(id: string, ctx: SelforgContext) {
  const listing = await ctx.loaders.listingById.load(id);
  if (listing && !(await readsCommunity(ctx, listing.communityId))) {
    throw forbidden(`The shared community of community ${listing.communityId} is outside your scope (${ctx.viewer.role} ${ctx.viewer.scope}).`);
  }
  return listing;
}

/** A match by id for those who stand for one of its households; null when there is none. */
async function visibleMatch(id: string, ctx: SelforgContext) {
  const match = await ctx.loaders.matchById.load(id);
  if (!match) return null;
  const sides = await Promise.all([standsFor(ctx, match.needHouseholdId, match.communityId), standsFor(ctx, match.offerHouseholdId, match.communityId)]);
  if (!sides.some(Boolean)) throw forbidden(`A match is read by its two households, their community's staff and grid workers; not by ${ctx.viewer.role} ${ctx.viewer.scope}.`);
  return match;
}

/**
 * One side's contact details: for that side itself and its community's staff always; for whoever stands for the other
 * side only once the match is ACCEPTED (or COMPLETED); null with one FORBIDDEN otherwise.
 */
function contactOf(side: 'need' | 'offer') {
  return async (match: MatchRow, _: unknown, ctx: SelforgContext) => {
    const [own, other] = side === 'need' ? [match.needHouseholdId, match.offerHouseholdId] : [match.offerHouseholdId, match.needHouseholdId];
    const shown = match.status === 'ACCEPTED' || match.status === 'COMPLETED';
    const allowed = (await standsFor(ctx, own, match.communityId)) || (shown && (await standsFor(ctx, other, match.communityId)));
    if (!allowed) return ctx.refuse('contact details', "Each side's contact details are shown to the other only once the match is accepted.");
    const listing = (await ctx.loaders.listingById.load(side === 'need' ? match.needId : match.offerId))!;
    return { address: listing.address, name: listing.contactName, phone: listing.contactPhone };
  };
}

/** A region's shared community counted (zeros when it has none), for officials, analysts and staff whose scope holds it. */
async function sharing({ id }: { id: string }, _: unknown, ctx: SelforgContext) {
  if (!viewerCoversRegion(ctx.viewer, id)) return ctx.refuse('figure', `The shared community of region ${id} is outside your scope (${ctx.viewer.role} ${ctx.viewer.scope}).`);
  const counts = await ctx.loaders.sharingFiguresOf.load(id);
  return {
    openNeeds: counts?.openNeeds ?? 0,
    openOffers: counts?.openOffers ?? 0,
    matchedWithin48hRate: rate(counts?.needsMatchedWithin48h ?? 0, counts?.needsPosted ?? 0),
    completedMatches: counts?.completedMatches ?? 0,
    activeHouseholds: counts?.activeHouseholds ?? 0,
  };
}

const region = { sharing };

/** The shared community's part of the schema (共享社区): listings, matches, verification, time credits and figures. */
export const sharingResolvers = {
  Query: {
    listing: (_: unknown, { id }: { id: string }, ctx: SelforgContext) => visibleListing(id, ctx),
    match: (_: unknown, { id }: { id: string }, ctx: SelforgContext) => visibleMatch(id, ctx),
  },
  Mutation: {
    verifyHousehold: (_: unknown, { householdId }: { householdId: string }, ctx: SelforgContext) => verifyHousehold(ctx.sharingDeps(), householdId),
    postListing: (_: unknown, { input }: { input: PostListingInput }, ctx: SelforgContext) => postListing(ctx.sharingDeps(), input),
    proposeMatch: (_: unknown, { needId, offerId }: { needId: string; offerId: string }, ctx: SelforgContext) => proposeMatch(ctx.sharingDeps(), needId, offerId),
    acceptMatch: (_: unknown, { id }: { id: string }, ctx: SelforgContext) => acceptMatch(ctx.sharingDeps(), id),
    completeMatch: (_: unknown, { id, hours }: { id: string; hours?: number | null }, ctx: SelforgContext) => completeMatch(ctx.sharingDeps(), id, hours),
    cancelMatch: (_: unknown, { id }: { id: string }, ctx: SelforgContext) => cancelMatch(ctx.sharingDeps(), id),
  },
  Community: region,
  City: region,
  District: region,
  Street: region,
  Listing: {
    __resolveReference: ({ id }: { id: string }, ctx: SelforgContext) => visibleListing(id, ctx),
    status: (listing: ListingRow, _: unknown, ctx: SelforgContext) => listingStatus(listing, ctx.clock.now()),
    householdVerified: (listing: ListingRow, _: unknown, ctx: SelforgContext) => ctx.loaders.verified.load(listing.householdId),
    compound: (listing: ListingRow) => ({ id: listing.compoundId }),
    assisted: (listing: ListingRow) => listing.postedByRole !== Role.RESIDENT,
    matches: async (listing: ListingRow, _: unknown, ctx: SelforgContext) => {
      if (!(await standsFor(ctx, listing.householdId, listing.communityId))) return ctx.refuse('matches', `A listing's matches are read by whoever stands for its household; not by ${ctx.viewer.role} ${ctx.viewer.scope}.`);
      return ctx.loaders.matchesOfListing.load(listing.id);
    },
    suggestedMatches: async (listing: ListingRow, _: unknown, ctx: SelforgContext) => {
      const now = ctx.clock.now();
      if (listingStatus(listing, now) !== 'OPEN') return [];
      const ids = await ctx.loaders.suggestionIdsOf.load(listing.id);
      return (await ctx.loaders.listingById.loadMany(ids)).filter((row): row is ListingRow => row !== null && !(row instanceof Error));
    },
  },
  Match: {
    __resolveReference: ({ id }: { id: string }, ctx: SelforgContext) => visibleMatch(id, ctx),
    need: (match: MatchRow, _: unknown, ctx: SelforgContext) => ctx.loaders.listingById.load(match.needId),
    offer: (match: MatchRow, _: unknown, ctx: SelforgContext) => ctx.loaders.listingById.load(match.offerId),
    hours: (match: MatchRow) => (match.minutes === null ? null : match.minutes / 60),
    needContact: contactOf('need'),
    offerContact: contactOf('offer'),
    actions: (match: MatchRow, _: unknown, ctx: SelforgContext) => ctx.loaders.actionsOf.load(match.id),
  },
  MatchAction: {
    assisted: (action: MatchActionRow) => action.actorRole !== Role.RESIDENT,
  },
  Household: {
    __resolveReference: ({ id }: { id: string }) => ({ id }),
    verified: ({ id }: { id: string }, _: unknown, ctx: SelforgContext) => ctx.loaders.verified.load(id),
    timeCredits: async ({ id }: { id: string }, _: unknown, ctx: SelforgContext) => {
      const balance = await ctx.loaders.balanceOf.load(id);
      if (!(await readsHousehold(ctx, id, balance?.communityId))) return ctx.refuse('time credits', `A household's time credits are read by the household, its community's staff and grid workers; not by ${ctx.viewer.role} ${ctx.viewer.scope}.`);
      return { householdId: id, minutes: balance?.minutes ?? 0 };
    },
    listings: async ({ id }: { id: string }, _: unknown, ctx: SelforgContext) => {
      const rows = await ctx.loaders.listingsOfHousehold.load(id);
      if (!(await readsHousehold(ctx, id, rows[0]?.communityId))) return ctx.refuse('listings', `A household's listings are read by the household, its community's staff and grid workers; not by ${ctx.viewer.role} ${ctx.viewer.scope}.`);
      return rows;
    },
  },
  TimeCredits: {
    balance: ({ minutes }: { minutes: number }) => minutes / 60,
    entries: ({ householdId }: { householdId: string }, _: unknown, ctx: SelforgContext) => ctx.loaders.creditEntriesOf.load(householdId),
  },
  TimeCreditEntry: {
    hours: (entry: TimeCreditEntryRow) => entry.minutes / 60,
    match: (entry: TimeCreditEntryRow, _: unknown, ctx: SelforgContext) => ctx.loaders.matchById.load(entry.matchId),
  },
};
