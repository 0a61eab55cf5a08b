import { createHash } from 'node:crypto';
import { badInput, boundedInt, forbidden, notFound, requiredText, Role, type CalendarDate } from '@cgov/shared';
import type { CommunityContext } from '../context.js';
import type { OrderChannel, OrderRow, OrderStatus } from '../db/schema.js';
import { canSeeOrdersOf } from '../domain/access.js';
import { floorsInclude } from '../domain/coverage.js';
import { advanceSource, assertBeforeCutoff } from '../domain/orders.js';

/** The most orders one batch may carry, and the most units one order. */
export const BATCH_LIMIT = 200;
export const QUANTITY_LIMIT = 20;

interface OrderInput {
  householdId: string;
  packageId: string;
  quantity: number;
  channel: OrderChannel;
}

/** What a batch asked for, in order: the same key must come back with exactly this. */
function fingerprint(orders: readonly OrderInput[]): string {
  const canonical = orders.map((order) => [order.householdId, order.packageId, order.quantity, order.channel]);
  return createHash('sha256').update(JSON.stringify(canonical)).digest('hex');
}

/** The orders a delivery batch named, in any order: the same key must come back with exactly these. */
function deliveryFingerprint(orderIds: readonly string[]): string {
  return createHash('sha256').update(JSON.stringify([...orderIds].sort())).digest('hex');
}

const ORDERING_ROLES: readonly Role[] = [Role.RESIDENT, Role.PARTY_MEMBER, Role.COMMUNITY_STAFF];

/** An order by id when the viewer may see its household's orders; null when it does not exist. */
export async function visibleOrder(id: string, ctx: CommunityContext) {
  const order = await ctx.loaders.orderById.load(id);
  if (!order) return null;
  const household = (await ctx.loaders.householdById.load(order.householdId))!;
  if (!canSeeOrdersOf(ctx.viewer, household, await ctx.viewerFloors())) throw forbidden(`Order ${id} is outside your scope.`);
  return order;
}

/** Refuses unless the viewer may act for the order's household (its resident, its party member, its staff). */
async function assertActsFor(order: OrderRow, ctx: CommunityContext, action: string): Promise<void> {
  const household = (await ctx.loaders.householdById.load(order.householdId))!;
  if (!(await ctx.canActFor(household))) throw forbidden(`You may not ${action} order ${order.id}: its household is not one you act for.`);
}

export const Order = {
  __resolveReference: ({ id }: { id: string }, ctx: CommunityContext) => visibleOrder(id, ctx),
  household: (order: OrderRow, _: unknown, ctx: CommunityContext) => ctx.loaders.householdById.load(order.householdId),
  package: (order: OrderRow, _: unknown, ctx: CommunityContext) => ctx.loaders.packageById.load(order.packageId),
  collectedBy: (order: OrderRow, _: unknown, ctx: CommunityContext) => (order.collectedBy ? ctx.loaders.partyMemberById.load(order.collectedBy) : null),
  deliveredBy: (order: OrderRow, _: unknown, ctx: CommunityContext) => (order.deliveredBy ? ctx.loaders.partyMemberById.load(order.deliveredBy) : null),
};

export const orderMutations = {
  async submitOrders(_: unknown, { input }: { input: { idempotencyKey: string; orders: OrderInput[] } }, ctx: CommunityContext) {
    const { viewer } = ctx;
    if (!ORDERING_ROLES.includes(viewer.role)) throw forbidden(`Orders are submitted by residents, party members and community staff; your role is ${viewer.role}.`);
    const idempotencyKey = requiredText(input.idempotencyKey, 'idempotencyKey', 100);
    if (!input.orders.length) throw badInput('A batch needs at least one order.', 'orders');
    if (input.orders.length > BATCH_LIMIT) throw badInput(`A batch holds at most ${BATCH_LIMIT} orders (got ${input.orders.length}).`, 'orders');
    input.orders.forEach((order, i) => boundedInt(order.quantity, `orders[${i}].quantity`, 1, QUANTITY_LIMIT));
    const print = fingerprint(input.orders);

    // A key seen before answers as it did the first time (even after the cut-off), or is a CONFLICT.
    const replay = await ctx.orders.replay(viewer.sub, idempotencyKey, print);
    if (replay) return { orders: replay };

    const [households, packages] = await Promise.all([
      ctx.loaders.householdById.loadMany(input.orders.map((order) => order.householdId)),
      ctx.loaders.packageById.loadMany(input.orders.map((order) => order.packageId)),
    ]);
    const floors = await ctx.viewerFloors();
    const now = ctx.clock.now();
    const lines = input.orders.map((order, i) => {
      const household = households[i];
      const pkg = packages[i];
      if (!household || household instanceof Error) throw notFound(`orders[${i}]: there is no household with id ${order.householdId}.`);
      if (!pkg || pkg instanceof Error) throw notFound(`orders[${i}]: there is no package with id ${order.packageId}.`);
      const allowed =
        (viewer.role === Role.RESIDENT && viewer.scope === household.id) ||
        (viewer.role === Role.PARTY_MEMBER && floorsInclude(floors, household)) ||
        (viewer.role === Role.COMMUNITY_STAFF && viewer.scope === household.communityId);
      if (!allowed) {
        throw forbidden(
          viewer.role === Role.PARTY_MEMBER
            ? `orders[${i}]: household ${household.room} is not on the floors assigned to you.`
            : `orders[${i}]: household ${household.id} is not one you may order for.`,
        );
      }
      if (pkg.communityId !== household.communityId) {
        throw badInput(`orders[${i}]: package "${pkg.name}" is for community ${pkg.communityId}, not the household's.`, 'orders');
      }
      assertBeforeCutoff(pkg.date, now);
      return { household, pkg, quantity: order.quantity, channel: order.channel };
    });
    const priced = await Promise.all(
      lines.map(async (line) => ({
        ...line,
        policy: await ctx.policyFor(line.pkg.communityId, line.pkg.date, line.pkg.category, 'The orders cannot be priced'),
      })),
    );
    const result = await ctx.orders.submit({
      submittedBy: viewer.sub,
      idempotencyKey,
      fingerprint: print,
      lines: priced,
      collectedBy: viewer.role === Role.PARTY_MEMBER ? viewer.scope : null,
      now,
    });
    return { orders: result.orders };
  },

  async advanceOrders(_: unknown, { input }: { input: { compoundId: string; date: CalendarDate; to: OrderStatus } }, ctx: CommunityContext) {
    const compound = await ctx.loaders.compoundById.load(input.compoundId);
    if (!compound) throw notFound(`There is no compound with id ${input.compoundId}.`);
    ctx.assertStaffOf(compound.communityId, 'advance orders');
    const from = advanceSource(input.to);
    const result = await ctx.orders.advance(compound.id, input.date, from, input.to, ctx.clock.now());
    return { orders: result.orders, moved: result.orders.length, from, skipped: result.skipped };
  },

  async markDelivered(_: unknown, args: { orderIds: string[]; idempotencyKey?: string | null }, ctx: CommunityContext) {
    const { viewer } = ctx;
    if (viewer.role !== Role.PARTY_MEMBER && viewer.role !== Role.COMMUNITY_STAFF) {
      throw forbidden(`Orders are marked delivered by party members and community staff; your role is ${viewer.role}.`);
    }
    const ids = [...new Set(args.orderIds)];
    if (!ids.length || ids.length > BATCH_LIMIT) throw badInput(`Mark from 1 to ${BATCH_LIMIT} orders at once (got ${ids.length}).`, 'orderIds');
    const key =
      args.idempotencyKey == null
        ? null
        : { submittedBy: viewer.sub, idempotencyKey: requiredText(args.idempotencyKey, 'idempotencyKey', 100), fingerprint: deliveryFingerprint(ids) };
    // A key seen before answers with its orders as they are now (delivered), or is a CONFLICT.
    const replay = key && (await ctx.orders.deliveryReplay(ids, key));
    if (replay) return { orders: replay };
    const orders = await ctx.orders.markDelivered(
      ids,
      viewer.role === Role.PARTY_MEMBER ? viewer.scope : null,
      ctx.clock.now(),
      (order) => assertActsFor(order, ctx, 'deliver'),
      key,
    );
    return { orders };
  },

  async cancelOrder(_: unknown, { id }: { id: string }, ctx: CommunityContext) {
    if (!ORDERING_ROLES.includes(ctx.viewer.role)) throw forbidden(`Orders are cancelled by residents, party members and community staff; your role is ${ctx.viewer.role}.`);
    return ctx.orders.cancel(id, ctx.clock.now(), (order) => assertActsFor(order, ctx, 'cancel'));
  },
};
