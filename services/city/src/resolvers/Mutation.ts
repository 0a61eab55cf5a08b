import { assertRegionId, optionalText, requiredText, type CalendarDate, type Fen, type PackageCategory } from '@cgov/shared';
import type { CityContext } from '../context.js';
import { assertCanGovern, assertCityOfficial } from '../domain/access.js';
import { validateTerms } from '../domain/policy.js';

export interface PublishInput {
  regionId: string;
  category: PackageCategory;
  subsidyPerUnit: Fen;
  maxListPrice: Fen;
  perHouseholdDailyLimit: number;
  effectiveFrom: CalendarDate;
  effectiveTo?: CalendarDate | null;
}

export const Mutation = {
  async publishSubsidyPolicy(_: unknown, { input }: { input: PublishInput }, ctx: CityContext) {
    assertRegionId(input.regionId, 'regionId', 'CITY', 'DISTRICT', 'STREET');
    assertCanGovern(ctx.viewer, input.regionId, 'publish subsidy policies');
    await ctx.existingRegion(input.regionId);
    const { regionId, ...rest } = input;
    const terms = { ...rest, effectiveTo: rest.effectiveTo ?? null };
    validateTerms(terms, ctx.today());
    return ctx.policies.publish(ctx.viewer, regionId, terms, ctx.clock.now());
  },

  async revokeSubsidyPolicy(_: unknown, { id, effectiveTo }: { id: string; effectiveTo: CalendarDate }, ctx: CityContext) {
    assertCityOfficial(ctx.viewer, 'revoke subsidy policies');
    return ctx.policies.revoke(ctx.viewer, id, effectiveTo, ctx.today(), ctx.clock.now(), (policy) =>
      assertCanGovern(ctx.viewer, policy.regionId, 'revoke subsidy policies'),
    );
  },

  async designateSupplier(_: unknown, { input }: { input: { regionId: string; name: string; address?: string | null } }, ctx: CityContext) {
    assertRegionId(input.regionId, 'regionId');
    assertCanGovern(ctx.viewer, input.regionId, 'designate suppliers');
    await ctx.existingRegion(input.regionId);
    const address = optionalText(input.address, 'address', 200);
    return ctx.suppliers.designate(ctx.viewer, { regionId: input.regionId, name: requiredText(input.name, 'name'), address }, ctx.clock.now());
  },
};
