import { CareFlag, Grid, gridMutations, GridWorker, PartyGroup, Visit } from './grids.js';
import { householdMutations } from './households.js';
import { Order, orderMutations } from './orders.js';
import { Package, packageMutations, PackageRating, PackageReportLine } from './packages.js';
import { Assignment, PartyMember, partyMemberMutations } from './partyMembers.js';
import { Query } from './Query.js';
import { EmergencyPlan, EmergencyShift, readinessMutations, SupplyItem, Volunteer, VolunteerTeam } from './readiness.js';
import { City, District, Street, SubsidyBudget } from './regions.js';
import { Building, Community, Compound, Household, Participation, VolunteerCoverage } from './roster.js';

export const resolvers = {
  Query,
  Mutation: { ...packageMutations, ...partyMemberMutations, ...householdMutations, ...orderMutations, ...gridMutations, ...readinessMutations },
  City,
  District,
  Street,
  SubsidyBudget,
  Community,
  Compound,
  Building,
  Household,
  Participation,
  VolunteerCoverage,
  Package,
  PackageRating,
  PackageReportLine,
  PartyMember,
  Assignment,
  Order,
  Grid,
  GridWorker,
  PartyGroup,
  CareFlag,
  Visit,
  EmergencyPlan,
  SupplyItem,
  Volunteer,
  VolunteerTeam,
  EmergencyShift,
};
