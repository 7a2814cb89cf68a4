/** What the qualification rules look at: plain data gathered from the database, no IO in the rules. */
export interface LicenceFact {
  id: string;
  type: string;
  number: string;
  scope: string[];
  validFrom: string;
  validTo: string | null;
  active: boolean;
  hasFile: boolean;
}

export interface AuthorisationFact {
  id: string;
  productIds: string[];
  territory: string[];
  validFrom: string;
  validTo: string;
  active: boolean;
  salespersonIdNumber: string;
  hasFile: boolean;
}

export interface FileFact {
  id: string;
  number: string;
  status: string;
}

export interface PartyFacts {
  id: string;
  name: string;
  status: string;
  lockedReason: string | null;
  kinds: string[];
  region: string | null;
  customerType: string | null;
  hasDeliveryNote: boolean;
  hasSeal: boolean;
  licences: LicenceFact[];
  authorisations: AuthorisationFact[];
  files: { supplier?: FileFact; customer?: FileFact };
}

export interface ProductFacts {
  id: string;
  name: string;
  status: string;
  lockedReason: string | null;
  deviceClass: 'I' | 'II' | 'III';
  categoryCode: string;
  registrationKind: 'registration' | 'filing';
  registrationNo: string;
  registrationValidFrom: string | null;
  registrationValidTo: string | null;
  hasRegistrationFile: boolean;
  hasLabel: boolean;
  udiDi: string | null;
  issuingAgency: string | null;
  file?: FileFact;
}

/** A rule version as stored (qualification.rule), in force for a region and a period. */
export interface RuleVersion {
  id: string;
  rule_key: string;
  version: number;
  region: string;
  enabled: boolean;
  params: Record<string, unknown>;
  effective_from: string;
  effective_to: string | null;
  requirement_ids: string[];
}
