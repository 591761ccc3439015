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
export type { AgreementSpaceReport, DealTypeSpace, PartySetSpace, RoleRange, Agreement, DealPlacement, Terms } from './agreementSpace';
export { formatAgreementSpace, describeTerms } from './format';
