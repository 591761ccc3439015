// Scenario analysis for authors and the debrief: the agreement space of every deal type.
export {
  analyzeAgreementSpace,
  placeDeal,
  
  
  
  
  
  
  
} from './agreementSpace';
export type { AgreementSpaceReport, DealTypeSpace, PartySetSpace, RoleRange, Agreement, DealPlacement, PlacementData, Terms } from './agreementSpace';
export { formatAgreementSpace,  describeLabelledTerms, describePlacement } from './format';
export { placeDeals,   } from './placement';
export type { DealInSpace, LabelledTerm, PlacedAlternative, LabelledPlacementData } from './placement';
