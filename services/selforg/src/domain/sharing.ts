import { askService, badInput, conflict, forbidden, isUuid, notFound, optionalText, requiredText, Role, type Viewer } from '@cgov/shared';
import type { CommunityClient, HouseholdPlace } from '../communityClient.js';
import type { ListingKind, ListingRow, ListingType, MatchRow } from '../db/schema.js';
import type { Actor, SharingRepository } from '../repositories/sharing.js';
import { assertListingWindow, creditMinutes, expiresAt } from './sharingRules.js';

/** What a shared-community use case needs: who asks, the time, the repository and the community tier's API. */
export interface SharingDeps {
  viewer: Viewer;
  now: Date;
  sharing: SharingRepository;
  community: CommunityClient;
}

function assertId(id: string, field: string): void {
  if (!isUuid(id)) throw badInput(`${field} must be an id such as "4f1c…"; "${id}" is not.`, field);
}

/** Where a household lives, asked of the community tier inside the viewer's city (a household is looked up in the demo city's tree by its viewer). */
async function placeOf(deps: SharingDeps, householdId: string, cityId: string, field: string): Promise<HouseholdPlace> {
  assertId(householdId, field);
  const place = await askService('community', 'The household cannot be looked up', () => deps.community.householdPlace(householdId, cityId));
  if (!place) throw badInput(`${field}: there is no household ${householdId}.`, field);
  return place;
}

/**
 * Where the household to post for lives, looked up inside the viewer's city: the staff's from its community code, a
 * resident's or grid worker's (their scopes are ids) asked of the community tier. FORBIDDEN when the community tier does
 * not know the viewer's household or grid; BAD_USER_INPUT when there is no such household in that city.
 */
async function householdToPostFor(deps: SharingDeps, householdId: string): Promise<{ place: HouseholdPlace; cityId: string }> {
  assertId(householdId, 'householdId');
  const { role, scope } = deps.viewer;
  if (role !== Role.RESIDENT && role !== Role.GRID_WORKER && role !== Role.COMMUNITY_STAFF) {
    throw forbidden(`Needs and offers are posted by the household itself, its community's staff or its grid's workers; you are ${role}.`);
  }
  const cityId = await askService('community', 'Your household or grid cannot be looked up', () => deps.community.viewerCity(deps.viewer));
  if (!cityId) throw forbidden(`The community tier knows no household or grid worker ${scope}; you (${role}) cannot post for a household.`);
  return { place: await placeOf(deps, householdId, cityId, 'householdId'), cityId };
}

/**
 * Refuses unless the viewer may act for the household: the resident itself, its community's staff, or a grid worker
 * whose grid (or a grid under it) holds the household's building. Returns the step's actor.
 */
export async function actFor(deps: SharingDeps, place: HouseholdPlace, cityId: string, action: string): Promise<Actor> {
  const { viewer } = deps;
  const actor = { sub: viewer.sub, role: viewer.role, householdId: place.householdId };
  switch (viewer.role) {
    case Role.RESIDENT:
      if (viewer.scope === place.householdId) return actor;
      break;
    case Role.COMMUNITY_STAFF:
      if (viewer.scope === place.communityId) return actor;
      break;
    case Role.GRID_WORKER: {
      const reach = await askService('community', "Your grid's households cannot be looked up", () => deps.community.gridWorkerReach(viewer.scope, cityId));
      if (reach && reach.communityId === place.communityId && reach.buildingIds.includes(place.buildingId)) return actor;
      break;
    }
    default:
  }
  throw forbidden(`Only household ${place.householdId} itself, its community's staff or a grid worker of its grid may ${action}; you are ${viewer.role} ${viewer.scope}.`);
}

/** True when the viewer may act for the household (as actFor, without refusing). */
async function mayActFor(deps: SharingDeps, place: HouseholdPlace, cityId: string): Promise<boolean> {
  try {
    await actFor(deps, place, cityId, 'act');
    return true;
  } catch (error) {
    if (error instanceof Error && (error as { extensions?: { code?: string } }).extensions?.code === 'FORBIDDEN') return false;
    throw error;
  }
}

/** The community's staff verify a household of their community (身份认证); verifying again changes nothing. */
export async function verifyHousehold(deps: SharingDeps, householdId: string) {
  const { viewer } = deps;
  if (viewer.role !== Role.COMMUNITY_STAFF) throw forbidden(`Households are verified by their community's staff; you are ${viewer.role}.`);
  const place = await placeOf(deps, householdId, viewer.scope.slice(0, 4), 'householdId');
  if (place.communityId !== viewer.scope) throw forbidden(`Household ${householdId} lives in community ${place.communityId}; you are staff of ${viewer.scope}.`);
  await deps.sharing.verify({ householdId, communityId: place.communityId, verifiedBy: viewer.sub, verifiedAt: deps.now });
  return { id: householdId };
}

export interface PostListingInput {
  householdId: string;
  kind: ListingKind;
  type: ListingType;
  title: string;
  description: string;
  availableFrom: Date;
  availableTo: Date;
  verifiedOnly?: boolean | null;
  idempotencyKey: string;
  contactName?: string | null;
  contactPhone?: string | null;
}

/** True when a listing posted earlier with the same key says the same thing. */
function samePosting(row: ListingRow, input: Omit<PostListingInput, 'idempotencyKey'>): boolean {
  return (
    row.householdId === input.householdId &&
    row.kind === input.kind &&
    row.type === input.type &&
    row.title === input.title &&
    row.description === input.description &&
    row.availableFrom.getTime() === input.availableFrom.getTime() &&
    row.availableTo.getTime() === input.availableTo.getTime() &&
    row.verifiedOnly === Boolean(input.verifiedOnly) &&
    row.contactName === (input.contactName ?? null) &&
    row.contactPhone === (input.contactPhone ?? null)
  );
}

/**
 * A resident posts its household's need or offer; staff (and grid workers, for their grid's households) post for a
 * household without a phone, and the listing records who posted it. Open until availableTo or 14 days after posting,
 * whichever is sooner. Idempotent by the poster's key: the same key with another listing is a CONFLICT.
 */
export async function postListing(deps: SharingDeps, raw: PostListingInput): Promise<ListingRow> {
  assertId(raw.householdId, 'householdId');
  const idempotencyKey = requiredText(raw.idempotencyKey, 'idempotencyKey', 100);
  const input = {
    ...raw,
    title: requiredText(raw.title, 'title', 100),
    description: requiredText(raw.description, 'description', 2000),
    contactName: optionalText(raw.contactName, 'contactName', 50),
    contactPhone: optionalText(raw.contactPhone, 'contactPhone', 30),
  };
  if (input.contactPhone && !/^[0-9+\- ]{3,30}$/.test(input.contactPhone)) throw badInput('contactPhone may hold digits, spaces, + and - only.', 'contactPhone');
  const earlier = await deps.sharing.listingByKey(deps.viewer.sub, idempotencyKey);
  const replay = (row: ListingRow) => {
    if (!samePosting(row, input)) throw conflict(`The idempotency key "${idempotencyKey}" was already used for another listing; use a new key.`);
    return row;
  };
  if (earlier) return replay(earlier);
  assertListingWindow(input.availableFrom, input.availableTo, deps.now);
  const { place, cityId } = await householdToPostFor(deps, input.householdId);
  const actor = await actFor(deps, place, cityId, 'post its needs and offers');
  const { listing, created } = await deps.sharing.post({
    householdId: place.householdId,
    communityId: place.communityId,
    compoundId: place.compoundId,
    address: place.label,
    kind: input.kind,
    type: input.type,
    title: input.title,
    description: input.description,
    availableFrom: input.availableFrom,
    availableTo: input.availableTo,
    verifiedOnly: Boolean(input.verifiedOnly),
    contactName: input.contactName,
    contactPhone: input.contactPhone,
    postedAt: deps.now,
    expiresAt: expiresAt(deps.now, input.availableTo),
    postedBy: actor.sub,
    postedByRole: actor.role,
    idempotencyKey,
  });
  return created ? listing : replay(listing);
}

async function listingOf(deps: SharingDeps, id: string, field: string): Promise<ListingRow> {
  assertId(id, field);
  const [listing] = await deps.sharing.listingsByIds([id]);
  if (!listing) throw notFound(`There is no listing with id ${id} (${field}).`);
  return listing;
}

async function matchOf(deps: SharingDeps, id: string): Promise<MatchRow> {
  assertId(id, 'id');
  const [match] = await deps.sharing.matchesByIds([id]);
  if (!match) throw notFound(`There is no match with id ${id}.`);
  return match;
}

/** The place of a listing's household as the listing recorded it. */
const placeOfListing = (listing: ListingRow, buildingId: string): HouseholdPlace => ({
  householdId: listing.householdId,
  communityId: listing.communityId,
  compoundId: listing.compoundId,
  buildingId,
  label: listing.address,
});

/** The building of a household (a grid worker's reach is counted in buildings); only asked for grid workers. */
async function buildingOf(deps: SharingDeps, householdId: string, cityId: string): Promise<string> {
  if (deps.viewer.role !== Role.GRID_WORKER) return '';
  return (await placeOf(deps, householdId, cityId, 'householdId')).buildingId;
}

/** One side of a need and an offer proposes a match (staff acting for both propose for the need). */
export async function proposeMatch(deps: SharingDeps, needId: string, offerId: string): Promise<MatchRow> {
  const need = await listingOf(deps, needId, 'needId');
  const offer = await listingOf(deps, offerId, 'offerId');
  if (need.kind !== 'NEED') throw badInput(`needId: listing ${needId} is an offer, not a need.`, 'needId');
  if (offer.kind !== 'OFFER') throw badInput(`offerId: listing ${offerId} is a need, not an offer.`, 'offerId');
  const cityId = need.communityId.slice(0, 4);
  const needPlace = placeOfListing(need, await buildingOf(deps, need.householdId, cityId));
  const side = (await mayActFor(deps, needPlace, cityId)) ? needPlace : placeOfListing(offer, await buildingOf(deps, offer.householdId, cityId));
  const actor = await actFor(deps, side, cityId, 'propose a match of its need or offer');
  return deps.sharing.propose(need.id, offer.id, actor, deps.now);
}

/** The side that did not propose accepts a PROPOSED match. */
export async function acceptMatch(deps: SharingDeps, id: string): Promise<MatchRow> {
  const match = await matchOf(deps, id);
  const other = match.proposedFor === match.needHouseholdId ? match.offerId : match.needId;
  const listing = await listingOf(deps, other, 'id');
  const cityId = match.communityId.slice(0, 4);
  const actor = await actFor(deps, placeOfListing(listing, await buildingOf(deps, listing.householdId, cityId)), cityId, 'accept this match (the side that did not propose accepts it)');
  return deps.sharing.accept(match.id, actor, deps.now);
}

/** The needing side completes an ACCEPTED match; SKILL and ACTIVITY move their hours of time credit. */
export async function completeMatch(deps: SharingDeps, id: string, hours: number | null | undefined): Promise<MatchRow> {
  const match = await matchOf(deps, id);
  const minutes = creditMinutes(match.type, hours);
  const need = await listingOf(deps, match.needId, 'id');
  const cityId = match.communityId.slice(0, 4);
  const actor = await actFor(deps, placeOfListing(need, await buildingOf(deps, need.householdId, cityId)), cityId, 'complete this match (the needing side completes it)');
  return deps.sharing.complete(match.id, minutes, actor, deps.now);
}

/** Either side cancels a match not yet completed. */
export async function cancelMatch(deps: SharingDeps, id: string): Promise<MatchRow> {
  const match = await matchOf(deps, id);
  const cityId = match.communityId.slice(0, 4);
  const [need, offer] = await Promise.all([listingOf(deps, match.needId, 'id'), listingOf(deps, match.offerId, 'id')]);
  const needPlace = placeOfListing(need, await buildingOf(deps, need.householdId, cityId));
  const side = (await mayActFor(deps, needPlace, cityId)) ? needPlace : placeOfListing(offer, await buildingOf(deps, offer.householdId, cityId));
  const actor = await actFor(deps, side, cityId, 'cancel this match');
  return deps.sharing.cancel(match.id, actor, deps.now);
}
