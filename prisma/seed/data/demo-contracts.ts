// The seven demo departments. A sourced value (`isDemo: false`) carries its source URL, the exact passage
// of the source that states it (`sourceQuote`, checked by data/provenance.test.ts) and the day it was read;
// every value the sources do not give (statuses, progress, yearly splits, other parties' amounts) is
// marked isDemo, and a value no stored source states is left out (« non renseigné »).
import { NOT_STATED, type DemoContractSeed } from "./types";

const SRC = {
  seineEtMarneNews: "https://seine-et-marne.fr/fr/actualites/une-convention-pour-la-protection-de-lenfance",
  seineEtMarneChildren: "https://www.lemoniteur77.com/le-departement-s-engage-pour-la-protection-de-l-enfance-5539.html",
  puyDeDome: "https://rcf.fr/actualite/social/puy-de-dome-1-6-million-d-euros-de-l-etat-pour-l-innovation-dans-l-aide-sociale-l-e",
  puyDeDomeBudget: "https://www.puy-de-dome.fr/assemblee-departementale/tribune/groupe-socialiste-radical-et-republicain.html",
  ahpSignature:
    "https://www.alpes-de-haute-provence.gouv.fr/index.php/layout/set/print/Actualites/Signature-du-contrat-de-la-strategie-nationale-de-prevention-et-de-protection-de-l-enfance",
  ahp800k:
    "https://alpesdusud.alpes1.com/news/alpes-de-haute-provence/93026/haute-provence-partenariat-fort-entre-etat-et-departement-pour-la-protection-de-l-enfance?zone_id=13",
  ahpActions:
    "https://alpesdusud.alpes1.com/news/alpes-de-haute-provence/85293/alpes-de-haute-provence-1-6-millions-d-euros-pour-ameliorer-la-protection-de-l-enfance",
  taquet: "https://banquedesterritoires.fr/adrien-taquet-la-protection-de-lenfance-est-une-politique-partagee",
  allierGazette: "https://www.lagazettedescommunes.com/822967/les-jeunes-confies-a-laide-sociale-a-lenfance-ont-la-parole/",
  allierFrance3:
    "https://france3-regions.francetvinfo.fr/auvergne-rhone-alpes/allier/moulins/allier-aide-sociale-enfance-beneficie-aide-supplementaire-33-millions-euros-1883490.html",
  firstThirty: "https://lemediasocial.fr/trente-departements-retenus-pour-la-protection-de-l-enfance_nApr4A",
  nordChildren: "https://www.lemediasocial.fr/alerte-pour-la-protection-de-l-enfance-dans-le-nord-les-reponses-du-departement_GT8X5a",
  nord: "https://l.bfmtv.com/grand-lille/nord-une-enveloppe-de-8-3-millions-d-euros-debloquee-pour-la-protection-de-l-enfance_AV-202109200458.html",
  saoneEtLoire: "https://journal-du-palais.fr/au-sommaire/collectivites/10-m-eur-pour-la-protection-de-l-enfance",
  saoneEtLoireOpening:
    "https://info-chalon.com/articles/2023/06/30/81323/conseil-departemental-de-saone-et-loire-le-futur-village-des-enfants-du-departement-se-dessine",
  aube: "https://www.grand-est.ars.sante.fr/prevention-et-protection-de-lenfance-signature-dun-contrat-departemental-pour-laube",
};

const FRAMEWORK = "2020-2022";

/**
 * The sources say which institutions signed (the State, the ARS, the department), not who signed for them,
 * except in the Alpes-de-Haute-Provence: the persons are « non renseignés » rather than guessed.
 */
const SIGNATORIES_NOT_STATED = { stateSignatory: NOT_STATED, arsSignatory: NOT_STATED, departmentSignatory: NOT_STATED };

const S77_AMOUNTS = {
  sourceUrl: SRC.seineEtMarneNews,
  sourceQuote:
    "sur la période 2020-2022, l’Etat s’engage à hauteur de 8,4 millions d’euros, l’ARS (Agence régionale de santé) pour 4,3 M€. Ces financements viennent conforter ceux du Département qui s’élèvent à 15,4 M€.",
  sourceCheckedOn: "2026-12-05",
  isDemo: false,
};
/** The day the stored copies of the sources were read. */
const READ = "2026-12-05";

export const demoContracts: DemoContractSeed[] = [
  {
    departmentCode: "77",
    frameworkCode: FRAMEWORK,
    wave: 2020,
    status: "ENDED",
    // No stored source names the place of signature nor the signatories: non renseignés. The department's
    // press release of the same day says « le 29 septembre » (28 September 2020 was a Monday, not a Tuesday);
    // the date kept is the one its news page states.
    signedOn: "2020-09-28",
    periodStart: "2020-01-01",
    periodEnd: "2022-12-31",
    ...SIGNATORIES_NOT_STATED,
    summary:
      "Premier contrat signé en France, le 28 septembre 2020, en présence d'Adrien Taquet : 8,4 M€ de l'État, 4,3 M€ de l'ARS et 15,4 M€ du Département sur 2020-2022.",
    sourceUrl: SRC.seineEtMarneNews,
    sourceQuote:
      "la Seine-et-Marne a été le premier département à signer la « convention pour la prévention et la protection de l'enfance » le mardi 28 septembre 2020, en présence d'Adrien Taquet",
    sourceCheckedOn: READ,
    isDemo: false,
    amounts: [
      { party: "STATE", amount: 8_400_000, ...S77_AMOUNTS },
      { party: "ARS", amount: 4_300_000, ...S77_AMOUNTS },
      { party: "DEPARTMENT", amount: 15_400_000, ...S77_AMOUNTS },
    ],
    optionalObjectiveCodes: ["O14", "O23"],
    actions: [
      {
        reference: "FA-01",
        objectiveCode: "O1",
        title: "Maison des 1 000 jours",
        purpose: "Un lieu unique d'accueil et d'accompagnement des futurs et jeunes parents, de la grossesse aux deux ans de l'enfant, porté avec l'ARS et le centre hospitalier de Melun.",
        targetPublic: "Futurs parents et parents d'enfants de 0 à 2 ans",
        lead: "Département de Seine-et-Marne — PMI",
        partners: "ARS Île-de-France, centre hospitalier de Melun",
        startDate: "2020-10-01",
        endDate: "2022-12-31",
        status: "DONE",
        progress: 100,
        weight: 4,
        sourceUrl: SRC.seineEtMarneNews,
        isDemo: true,
      },
      {
        reference: "FA-02",
        objectiveCode: "O14",
        title: "Appel à projets AEMO",
        purpose: "Développer de nouvelles modalités d'action éducative en milieu ouvert (AEMO renforcée) pour éviter des placements.",
        targetPublic: "Enfants et familles suivis en milieu ouvert",
        lead: "Département de Seine-et-Marne — ASE",
        partners: "Associations habilitées, autorité judiciaire",
        startDate: "2021-01-01",
        endDate: "2022-06-30",
        status: "DONE",
        progress: 100,
        weight: 3,
        sourceUrl: SRC.seineEtMarneNews,
        isDemo: true,
      },
      {
        reference: "FA-03",
        objectiveCode: "O9",
        title: "Équipe mobile de travailleurs sociaux pour les enfants en situation de handicap",
        purpose: "Une équipe mobile qui appuie les lieux d'accueil des enfants confiés en situation de handicap et coordonne avec la MDPH.",
        targetPublic: "Enfants protégés en situation de handicap et professionnels qui les accueillent",
        lead: "Département de Seine-et-Marne — ASE",
        partners: "ARS Île-de-France, MDPH de Seine-et-Marne",
        startDate: "2021-01-01",
        endDate: "2022-12-31",
        status: "IN_PROGRESS",
        progress: 75,
        weight: 3,
        sourceUrl: SRC.seineEtMarneNews,
        isDemo: true,
      },
      {
        reference: "FA-04",
        objectiveCode: "O10",
        title: "Cabines de télémédecine pour les bilans de santé des plus de 14 ans",
        purpose: "Installer des cabines de téléconsultation dans les lieux d'accueil pour réaliser les bilans de santé des jeunes confiés de plus de 14 ans.",
        targetPublic: "Jeunes confiés à l'ASE de plus de 14 ans",
        lead: "Département de Seine-et-Marne — ASE",
        partners: "ARS Île-de-France",
        startDate: "2021-03-01",
        endDate: "2022-12-31",
        status: "IN_PROGRESS",
        progress: 60,
        weight: 2,
        sourceUrl: SRC.seineEtMarneNews,
        isDemo: true,
      },
      {
        reference: "FA-05",
        objectiveCode: "O10",
        title: "Nouvelles modalités de bilans de santé pour les plus jeunes",
        purpose: "Organiser autrement les bilans de santé des enfants confiés les plus jeunes, à l'entrée dans le dispositif puis chaque année.",
        targetPublic: "Enfants confiés à l'ASE de moins de 14 ans",
        lead: "Département de Seine-et-Marne — PMI et ASE",
        partners: "ARS Île-de-France, médecins libéraux",
        startDate: "2021-01-01",
        endDate: "2022-12-31",
        status: "IN_PROGRESS",
        progress: 50,
        weight: 2,
        sourceUrl: SRC.seineEtMarneNews,
        isDemo: true,
      },
      {
        reference: "FA-06",
        objectiveCode: "O6",
        title: "Renfort de la CRIP pour évaluer les informations préoccupantes en moins de trois mois",
        purpose: "Recruter des évaluateurs et outiller la CRIP pour ramener le délai d'évaluation sous trois mois.",
        targetPublic: "Familles concernées par une information préoccupante",
        lead: "Département de Seine-et-Marne — CRIP",
        startDate: "2020-10-01",
        endDate: "2022-12-31",
        status: "POSTPONED",
        progress: 30,
        weight: 1,
        isDemo: true,
      },
      {
        reference: "FA-07",
        objectiveCode: "O16",
        title: "Participation des jeunes accompagnés aux travaux de l'ODPE",
        purpose: "Associer un collège de jeunes accompagnés par l'ASE aux séances de l'observatoire départemental.",
        targetPublic: "Jeunes accompagnés par l'ASE",
        lead: "Département de Seine-et-Marne — ODPE",
        startDate: "2021-09-01",
        endDate: "2022-12-31",
        status: "NOT_STARTED",
        progress: 0,
        weight: 1,
        isDemo: true,
      },
    ],
    contextFigures: [
      {
        year: 2020,
        childrenFollowedByAse: 6_400,
        note: "Enfants confiés au Département, selon son président à la signature de la convention.",
        sourceUrl: SRC.seineEtMarneChildren,
        sourceQuote: "améliorer les conditions de vie des 6 400 enfants qui lui sont confiés",
        sourceCheckedOn: READ,
        isDemo: false,
      },
      { year: 2021, childProtectionBudget: 325_000_000, childrenFollowedByAse: 6_500, disabilitySharePercent: 23, isDemo: true },
    ],
  },
  {
    departmentCode: "63",
    frameworkCode: FRAMEWORK,
    wave: 2020,
    status: "ENDED",
    periodStart: "2020-01-01",
    periodEnd: "2023-12-31",
    ...SIGNATORIES_NOT_STATED,
    summary:
      "En décembre 2020, un contrat tripartite prévoit 1,6 M€ d'aide pour un plan d'actions 2020-2023 : bus itinérant de la PMI pour les zones rurales, unité de soins et d'accompagnement précoce mère-bébé.",
    sourceUrl: SRC.puyDeDome,
    sourceQuote: "Un plan d’actions a donc été établi pour la période de contractualisation de 2020 à 2023.",
    sourceCheckedOn: READ,
    isDemo: false,
    amounts: [
      {
        party: "STATE",
        amount: 1_600_000,
        sourceUrl: SRC.puyDeDome,
        sourceQuote:
          "Un accord tripartite entre le Conseil Départemental, l’État et l'Agence Régionale de Santé prévoit une aide de 1,6 million d'euros pour des actions en faveur de la protection de l'enfance.",
        sourceCheckedOn: READ,
        isDemo: false,
      },
      { party: "ARS", amount: 600_000, isDemo: true },
      { party: "DEPARTMENT", amount: 1_600_000, isDemo: true },
    ],
    optionalObjectiveCodes: ["O11"],
    actions: [
      {
        reference: "FA-01",
        objectiveCode: "O3",
        title: "Bus itinérant de la PMI pour les territoires ruraux",
        purpose: "Un bus de PMI qui va au-devant des familles des zones rurales pour les consultations et les visites, mis en service en 2021.",
        targetPublic: "Familles avec de jeunes enfants des territoires ruraux",
        lead: "Département du Puy-de-Dôme — PMI",
        startDate: "2021-01-01",
        endDate: "2023-12-31",
        status: "IN_PROGRESS",
        progress: 80,
        weight: 3,
        sourceUrl: SRC.puyDeDome,
        isDemo: true,
      },
      {
        reference: "FA-02",
        objectiveCode: "O1",
        title: "Unité de soins précoces mère-bébé adossée à une maternité",
        purpose: "Prendre en charge tôt les difficultés du lien entre le parent et le nourrisson, à côté d'une maternité.",
        targetPublic: "Mères et nourrissons en difficulté",
        lead: "Département du Puy-de-Dôme — PMI",
        partners: "Maternité partenaire, ARS Auvergne-Rhône-Alpes",
        startDate: "2021-01-01",
        endDate: "2023-12-31",
        status: "IN_PROGRESS",
        progress: 65,
        weight: 2,
        sourceUrl: SRC.puyDeDome,
        isDemo: true,
      },
      {
        reference: "FA-03",
        objectiveCode: "O9",
        title: "Équipe mobile ressource handicap et santé mentale pour les professionnels de la protection de l'enfance",
        purpose: "Appuyer les équipes de l'ASE face aux enfants confiés en situation de handicap ou de souffrance psychique.",
        targetPublic: "Professionnels de la protection de l'enfance",
        lead: "Département du Puy-de-Dôme — ASE",
        partners: "ARS Auvergne-Rhône-Alpes, secteur médico-social",
        startDate: "2021-03-01",
        endDate: "2023-12-31",
        status: "IN_PROGRESS",
        progress: 55,
        weight: 2,
        sourceUrl: SRC.puyDeDome,
        isDemo: true,
      },
      {
        reference: "FA-04",
        objectiveCode: "O11",
        title: "Places d'accueil familial spécialisé et thérapeutique",
        purpose: "Créer des places chez des assistants familiaux formés et soutenus pour les enfants aux besoins les plus lourds.",
        targetPublic: "Enfants confiés aux besoins spécifiques",
        lead: "Département du Puy-de-Dôme — ASE",
        startDate: "2021-01-01",
        endDate: "2023-12-31",
        status: "DONE",
        progress: 100,
        weight: 2,
        sourceUrl: SRC.puyDeDome,
        isDemo: true,
      },
    ],
    contextFigures: [
      // The 2019 budget and the number of children followed are not in any stored copy of a source: non renseignés.
      {
        year: 2020,
        childProtectionBudget: 72_000_000,
        note: "Orientations budgétaires 2020 : « près de 72 millions d'euros ».",
        sourceUrl: SRC.puyDeDomeBudget,
        sourceQuote:
          "pour 2020, nos orientations budgétaires prévoient la mise en place d’un budget spécifique de près de 72 millions d’euros, soit une progression de 14 % du budget départemental consacré à cette politique",
        sourceCheckedOn: READ,
        isDemo: false,
      },
    ],
  },
  {
    departmentCode: "04",
    frameworkCode: FRAMEWORK,
    wave: 2020,
    status: "ENDED",
    signedOn: "2020-11-04",
    periodStart: "2020-01-01",
    periodEnd: "2022-12-31",
    stateSignatory: "La préfète des Alpes-de-Haute-Provence",
    arsSignatory: "La déléguée territoriale de l'ARS Provence-Alpes-Côte d'Azur",
    departmentSignatory: "Le président du conseil départemental des Alpes-de-Haute-Provence",
    summary:
      "Signé le mercredi 4 novembre 2020 par la préfète, le président du conseil départemental et la déléguée territoriale de l'ARS ; 800 000 € par an de l'État pendant trois ans : bilans de santé en école maternelle, audits des établissements, parole des enfants à l'ODPE.",
    sourceUrl: SRC.ahpSignature,
    sourceQuote:
      "Mercredi 4 novembre 2020, Violaine DÉMARET, préfète des Alpes-de-Haute-Provence, René MASSETTE, président du Conseil départemental et Anne HUBERT déléguée territoriale de l’Agence Régionale de Santé ont procédé à la signature du contrat de la stratégie nationale de prévention et de protection de l’enfance (2020 - 2022).",
    sourceCheckedOn: READ,
    isDemo: false,
    // The source gives 800 000 € a year for three years, not a total: the yearly State amounts are sourced,
    // the 2.4 M€ total is their sum (computed, so marked demo like every other amount here).
    amounts: [
      { party: "STATE", amount: 2_400_000, isDemo: true },
      { party: "ARS", amount: 450_000, isDemo: true },
      { party: "DEPARTMENT", amount: 2_400_000, isDemo: true },
    ],
    amendments: [2020, 2021, 2022].map((year, i) => ({
      year,
      number: i + 1,
      note: "Part de l'État : 800 000 € par an pendant trois ans selon la source ; les autres montants sont de démonstration.",
      isDemo: true,
      amounts: [
        {
          funder: "STATE_P304" as const,
          amount: 800_000,
          sourceUrl: SRC.ahp800k,
          sourceQuote: "cette convention qui prévoit une enveloppe de 800.000 euros par an durant trois ans",
          sourceCheckedOn: READ,
          isDemo: false,
        },
        { funder: "ARS_FIR" as const, amount: 100_000, isDemo: true },
        { funder: "ARS_ONDAM_MS" as const, amount: 50_000, isDemo: true },
        { funder: "DEPARTMENT" as const, amount: 800_000, isDemo: true },
      ],
    })),
    optionalObjectiveCodes: ["O15"],
    actions: [
      {
        reference: "FA-01",
        objectiveCode: "O2",
        title: "Bilans de santé en école maternelle (BSEM) pour tous les enfants de 3-4 ans",
        purpose: "Renforcer les équipes de PMI pour réaliser le bilan de santé de chaque enfant de moyenne section.",
        targetPublic: "Enfants de 3 à 4 ans scolarisés en maternelle",
        lead: "Département — PMI",
        partners: "Éducation nationale",
        startDate: "2020-09-01",
        endDate: "2022-12-31",
        status: "DONE",
        progress: 100,
        sourceUrl: SRC.ahpActions,
        isDemo: true,
      },
      {
        reference: "FA-02",
        objectiveCode: "O15",
        title: "Audits des établissements de l'ASE",
        purpose: "Auditer les établissements et services de la protection de l'enfance du département.",
        targetPublic: "Établissements et services habilités",
        lead: "Département — ASE",
        startDate: "2021-01-01",
        endDate: "2022-12-31",
        status: "IN_PROGRESS",
        progress: 70,
        sourceUrl: SRC.ahpActions,
        isDemo: true,
      },
      {
        reference: "FA-03",
        objectiveCode: "O16",
        title: "Recueillir la parole des enfants au sein de l'ODPE",
        purpose: "Faire entendre les enfants et jeunes accompagnés dans les travaux de l'observatoire départemental.",
        targetPublic: "Enfants et jeunes accompagnés par l'ASE",
        lead: "Département — ODPE",
        startDate: "2021-01-01",
        endDate: "2022-12-31",
        status: "DONE",
        progress: 100,
        sourceUrl: SRC.ahpActions,
        isDemo: true,
      },
    ],
    contextFigures: [{ year: 2021, childProtectionBudget: 38_000_000, childrenFollowedByAse: 650, isDemo: true }],
  },
  {
    departmentCode: "03",
    frameworkCode: FRAMEWORK,
    wave: 2020,
    status: "ENDED",
    signedOn: "2020-10-12",
    periodStart: "2020-01-01",
    periodEnd: "2022-12-31",
    ...SIGNATORIES_NOT_STATED,
    summary:
      "Signé le lundi 12 octobre 2020 : 3,3 M€ de l'État sur trois ans, versés en trois fois entre 2020 et 2022 ; un « haut conseil des enfants confiés » et 80 places d'accueil en fratrie dans un village d'enfants.",
    sourceUrl: SRC.allierFrance3,
    sourceQuote:
      "En signant lundi 12 octobre une des premières conventions de prévention et de protection de l’enfance, le conseil départemental de l’Allier s’assure un financement de l'Etat de 3,3 millions d’euros sur 3 ans pour amplifier ses actions.",
    sourceCheckedOn: READ,
    isDemo: false,
    amounts: [
      {
        party: "STATE",
        amount: 3_300_000,
        sourceUrl: SRC.allierFrance3,
        sourceQuote: "a apporté 3,3 millions d’euros qui seront versés en 3 fois entre 2020 et 2022",
        sourceCheckedOn: READ,
        isDemo: false,
      },
      { party: "ARS", amount: 900_000, isDemo: true },
      { party: "DEPARTMENT", amount: 3_300_000, isDemo: true },
    ],
    optionalObjectiveCodes: ["O12", "O17"],
    actions: [
      {
        reference: "FA-01",
        objectiveCode: "O17",
        title: "Haut conseil des enfants confiés",
        purpose: "Une instance où les jeunes confiés à l'ASE donnent leur avis sur la politique qui les concerne.",
        targetPublic: "Jeunes confiés à l'ASE",
        lead: "Département de l'Allier — ASE",
        startDate: "2021-01-01",
        endDate: "2022-12-31",
        status: "DONE",
        progress: 100,
        sourceUrl: SRC.allierGazette,
        isDemo: true,
      },
      {
        reference: "FA-02",
        objectiveCode: "O12",
        title: "80 places pour les fratries dans un village d'enfants",
        purpose: "Accueillir ensemble les frères et sœurs confiés, dans un village d'enfants.",
        targetPublic: "Fratries confiées à l'ASE",
        lead: "Département de l'Allier — ASE",
        partners: "Association gestionnaire du village d'enfants",
        startDate: "2020-10-01",
        endDate: "2022-12-31",
        status: "IN_PROGRESS",
        progress: 70,
        weight: 3,
        sourceUrl: SRC.allierGazette,
        isDemo: true,
      },
    ],
    contextFigures: [{ year: 2021, childrenFollowedByAse: 1_100, isDemo: true }],
  },
  {
    departmentCode: "59",
    frameworkCode: FRAMEWORK,
    wave: 2020,
    status: "ENDED",
    periodStart: "2020-01-01",
    periodEnd: "2022-12-31",
    ...SIGNATORIES_NOT_STATED,
    summary:
      "Parmi les 30 premiers départements retenus en février 2020. Le 20 septembre 2021, 8,3 M€ supplémentaires ont été annoncés pour la protection de l'enfance dans le Nord (BFM Grand Lille), dont peut bénéficier une crèche de prévention précoce à Lille pour 20 bébés, expérimentée trois ans. Les montants du contrat ne sont pas publiés : ceux affichés sont de démonstration.",
    sourceUrl: SRC.firstThirty,
    sourceQuote:
      "A l'arrivée, on trouve parmi les signataires des territoires jeunes et très peuplés - à l'image de la Loire-Atlantique, du Nord ou du Val-d'Oise",
    sourceCheckedOn: READ,
    isDemo: false,
    amounts: [
      { party: "STATE", amount: 10_500_000, isDemo: true },
      { party: "ARS", amount: 3_000_000, isDemo: true },
      { party: "DEPARTMENT", amount: 10_500_000, isDemo: true },
    ],
    optionalObjectiveCodes: ["O5"],
    actions: [
      {
        reference: "FA-01",
        objectiveCode: "O1",
        title: "Crèche de prévention précoce à Lille (20 bébés, expérimentation de 3 ans)",
        purpose: "Accueillir des bébés de familles vulnérables dans une crèche dont l'équipe soutient aussi les parents.",
        targetPublic: "Nourrissons de familles vulnérables de la métropole lilloise",
        lead: "Département du Nord — PMI",
        startDate: "2021-09-01",
        endDate: "2024-08-31",
        status: "IN_PROGRESS",
        progress: 60,
        weight: 2,
        sourceUrl: SRC.nord,
        isDemo: true,
      },
      {
        reference: "FA-02",
        objectiveCode: "O6",
        title: "Réduction du délai d'évaluation des informations préoccupantes",
        purpose: "Renforcer les équipes d'évaluation rattachées à la CRIP.",
        targetPublic: "Familles concernées par une information préoccupante",
        lead: "Département du Nord — CRIP",
        startDate: "2021-01-01",
        endDate: "2022-12-31",
        status: "IN_PROGRESS",
        progress: 45,
        weight: 3,
        isDemo: true,
      },
      {
        reference: "FA-03",
        objectiveCode: "O5",
        title: "Prévention spécialisée dans les quartiers prioritaires",
        purpose: "Renforcer les équipes d'éducateurs de rue auprès des adolescents.",
        targetPublic: "Adolescents et jeunes adultes des quartiers prioritaires",
        lead: "Département du Nord — prévention",
        startDate: "2021-06-01",
        endDate: "2022-12-31",
        status: "DONE",
        progress: 100,
        weight: 2,
        isDemo: true,
      },
    ],
    contextFigures: [
      {
        year: 2020,
        childrenFollowedByAse: 11_812,
        note: "Enfants confiés à l'aide sociale à l'enfance fin 2020 (Drees), sans les 8 915 actions éducatives.",
        sourceUrl: SRC.nordChildren,
        sourceQuote: "11 812 fin 2020, auxquels s’ajoutent 8 915 actions éducatives, selon la Drees",
        sourceCheckedOn: READ,
        isDemo: false,
      },
    ],
  },
  {
    departmentCode: "71",
    frameworkCode: FRAMEWORK,
    wave: 2020,
    status: "ENDED",
    periodStart: "2020-01-01",
    periodEnd: "2022-12-31",
    ...SIGNATORIES_NOT_STATED,
    summary:
      "2 M€ de l'État ; un village d'enfants à Saint-Gengoux-le-National, initié dans le cadre du contrat en 2020 : 30 places et une pouponnière de 18 places, ouverture prévue fin 2026-début 2027.",
    sourceUrl: SRC.taquet,
    sourceQuote: "En Saône-et-Loire, le département sera soutenu à hauteur de 2 millions d'euros.",
    sourceCheckedOn: READ,
    isDemo: false,
    amounts: [
      {
        party: "STATE",
        amount: 2_000_000,
        sourceUrl: SRC.taquet,
        sourceQuote: "En Saône-et-Loire, le département sera soutenu à hauteur de 2 millions d'euros.",
        sourceCheckedOn: READ,
        isDemo: false,
      },
      { party: "ARS", amount: 700_000, isDemo: true },
      { party: "DEPARTMENT", amount: 2_000_000, isDemo: true },
    ],
    optionalObjectiveCodes: ["O12", "O13"],
    actions: [
      {
        reference: "FA-01",
        objectiveCode: "O12",
        title: "Village d'enfants de Saint-Gengoux-le-National : 30 places",
        purpose: "Accueillir des fratries dans un village d'enfants de cinq pavillons ; ouverture prévue fin 2026-début 2027.",
        targetPublic: "Fratries confiées à l'ASE",
        lead: "Département de Saône-et-Loire — ASE",
        partners: "Association Le Prado",
        startDate: "2020-10-01",
        endDate: "2027-03-31",
        status: "IN_PROGRESS",
        progress: 60,
        weight: 3,
        sourceUrl: SRC.saoneEtLoire,
        isDemo: true,
      },
      {
        reference: "FA-02",
        objectiveCode: "O13",
        title: "Pouponnière de 18 places à Saint-Gengoux-le-National",
        purpose: "Accueillir les tout-petits dans une pouponnière attenante au village d'enfants ; ouverture prévue avec le village.",
        targetPublic: "Jeunes enfants confiés",
        lead: "Département de Saône-et-Loire — ASE",
        startDate: "2021-01-01",
        endDate: "2027-03-31",
        status: "IN_PROGRESS",
        progress: 50,
        weight: 2,
        sourceUrl: SRC.saoneEtLoire,
        isDemo: true,
      },
    ],
    contextFigures: [
      {
        year: 2024,
        childrenFollowedByAse: 1_694,
        note: "Enfants confiés et hébergés par l'ASE au 31 décembre 2024.",
        sourceUrl: SRC.saoneEtLoire,
        sourceQuote: "passé de 1 424 au 31 décembre 2022 à 1 694 au 31 décembre 2024",
        sourceCheckedOn: READ,
        isDemo: false,
      },
      {
        year: 2025,
        childProtectionBudget: 95_000_000,
        note: "Budget de la protection de l'enfance 2025, hors masse salariale.",
        sourceUrl: SRC.saoneEtLoire,
        sourceQuote: "le département de Saône-et-Loire a augmenté de 10 % celui consacré à la protection de l’enfance, qui atteint 95 M€, hors masse salariale",
        sourceCheckedOn: READ,
        isDemo: false,
      },
    ],
  },
  {
    departmentCode: "10",
    frameworkCode: FRAMEWORK,
    wave: 2022,
    status: "ENDED",
    signedOn: "2022-07-29",
    periodStart: "2022-01-01",
    periodEnd: "2024-12-31",
    ...SIGNATORIES_NOT_STATED,
    summary:
      "Contrat initial signé le 29 juillet 2022 pour trois ans : 2 551 284 € de cofinancement pour 2022, dont un soutien de l'État de 1 282 181 € (835 000 € au titre de la loi de finances, 246 000 € au titre du FIR).",
    sourceUrl: SRC.aube,
    sourceQuote:
      "Le Département de l'Aube, la préfecture et l'ARS Grand Est ont signé, le 29 juillet 2022, un contrat départemental permettant d'améliorer l'accompagnement des familles et des enfants en difficulté. […] Le contrat départemental s’étend sur trois ans",
    sourceCheckedOn: READ,
    isDemo: false,
    // The source gives the 2022 amounts only (P304 and FIR); the ONDAM remainder, the department's share and
    // the 2023-2024 amounts are deduced or invented (marked demo).
    amounts: [
      { party: "STATE", amount: 2_505_000, isDemo: true },
      { party: "ARS", amount: 1_341_543, isDemo: true },
      { party: "DEPARTMENT", amount: 3_807_309, isDemo: true },
    ],
    amendments: [
      {
        year: 2022,
        number: 1,
        note: "Montants 2022 du contrat initial : loi de finances (P304) et FIR selon la source ; ONDAM médico-social et part départementale déduits du total (démonstration).",
        isDemo: true,
        amounts: [
          {
            funder: "STATE_P304",
            amount: 835_000,
            sourceUrl: SRC.aube,
            sourceQuote: "835 000 € au titre de la loi de finances",
            sourceCheckedOn: READ,
            isDemo: false,
          },
          {
            funder: "ARS_FIR",
            amount: 246_000,
            sourceUrl: SRC.aube,
            sourceQuote: "246 000 € au titre du F[…]",
            sourceCheckedOn: READ,
            isDemo: false,
          },
          { funder: "ARS_ONDAM_MS", amount: 201_181, isDemo: true },
          { funder: "DEPARTMENT", amount: 1_269_103, isDemo: true },
        ],
      },
    ],
    optionalObjectiveCodes: ["O23"],
    actions: [
      {
        reference: "FA-01",
        objectiveCode: "O3",
        title: "Renforcement des visites à domicile de la PMI",
        purpose: "Augmenter les visites à domicile pré et postnatales des puéricultrices et sages-femmes de PMI.",
        targetPublic: "Futurs parents et parents de nourrissons",
        lead: "Département de l'Aube — PMI",
        startDate: "2022-09-01",
        endDate: "2022-12-31",
        status: "DONE",
        progress: 100,
        isDemo: true,
      },
      {
        reference: "FA-02",
        objectiveCode: "O8",
        title: "Généralisation du PPE",
        purpose: "Établir un projet pour l'enfant pour chaque enfant confié ou suivi à domicile.",
        targetPublic: "Enfants confiés ou suivis à domicile",
        lead: "Département de l'Aube — ASE",
        startDate: "2022-09-01",
        endDate: "2022-12-31",
        status: "IN_PROGRESS",
        progress: 70,
        isDemo: true,
      },
      {
        reference: "FA-03",
        objectiveCode: "O23",
        title: "Formation des professionnels de l'ASE",
        purpose: "Former les équipes à l'évaluation des besoins fondamentaux de l'enfant.",
        targetPublic: "Professionnels de l'ASE",
        lead: "Département de l'Aube — ASE",
        startDate: "2022-10-01",
        endDate: "2022-12-31",
        status: "NOT_STARTED",
        progress: 0,
        isDemo: true,
      },
    ],
    contextFigures: [{ year: 2022, childProtectionBudget: 55_000_000, childrenFollowedByAse: 1_000, isDemo: true }],
  },
];

// ───────────── The earlier contracts' execution reports (demo) ─────────────
// Every year of an ended contract had its report adopted by the three signatories before 30 June of the
// next year, as the contracts provide; its figures are frozen at its submission, as a real one. No source
// publishes these reports: their text, days and deciders are demo data.

const STATE_DEMO = "national@demo.tripartite.fr";
/** The demo ARS referent of each demo department's region. */
const ARS_DEMO: Record<string, string> = {
  "77": "ars.idf@demo.tripartite.fr",
  "63": "ars.ara@demo.tripartite.fr",
  "03": "ars.ara@demo.tripartite.fr",
  "04": "ars.paca@demo.tripartite.fr",
  "59": "ars.hdf@demo.tripartite.fr",
  "71": "ars.bfc@demo.tripartite.fr",
  "10": "ars.ge@demo.tripartite.fr",
};
/** The departments that have a demo editor: their submissions are theirs. */
const EDITOR_DEMO: Partial<Record<string, string>> = { "77": "editeur.77@demo.tripartite.fr", "63": "editeur.63@demo.tripartite.fr" };

function adoptedReports(c: DemoContractSeed, index: number): NonNullable<DemoContractSeed["reports"]> {
  const first = Number(c.periodStart.slice(0, 4));
  const last = Number(c.periodEnd.slice(0, 4));
  const dd = (n: number) => String(n).padStart(2, "0");
  return Array.from({ length: last - first + 1 }, (_, i) => {
    const year = first + i;
    const next = year + 1;
    // Submitted in May, decided in June (the State or the ARS first, in turn), each department on its own days.
    const decisions = [
      { party: "STATE" as const, decision: "APPROVED" as const, by: STATE_DEMO, on: `${next}-06-${dd(8 + index)}` },
      { party: "ARS" as const, decision: "APPROVED" as const, by: ARS_DEMO[c.departmentCode], on: `${next}-06-${dd(15 + index)}` },
    ];
    return {
      year,
      status: "ADOPTED" as const,
      highlights: `Année ${year} du contrat : ${c.actions.filter((a) => a.status === "DONE").length} fiche(s) action terminée(s) à ce jour, les autres engagées ou reportées (détail dans les chiffres figés).`,
      difficulties: "Recrutements dans les services de l'ASE et de la PMI ; délais de mise en place des nouveaux accueils.",
      outlook: year === last ? "Bilan du contrat et préparation du suivant." : `Poursuite des fiches action en ${next}.`,
      submitted: { on: `${next}-05-${dd(12 + index)}`, ...(EDITOR_DEMO[c.departmentCode] ? { by: EDITOR_DEMO[c.departmentCode] } : {}) },
      decisions: i % 2 === 0 ? decisions : [decisions[1], { ...decisions[0], on: `${next}-06-${dd(22 + index)}` }],
    };
  });
}

demoContracts.forEach((c, index) => {
  if (c.status === "ENDED") c.reports = adoptedReports(c, index);
});

// ───────────── The running contracts: 2025-2027 (demo) ─────────────
// No public source gives per-department figures for the 2025-2027 contracts: every value below is demo
// data. The dates are fixed within the 2025-2027 period, never computed from today, so that the tests
// are deterministic; the demo is written as it stands on 5 December 2026 (2025 over, 2026 under way,
// 2027 to come). The contracts' statuses are data: once 2027 is over, an administrator closes them
// (« Terminé ») as for any contract, and nothing derives « en cours » from the calendar.

const CURRENT_FRAMEWORK = "2025-2027";

type Current = {
  code: string;
  /** « de Seine-et-Marne », « du Nord »… */
  of: string;
  signedOn: string;
  signatories: Pick<DemoContractSeed, "stateSignatory" | "arsSignatory" | "departmentSignatory">;
  amounts: { state: number; ars: number; department: number };
  optionalObjectiveCodes: string[];
  /** Signature dates of the 2026 and 2027 avenants (done or planned). */
  avenants: [string, string];
  report?: DemoContractSeed["reports"];
  comments?: DemoContractSeed["comments"];
  actionHistory?: DemoContractSeed["actionHistory"];
};

/** Six fiches action per running contract: done, under way, late, not started yet, postponed. */
function currentActions(of: string): DemoContractSeed["actions"] {
  const lead = (service: string) => `Département ${of} — ${service}`;
  return [
    {
      reference: "FA-01",
      objectiveCode: "O2",
      title: "Visites à domicile de la PMI autour de la naissance",
      purpose: "Proposer une visite pré et postnatale de la PMI à chaque famille repérée comme vulnérable par la maternité.",
      targetPublic: "Futurs parents et parents de nouveau-nés en situation de vulnérabilité",
      lead: lead("PMI"),
      partners: "Maternités, ARS",
      startDate: "2025-03-01",
      endDate: "2026-06-30",
      status: "DONE",
      progress: 100,
      weight: 1,
      isDemo: true,
    },
    {
      reference: "FA-02",
      objectiveCode: "O8",
      title: "Recrutement et formation d'assistants familiaux",
      purpose: "Augmenter le nombre de places chez les assistants familiaux et accompagner les nouveaux recrutés.",
      targetPublic: "Enfants confiés à l'ASE",
      lead: lead("ASE"),
      startDate: "2025-01-01",
      endDate: "2027-12-31",
      status: "IN_PROGRESS",
      progress: 55,
      weight: 2,
      isDemo: true,
    },
    {
      reference: "FA-03",
      objectiveCode: "O10",
      title: "Bilan de santé à l'entrée de chaque enfant confié",
      purpose: "Réaliser un bilan de santé dans les deux mois de l'accueil, avec un médecin référent.",
      targetPublic: "Enfants confiés à l'ASE",
      lead: lead("ASE et PMI"),
      partners: "ARS, Assurance maladie",
      startDate: "2025-04-01",
      endDate: "2026-09-30",
      status: "IN_PROGRESS",
      progress: 60,
      weight: 1,
      isDemo: true,
    },
    {
      reference: "FA-04",
      objectiveCode: "O11",
      title: "Fin de l'hébergement des enfants confiés à l'hôtel",
      purpose: "Ouvrir des places d'accueil adaptées pour qu'aucun enfant confié ne soit hébergé à l'hôtel.",
      targetPublic: "Adolescents et jeunes majeurs confiés à l'ASE",
      lead: lead("ASE"),
      startDate: "2027-01-01",
      endDate: "2027-12-31",
      status: "NOT_STARTED",
      progress: 0,
      weight: 1,
      isDemo: true,
    },
    {
      reference: "FA-05",
      objectiveCode: "O3",
      title: "Bilans de santé en école maternelle",
      purpose: "Atteindre tous les enfants de 3-4 ans des écoles maternelles prioritaires.",
      targetPublic: "Enfants de 3 à 4 ans",
      lead: lead("PMI"),
      partners: "Éducation nationale",
      startDate: "2025-09-01",
      endDate: "2027-06-30",
      status: "POSTPONED",
      progress: 20,
      weight: 1,
      isDemo: true,
    },
    {
      reference: "FA-06",
      objectiveCode: "O9",
      title: "Places d'accueil familial pour les tout-petits",
      purpose: "Transformer des places de pouponnière en places d'accueil familial pour les enfants de moins de 6 ans.",
      targetPublic: "Enfants confiés de moins de 6 ans",
      lead: lead("ASE"),
      startDate: "2025-06-01",
      endDate: "2027-12-31",
      status: "POSTPONED",
      progress: 30,
      weight: 1,
      isDemo: true,
    },
  ];
}

function currentContract(c: Current): DemoContractSeed {
  return {
    departmentCode: c.code,
    frameworkCode: CURRENT_FRAMEWORK,
    wave: 2025,
    status: "SIGNED",
    signedOn: c.signedOn,
    periodStart: "2025-01-01",
    periodEnd: "2027-12-31",
    ...c.signatories,
    summary: `Contrat 2025-2027 ${c.of}, en cours : montants, fiches action et avancement de démonstration (aucun chiffre public par département pour cette période).`,
    isDemo: true,
    amounts: [
      { party: "STATE", amount: c.amounts.state, isDemo: true },
      { party: "ARS", amount: c.amounts.ars, isDemo: true },
      { party: "DEPARTMENT", amount: c.amounts.department, isDemo: true },
    ],
    optionalObjectiveCodes: c.optionalObjectiveCodes,
    actions: currentActions(c.of),
    contextFigures: [],
    yearInProgress: 2026,
    amendmentDates: { 2026: c.avenants[0], 2027: c.avenants[1] },
    reports: c.report,
    comments: c.comments,
    actionHistory: c.actionHistory,
  };
}

const REPORT_TEXT = {
  highlights: "Visites à domicile de la PMI étendues à toutes les maternités ; premières promotions d'assistants familiaux formées.",
  difficulties: "Recrutement des médecins pour les bilans de santé à l'entrée ; bilans en école maternelle reportés.",
  outlook: "Ouverture de places d'accueil pour mettre fin aux hébergements à l'hôtel en 2027.",
};

const signatories = (of: string, ars: string, prefect = "Le préfet", president = "Le président du conseil départemental") => ({
  stateSignatory: `${prefect} ${of}`,
  arsSignatory: ars,
  departmentSignatory: `${president} ${of}`,
});

export const currentContracts: DemoContractSeed[] = [
  currentContract({
    code: "77",
    of: "de Seine-et-Marne",
    signedOn: "2025-06-12",
    signatories: signatories("de Seine-et-Marne", "Le directeur général de l'ARS Île-de-France"),
    amounts: { state: 9_000_000, ars: 4_500_000, department: 16_500_000 },
    optionalObjectiveCodes: ["O6", "O12"],
    avenants: ["2026-04-14", "2027-03-16"],
    report: [
      {
        year: 2025,
        status: "ADOPTED",
        ...REPORT_TEXT,
        submitted: { by: "editeur.77@demo.tripartite.fr", on: "2026-05-20" },
        decisions: [
          { party: "STATE", decision: "APPROVED", by: STATE_DEMO, on: "2026-06-09" },
          { party: "ARS", decision: "APPROVED", by: "ars.idf@demo.tripartite.fr", on: "2026-06-18" },
        ],
      },
    ],
    comments: [
      { by: "ars.idf@demo.tripartite.fr", on: "2026-10-08", actionReference: "FA-03", body: "Les bilans de santé à l'entrée ont pris du retard : pouvons-nous faire le point sur le recrutement des médecins ?" },
      { by: "editeur.77@demo.tripartite.fr", on: "2026-10-12", actionReference: "FA-03", body: "Deux médecins recrutés en novembre ; l'échéance est repoussée au premier trimestre 2027." },
      { by: "editeur.77@demo.tripartite.fr", on: "2026-11-04", body: "Préparation de l'avenant 2027 : tableau des montants à valider avec l'ARS avant février." },
    ],
    actionHistory: [
      { actionReference: "FA-01", by: "editeur.77@demo.tripartite.fr", on: "2026-07-02", before: { status: "IN_PROGRESS", progress: 85 } },
      { actionReference: "FA-02", by: "editeur.77@demo.tripartite.fr", on: "2026-11-18", before: { status: "IN_PROGRESS", progress: 40 } },
    ],
  }),
  currentContract({
    code: "63",
    of: "du Puy-de-Dôme",
    signedOn: "2025-07-03",
    signatories: signatories("du Puy-de-Dôme", "Le directeur général de l'ARS Auvergne-Rhône-Alpes"),
    amounts: { state: 2_100_000, ars: 900_000, department: 4_200_000 },
    optionalObjectiveCodes: ["O4", "O13"],
    avenants: ["2026-12-17", "2027-03-23"],
    report: [
      {
        year: 2025,
        status: "SUBMITTED",
        ...REPORT_TEXT,
        submitted: { by: "editeur.63@demo.tripartite.fr", on: "2026-09-14" },
        decisions: [{ party: "ARS", decision: "APPROVED", by: "ars.ara@demo.tripartite.fr", on: "2026-10-02" }],
      },
    ],
    comments: [{ by: "ars.ara@demo.tripartite.fr", on: "2026-10-02", body: "Rapport 2025 approuvé pour l'ARS ; reste la décision de l'État." }],
    actionHistory: [{ actionReference: "FA-05", by: "editeur.63@demo.tripartite.fr", on: "2026-09-01", before: { status: "IN_PROGRESS", progress: 20 } }],
  }),
  currentContract({
    code: "04",
    of: "des Alpes-de-Haute-Provence",
    signedOn: "2025-09-22",
    signatories: signatories("des Alpes-de-Haute-Provence", "La déléguée territoriale de l'ARS Provence-Alpes-Côte d'Azur", "La préfète"),
    amounts: { state: 850_000, ars: 400_000, department: 1_300_000 },
    optionalObjectiveCodes: ["O5"],
    avenants: ["2026-05-19", "2027-04-13"],
    // The 2025 report is not submitted: overdue since 30 June 2026.
  }),
  currentContract({
    code: "03",
    of: "de l'Allier",
    signedOn: "2025-05-26",
    signatories: signatories("de l'Allier", "Le directeur général de l'ARS Auvergne-Rhône-Alpes", "La préfète"),
    amounts: { state: 1_200_000, ars: 500_000, department: 2_300_000 },
    optionalObjectiveCodes: ["O7"],
    avenants: ["2026-03-30", "2027-03-29"],
    report: [
      {
        year: 2025,
        status: "ADOPTED",
        ...REPORT_TEXT,
        submitted: { on: "2026-06-02" },
        decisions: [
          { party: "ARS", decision: "APPROVED", by: "ars.ara@demo.tripartite.fr", on: "2026-06-20" },
          { party: "STATE", decision: "APPROVED", by: STATE_DEMO, on: "2026-06-25" },
        ],
      },
    ],
  }),
  currentContract({
    code: "59",
    of: "du Nord",
    signedOn: "2025-10-06",
    signatories: signatories("du Nord", "Le directeur général de l'ARS Hauts-de-France"),
    amounts: { state: 9_500_000, ars: 3_000_000, department: 18_000_000 },
    optionalObjectiveCodes: ["O4", "O5", "O12"],
    avenants: ["2026-06-15", "2027-06-14"],
    report: [{ year: 2025, status: "SUBMITTED", ...REPORT_TEXT, submitted: { on: "2026-11-20" } }],
  }),
  currentContract({
    code: "71",
    of: "de Saône-et-Loire",
    signedOn: "2025-06-30",
    signatories: signatories("de Saône-et-Loire", "Le directeur général de l'ARS Bourgogne-Franche-Comté"),
    amounts: { state: 2_400_000, ars: 1_000_000, department: 4_600_000 },
    optionalObjectiveCodes: ["O6"],
    avenants: ["2026-04-27", "2027-04-26"],
    report: [
      {
        year: 2025,
        status: "SUBMITTED",
        ...REPORT_TEXT,
        submitted: { on: "2026-10-12" },
        decisions: [{ party: "STATE", decision: "APPROVED", by: STATE_DEMO, on: "2026-11-03" }],
      },
    ],
  }),
  currentContract({
    code: "10",
    of: "de l'Aube",
    signedOn: "2025-11-17",
    signatories: signatories("de l'Aube", "La directrice générale de l'ARS Grand Est"),
    amounts: { state: 1_000_000, ars: 450_000, department: 1_900_000 },
    optionalObjectiveCodes: ["O14"],
    avenants: ["2026-12-14", "2027-05-10"],
    report: [
      {
        year: 2025,
        status: "SENT_BACK",
        ...REPORT_TEXT,
        submitted: { on: "2026-07-15" },
        decisions: [
          {
            party: "STATE",
            decision: "SENT_BACK",
            by: STATE_DEMO,
            on: "2026-08-28",
            comment: "Les montants versés en 2025 ne correspondent pas aux notifications : merci de les vérifier avant une nouvelle soumission.",
          },
        ],
      },
    ],
  }),
];

demoContracts.push(...currentContracts);
