import type { Dayjs } from 'dayjs';
import { z } from 'zod';
import type { PackageCategory } from '../../../gql/graphql.js';
import { isMoney, normalizeMoney, toFen } from '../../../lib/money.js';
import { CATEGORIES } from './labels.js';

/** The most units a day a policy may grant a household (the platform's guard against a typo of 1000 for 10). */
export const MAX_DAILY_LIMIT = 100;

/** The publish form's values as antd holds them. */
export interface PolicyFormValues {
  regionId?: string;
  category?: PackageCategory;
  subsidyPerUnit?: string;
  maxListPrice?: string;
  perHouseholdDailyLimit?: number | null;
  effectiveFrom?: Dayjs | null;
  effectiveTo?: Dayjs | null;
}

/** The keys of policies.form.errors that the rules below may raise. */
export type DraftErrorKey = 'required' | 'region' | 'money' | 'maxPositive' | 'subsidyAboveMax' | 'limitRange' | 'fromTomorrow' | 'toBeforeFrom';

const day = (value: Dayjs | null | undefined) => (value ? value.format('YYYY-MM-DD') : null);

/**
 * The publish form's rules across fields, as the platform applies them: a region of the city (city, district or street),
 * money with two decimals at most, subsidy not above the cap, a cap above 0, 0–100 units a day, from tomorrow (Asia/Shanghai)
 * on, and an end not before the start. Each issue's message is a key of policies.form.errors; a rule whose fields are
 * not filled yet stays quiet (the field's own `required` speaks).
 */
export function draftSchema(cityId: string, tomorrow: string) {
  return z
    .object({
      regionId: z.string().optional(),
      category: z.enum(CATEGORIES).optional(),
      subsidyPerUnit: z.string().optional(),
      maxListPrice: z.string().optional(),
      perHouseholdDailyLimit: z.number().nullable().optional(),
      effectiveFrom: z.custom<Dayjs>().nullable().optional(),
      effectiveTo: z.custom<Dayjs>().nullable().optional(),
    })
    .superRefine((values, ctx) => {
      const issue = (path: keyof PolicyFormValues, message: DraftErrorKey) => ctx.addIssue({ code: 'custom', path: [path], message });
      if (values.regionId && !(/^\d{4}(\d{2}(\d{3})?)?$/.test(values.regionId) && values.regionId.startsWith(cityId))) issue('regionId', 'region');
      const subsidy = values.subsidyPerUnit && isMoney(values.subsidyPerUnit) ? toFen(values.subsidyPerUnit) : null;
      const cap = values.maxListPrice && isMoney(values.maxListPrice) ? toFen(values.maxListPrice) : null;
      if (values.subsidyPerUnit && subsidy === null) issue('subsidyPerUnit', 'money');
      if (values.maxListPrice && cap === null) issue('maxListPrice', 'money');
      if (cap !== null && cap <= 0) issue('maxListPrice', 'maxPositive');
      if (subsidy !== null && cap !== null && subsidy > cap) issue('subsidyPerUnit', 'subsidyAboveMax');
      const limit = values.perHouseholdDailyLimit;
      if (limit !== null && limit !== undefined && !(Number.isInteger(limit) && limit >= 0 && limit <= MAX_DAILY_LIMIT)) issue('perHouseholdDailyLimit', 'limitRange');
      const from = day(values.effectiveFrom);
      const to = day(values.effectiveTo);
      if (from && from < tomorrow) issue('effectiveFrom', 'fromTomorrow');
      if (from && to && to < from) issue('effectiveTo', 'toBeforeFrom');
    });
}

/** The first problem the cross-field rules find with one field, as a key of policies.form.errors, or null. */
export function draftIssue(values: PolicyFormValues, field: keyof PolicyFormValues, cityId: string, tomorrow: string): DraftErrorKey | null {
  const parsed = draftSchema(cityId, tomorrow).safeParse(values);
  if (parsed.success) return null;
  const found = parsed.error.issues.find((issue) => issue.path[0] === field);
  return found ? (found.message as DraftErrorKey) : null;
}

/** A validated draft: publishSubsidyPolicy's input, region ids as the strings the region tree holds. */
export interface PolicyDraft {
  regionId: string;
  category: PackageCategory;
  subsidyPerUnit: string;
  maxListPrice: string;
  perHouseholdDailyLimit: number;
  effectiveFrom: string;
  effectiveTo: string | null;
}

/** The mutation's input from values the form has validated; money written with two decimals. */
export function toPublishInput(values: PolicyFormValues): PolicyDraft {
  const { regionId, category, subsidyPerUnit, maxListPrice, perHouseholdDailyLimit, effectiveFrom, effectiveTo } = values;
  if (!regionId || !category || !subsidyPerUnit || !maxListPrice || perHouseholdDailyLimit == null || !effectiveFrom) {
    throw new Error('The policy form is not complete');
  }
  return {
    regionId,
    category,
    subsidyPerUnit: normalizeMoney(subsidyPerUnit),
    maxListPrice: normalizeMoney(maxListPrice),
    perHouseholdDailyLimit,
    effectiveFrom: effectiveFrom.format('YYYY-MM-DD'),
    effectiveTo: day(effectiveTo),
  };
}
