import type { SelforgContext } from '../context.js';
import { visibleCommittee, visibleGroupBuy } from './visibility.js';

export const Query = {
  ownerCommittee: (_: unknown, { id }: { id: string }, ctx: SelforgContext) => visibleCommittee(id, ctx),
  groupBuy: (_: unknown, { id }: { id: string }, ctx: SelforgContext) => visibleGroupBuy(id, ctx),
};
