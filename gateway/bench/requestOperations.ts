// The contract's request dashboard and ranking (../shared/contract/operations/requests.graphql), word for word, until
// the project's copy of that file (schema/test/operations) holds them: then contractOperation's own copy is used.
import { contractOperation, contractOperationNames } from '@cgov/schema/contract';

const CONTRACT_TEXT = {
  RequestRanking: `query RequestRanking($cityId: ID!, $month: String!, $unitKind: RequestUnitKind!) {
  # month: "2026-11"; RequestUnitKind: STREET | DEPARTMENT
  requestRanking(cityId: $cityId, month: $month, unitKind: $unitKind) {
    rank
    unitId
    unitName
    dispatched
    responseRate
    resolutionRate
    satisfactionRate
    score
    ranked
  }
}`,
  RequestDashboard: `query RequestDashboard($cityId: ID!, $month: String!) {
  city(id: $cityId) {
    id
    requestStats(month: $month) { ...RequestStatsFields }
    frequentProblems(month: $month) { category { code name } count previousMonthCount }
    districts {
      id
      requestStats(month: $month) { ...RequestStatsFields }
      streets {
        id
        name
        requestStats(month: $month) { ...RequestStatsFields }
        communities { id requestStats(month: $month) { ...RequestStatsFields } }
      }
    }
  }
}
fragment RequestStatsFields on RequestStats {
  received
  open
  overdue
  responseRate
  resolutionRate
  satisfactionRate
}`,
};

/** The contract operation RequestRanking or RequestDashboard, as the project's copy of the contract holds it when it does. */
export function requestOperation(name: keyof typeof CONTRACT_TEXT): string {
  return contractOperationNames().includes(name) ? contractOperation(name) : CONTRACT_TEXT[name];
}
