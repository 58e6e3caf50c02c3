/**
 * What an employer must have before it may employ SSW (i) workers in a
 * field, beyond the wage and housing rules: licences, memberships, approved
 * plans. Each is declared by the employer (`declarations` in the input
 * format) and checked by the `employer-prerequisite` rule; a field's list is
 * in its catalogue entry (./fields.ts, `prerequisites`).
 *
 * Every entry says what to declare, what it requires, and what an officer
 * can do about a failure, with its source (docs/SOURCES.md, "Employer
 * prerequisites").
 */

/** The declaration key of a prerequisite in `employers[].declarations`. */
export type PrerequisiteId =
  | "sectorCouncil"
  | "constructionLicence"
  | "jac"
  | "ccus"
  | "acceptancePlan"
  | "lodgingLicence"
  | "entertainmentBusiness"
  | "designatedIndustry";

export interface Prerequisite {
  readonly id: PrerequisiteId;
  /** What the declaration says, for messages: "membership of the sector council". */
  readonly declares: string;
  /** What fails, and what to do about it, in words an officer can act on. */
  readonly failure: string;
  readonly source: string;
  readonly confirmed: boolean;
}

export const PREREQUISITES: Readonly<Record<PrerequisiteId, Prerequisite>> = {
  sectorCouncil: {
    id: "sectorCouncil",
    declares: "membership of the field's SSW sector council (true or false)",
    failure: "not a member of the field's SSW sector council: join it before the residence application (required in every field since 2024-06-15)",
    source: "Operational guidelines revised 2024-02-15, in force 2024-06-15 (nbc.or.jp news 20240614_7934; aki-houmu.jp kyogikai; kbp.or.jp)",
    confirmed: true,
  },
  constructionLicence: {
    id: "constructionLicence",
    declares: "a construction business licence under the Construction Business Act, art. 3 (true or false)",
    failure: "no construction business licence (Construction Business Act art. 3): SSW construction employers must hold one",
    source: "Construction field operational policy (shiga-houmu.jp 20210401; office-tsukamoto.jp visa; cnrso.jp construction)",
    confirmed: true,
  },
  jac: {
    id: "jac",
    declares: "membership of JAC, the Japan Association for Construction Human Resources, directly or through a member body (true or false)",
    failure: "not a member of JAC (Japan Association for Construction Human Resources): join directly or through a member body; fees are per worker per month",
    source: "Construction field operational policy (shiga-houmu.jp 20210401; lunaety.com construction; osamu00 JAC notes)",
    confirmed: true,
  },
  ccus: {
    id: "ccus",
    declares: "registration of the employer in the Construction Career Up System, CCUS (true or false)",
    failure: "not registered in the Construction Career Up System (CCUS): register the business (and each worker on arrival)",
    source: "Construction field operational policy (shiga-houmu.jp 20210401; office-tsukamoto.jp visa)",
    confirmed: true,
  },
  acceptancePlan: {
    id: "acceptancePlan",
    declares: "the construction SSW acceptance plan: { approved: true or false, headcount: the SSW workers it approves }",
    failure: "no approved construction SSW acceptance plan (MLIT): apply to the regional development bureau; approval takes 2 to 12 months",
    source: "Construction field operational policy (shiga-houmu.jp 20210401; osamu00 notes: 2-12 months to approve)",
    confirmed: true,
  },
  lodgingLicence: {
    id: "lodgingLicence",
    declares: 'the lodging licence under the Inns and Hotels Act: "hotel-ryokan", "simple-lodging", "boarding" or "none"',
    failure: "holds no hotel or ryokan licence (Inns and Hotels Act art. 2(2) and 3(1)); simple lodging (hostels, capsule hotels) and boarding houses do not qualify",
    source: "Accommodation field notice, art. 2 (caipt.or.jp employment; ss1-office.jp; nagoyashurouvisa.com; mayshosi.com ?p=4565)",
    confirmed: true,
  },
  entertainmentBusiness: {
    id: "entertainmentBusiness",
    declares: "whether the workplace is an entertainment-business (fuzoku) facility or premises under the Entertainment Business Act (true or false)",
    failure:
      "an entertainment-business (fuzoku) workplace: SSW workers may not work in a facility under art. 2(6)(iv) (accommodation) or in entertainment-business premises (food service), nor serve guests as hosts",
    source: "Accommodation notice art. 2; food service operational guidelines (caipt.or.jp employment; bridge2n.jp 17486017115389; mintoku.com ?p=3626)",
    confirmed: true,
  },
  designatedIndustry: {
    id: "designatedIndustry",
    declares: "whether the establishment is in an industry designated for the field (Japan Standard Industrial Classification list) with manufacturing shipments in the past year (true or false)",
    failure:
      "its establishment is not in an industry designated for the field (Japan Standard Industrial Classification list, with manufacturing shipments in the past year): check the classification with the field's council before applying",
    source: "Industrial products: moj.go.jp/isa/policies/ssw/manufacturing.html, tokuteiginou.kbp.or.jp, tlg-visa.law 1227-2; food manufacturing: touch.or.jp work 934",
    confirmed: true,
  },
};
