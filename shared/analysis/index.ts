// Scenario analysis for authors and the debrief: the agreement space of every deal type.
export {
  analyzeAgreementSpace,
  placeDeal,
  eligibleParties,
  combinations,
  combinationCount,
  valueFor,
  MAX_COMBINATIONS,
  MAX_PARTY_SETS,
  MAX_LISTED,
} from './agreementSpace';
export type { AgreementSpaceReport, DealTypeSpace, PartySetSpace, RoleRange, Agreement, DealPlacement, PlacementData, Terms } from './agreementSpace';
export { formatAgreementSpace, describeTerms, describeLabelledTerms, describePlacement } from './format';
export { placeDeals, PLACED_STATUSES, MAX_BETTER_LISTED } from './placement';
export type { DealInSpace, LabelledTerm, PlacedAlternative, LabelledPlacementData } from './placement';
