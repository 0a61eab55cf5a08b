import type { MicroProjectKind } from '../../../gql/graphql.js';
import { formatFen, isMoney, toFen } from '../../../lib/money.js';

/**
 * The contract's rules of small livelihood projects (民生微实事), as the console checks them while a person types
 * (../shared/contract/README.md, "Small livelihood projects"); the platform checks them again on every mutation.
 */

/** The most a project of each kind may cost, in fen: works 500,000.00, services and goods 200,000.00 each. */
export const CAP_FEN: Record<MicroProjectKind, number> = { WORKS: 50_000_000, SERVICE: 20_000_000, GOODS: 20_000_000 };

/** How many projects of a round one household may support. */
export const SUPPORTS_PER_HOUSEHOLD = 3;

/** Where a typed estimate stands against its kind's cap: `empty`, `format` (not yuan with two decimals), `zero`, `over` (by `overFen`) or `ok`. */
export type EstimateCheck = { state: 'empty' | 'format' | 'zero' | 'ok'; capFen: number } | { state: 'over'; capFen: number; overFen: number };

/** Checks a typed estimate (yuan, at most two decimals) against the cap of its kind. */
export function checkEstimate(kind: MicroProjectKind, typed: string): EstimateCheck {
  const capFen = CAP_FEN[kind];
  const text = typed.trim();
  if (!text) return { state: 'empty', capFen };
  if (!isMoney(text)) return { state: 'format', capFen };
  const fen = toFen(text);
  if (fen <= 0) return { state: 'zero', capFen };
  if (fen > capFen) return { state: 'over', capFen, overFen: fen - capFen };
  return { state: 'ok', capFen };
}

/** The fewest members present for a quorum: at least two thirds of all `members`. */
export function quorumOf(members: number): number {
  return Math.ceil((2 * members) / 3);
}

/** The fewest votes for with which a project passes: more than half of ALL `members` (not of those present). */
export function passMarkOf(members: number): number {
  return Math.floor(members / 2) + 1;
}

/** One project's votes as typed: counts and the ids of the members recused from voting on it. */
export interface TypedVote {
  for: number;
  against: number;
  abstain: number;
  recused: readonly string[];
}

/** What the rules say of one project's votes: whether the counts fit those present less the recused, and whether it passes. */
export interface VoteCheck {
  /** for + against + abstain. */
  cast: number;
  /** Members present less those recused: the most votes that may be cast. */
  mayCast: number;
  /** cast ≤ mayCast, and every recused member is present. */
  fits: boolean;
  /** Recused members who are not present (the platform refuses them). */
  recusedAbsent: number;
  /** The votes for needed to pass. */
  passMark: number;
  /** for > half of all members. */
  passes: boolean;
  /** for > half of those present, though not of all members: the case a person would get wrong. */
  mostOfPresentOnly: boolean;
}

/** Checks one project's votes against the members present and the council's size. */
export function checkVote(vote: TypedVote, present: ReadonlySet<string>, members: number): VoteCheck {
  const recusedPresent = vote.recused.filter((id) => present.has(id)).length;
  const recusedAbsent = vote.recused.length - recusedPresent;
  const cast = vote.for + vote.against + vote.abstain;
  const mayCast = present.size - recusedPresent;
  const passMark = passMarkOf(members);
  const passes = vote.for >= passMark;
  return { cast, mayCast, fits: cast <= mayCast && recusedAbsent === 0, recusedAbsent, passMark, passes, mostOfPresentOnly: !passes && vote.for * 2 > present.size };
}

/** A project as the funding order reads it. */
export interface Fundable {
  votesFor: number | null;
  supports: number;
  proposedAt: string;
}

/** The contract's funding order: most votes for, then most supports, then the earliest proposed. */
export function byFundingOrder<T extends Fundable>(projects: readonly T[]): T[] {
  return [...projects].sort((a, b) => (b.votesFor ?? 0) - (a.votesFor ?? 0) || b.supports - a.supports || Date.parse(a.proposedAt) - Date.parse(b.proposedAt));
}

/** Writes a Money string with thousands separators and two decimals ("300000.00" → "300,000.00"). */
export function groupedMoney(money: string): string {
  const fen = toFen(money);
  const whole = Math.trunc(Math.abs(fen) / 100).toString().replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${fen < 0 ? '-' : ''}${whole}.${String(Math.abs(fen) % 100).padStart(2, '0')}`;
}

/** groupedMoney of whole fen. */
export function groupedFen(fen: number): string {
  return groupedMoney(formatFen(fen));
}
