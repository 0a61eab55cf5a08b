import { badInput, boundedInt, notFound, optionalText, requiredText } from '@cgov/shared';
import type { CommunityContext } from '../context.js';

interface HouseholdFields {
  floor?: number | null;
  room?: string | null;
  headOfHousehold?: string | null;
  phone?: string | null;
  needsDoorToDoor?: boolean | null;
}

export const householdMutations = {
  async addHousehold(_: unknown, { input }: { input: HouseholdFields & { buildingId: string; floor: number; room: string; headOfHousehold: string } }, ctx: CommunityContext) {
    const building = await ctx.loaders.buildingById.load(input.buildingId);
    if (!building) throw notFound(`There is no building with id ${input.buildingId}.`);
    ctx.assertStaffOf(building.communityId, 'add households');
    return ctx.roster.addHousehold({
      buildingId: building.id,
      compoundId: building.compoundId,
      communityId: building.communityId,
      floor: boundedInt(input.floor, 'floor', 1, building.floors),
      room: requiredText(input.room, 'room', 20),
      headOfHousehold: requiredText(input.headOfHousehold, 'headOfHousehold', 50),
      phone: optionalText(input.phone, 'phone', 20),
      needsDoorToDoor: input.needsDoorToDoor ?? false,
    });
  },

  async updateHousehold(_: unknown, { id, input }: { id: string; input: HouseholdFields }, ctx: CommunityContext) {
    const household = await ctx.loaders.householdById.load(id);
    if (!household) throw notFound(`There is no household with id ${id}.`);
    ctx.assertStaffOf(household.communityId, 'edit households');
    const building = (await ctx.loaders.buildingById.load(household.buildingId))!;
    const changes: HouseholdFields = {};
    if (input.floor != null) changes.floor = boundedInt(input.floor, 'floor', 1, building.floors);
    if (input.room != null) changes.room = requiredText(input.room, 'room', 20);
    if (input.headOfHousehold != null) changes.headOfHousehold = requiredText(input.headOfHousehold, 'headOfHousehold', 50);
    if (input.phone !== undefined) changes.phone = optionalText(input.phone, 'phone', 20);
    if (input.needsDoorToDoor != null) changes.needsDoorToDoor = input.needsDoorToDoor;
    if (!Object.keys(changes).length) throw badInput('Say what to change: floor, room, headOfHousehold, phone or needsDoorToDoor.');
    return ctx.roster.updateHousehold(id, changes as Parameters<CommunityContext['roster']['updateHousehold']>[1]);
  },
};
