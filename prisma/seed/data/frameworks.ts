// National frameworks of the departmental child-protection contracts (CDPPE): versioned reference data.
// Sourced records carry a `sourceUrl`, the exact passage of the source that states them (`sourceQuote`) and
// the day it was read; the rest completes the official list, which was not found in full, and is marked
// `isDemo: true` (so is every record whose source could not be read again).
import type { FrameworkSeed } from "./types";

// Sources.
const SRC_2 =
  "https://cnape.fr/contractualisation-entre-letat-et-les-departements-pour-la-prevention-et-la-protection-de-lenfance-la-circulaire-est-publiee";
const SRC_4 =
  "https://www.lagazettedescommunes.com/680836/protection-de-lenfance-la-contractualisation-avec-les-departements-relancee/";
const SRC_11 =
  "https://www.alpes-de-haute-provence.gouv.fr/index.php/Actualites/L-Etat-agit-pour-la-prevention-et-la-protection-de-l-enfance";
const SRC_VAD =
  "https://static1.lequotidiendumedecin.fr/actus-medicales/politique-de-sante/strategie-de-protection-de-lenfance-trente-departements-selectionnes-pour-doubler-le-nombre-de";
const SRC_FIRST_30 = "https://lemediasocial.fr/trente-departements-retenus-pour-la-protection-de-l-enfance_nApr4A";
const SRC_IP_DELAY = "https://www.senat.fr/rap/r22-837/r22-8371.html";
/** The day the stored copies of the sources were read. */
const READ = "2026-12-05";

const SRC_25 =
  "https://www.directions.fr/Piloter/organisation-reglementation-secteur/2025/6/Protection-de-l-enfance--l-accueil-a-dimension-familiale-priorite-de-la-contractualisation-2061710W/";
const SRC_26 =
  "https://www.lemediasocial.fr/protection-de-l-enfance-la-qualite-d-accueil-au-coeur-de-la-contractualisation_GdUzSd";

export const frameworks: FrameworkSeed[] = [
  // ───────────────────────── 2020-2022 (with the 2023 transition and 2024 renewals) ─────────────────────────
  {
    code: "2020-2022",
    name: "Stratégie nationale de prévention et de protection de l'enfance 2020-2022",
    startYear: 2020,
    endYear: 2024,
    description:
      "Cadre de la contractualisation tripartite préfet / ARS / département issu de la stratégie nationale 2020-2022 : " +
      "quatre engagements et un axe transversal, 11 objectifs fondamentaux et jusqu'à 15 objectifs facultatifs, " +
      "reconduit pour l'année de transition 2023 et les renouvellements de 2024.",
    sourceUrl: SRC_2,
    sourceQuote:
      "Cette circulaire vient préciser les modalités de contractualisation entre l’Etat (Préfets et ARS) et les départements s’agissant des contrats locaux de prévention et de protection de l’enfance pour 2020-2022. […] Ces contrats doivent répondre à 11 objectifs fondamentaux qui sont obligatoires et peuvent comporter jusqu’à 15 objectifs facultatifs",
    sourceCheckedOn: READ,
    isDemo: false,
    commitments: [
      {
        code: "E1",
        title: "Agir le plus précocement possible pour répondre aux besoins des enfants et de leurs familles",
        sourceUrl: SRC_4,
        sourceQuote:
          "agir le plus précocement possible pour répondre aux besoins des enfants et de leurs familles, sécuriser les parcours des enfants protégés et éviter les ruptures, donner aux enfants les moyens d’agir pour garantir leurs droits, préparer leur avenir et leur vie d’adulte",
        sourceCheckedOn: READ,
        isDemo: false,
        objectives: [
          {
            code: "O1",
            title: "Étendre la couverture de l'entretien prénatal précoce (EPP) par la PMI",
            isMandatory: true,
            sourceUrl: SRC_4,
            sourceQuote:
              "Parmi les objectifs fondamentaux de la prévention (annexe 2 de la circulaire), on retrouve l’élargissement des entretiens prénataux réalisés par la Protection maternelle et infantile (PMI)",
            sourceCheckedOn: READ,
            isDemo: false,
            indicators: [
              {
                code: "O1-I1",
                label: "Part des femmes enceintes ayant bénéficié d'un EPP réalisé par la PMI",
                kind: "RATE",
                direction: "HIGHER_IS_BETTER",
                unit: "%",
                isDemo: true,
              },
              {
                code: "O1-I2",
                label: "Nombre d'EPP réalisés par la PMI dans l'année",
                kind: "COUNT",
                direction: "HIGHER_IS_BETTER",
                unit: "nombre",
                isDemo: true,
              },
            ],
          },
          {
            code: "O2",
            title: "Intensifier les bilans de santé en école maternelle (BSEM)",
            isMandatory: true,
            sourceUrl: SRC_4,
            sourceQuote:
              "Parmi les objectifs fondamentaux de la prévention (annexe 2 de la circulaire), on retrouve l’élargissement des entretiens prénataux réalisés par la Protection maternelle et infantile (PMI) ou l’intensification des bilans de santé effectués en école maternelle.",
            sourceCheckedOn: READ,
            isDemo: false,
            indicators: [
              {
                code: "O2-I1",
                label: "Taux d'enfants de 3-4 ans ayant bénéficié d'un BSEM",
                kind: "RATE",
                direction: "HIGHER_IS_BETTER",
                unit: "%",
                isDemo: true,
              },
              {
                code: "O2-I2",
                label: "Nombre d'écoles maternelles couvertes par les BSEM",
                kind: "COUNT",
                direction: "HIGHER_IS_BETTER",
                unit: "nombre",
                isDemo: true,
              },
            ],
          },
          {
            code: "O3",
            title: "Doubler les visites à domicile (VAD) pré et postnatales de la PMI",
            isMandatory: true,
            sourceUrl: SRC_VAD,
            sourceQuote:
              "Les départements sélectionnés s’engagent ainsi à doubler « d’ici à 2022 » le nombre de visites à domicile prénatales par les sages-femmes des services de PMI (protection maternelle et infantile) et le nombre de visites à domicile infantiles des infirmières puéricultrices juste après l’accouchement.",
            sourceCheckedOn: READ,
            isDemo: false,
            indicators: [
              {
                code: "O3-I1",
                label: "Nombre de VAD pré et postnatales réalisées par la PMI dans l'année",
                kind: "COUNT",
                direction: "HIGHER_IS_BETTER",
                unit: "nombre",
                sourceUrl: SRC_VAD,
                sourceQuote:
                  "doubler « d’ici à 2022 » le nombre de visites à domicile prénatales par les sages-femmes des services de PMI (protection maternelle et infantile) et le nombre de visites à domicile infantiles des infirmières puéricultrices juste après l’accouchement",
                sourceCheckedOn: READ,
                isDemo: false,
              },
              {
                code: "O3-I2",
                label: "Part des VAD postnatales réalisées dans le mois suivant la sortie de maternité",
                kind: "RATE",
                direction: "HIGHER_IS_BETTER",
                unit: "%",
                isDemo: true,
              },
            ],
          },
          {
            code: "O4",
            title: "Développer l'aide à domicile précoce des familles (TISF, AED)",
            isMandatory: true,
            isDemo: true,
            indicators: [
              {
                code: "O4-I1",
                label: "Nombre de familles accompagnées par un TISF au titre de la prévention",
                kind: "COUNT",
                direction: "HIGHER_IS_BETTER",
                unit: "nombre",
                isDemo: true,
              },
              {
                code: "O4-I2",
                label: "Nombre de mesures d'AED en cours au 31 décembre",
                kind: "COUNT",
                direction: "NEUTRAL",
                unit: "nombre",
                isDemo: true,
              },
            ],
          },
          {
            code: "O5",
            title: "Soutenir la prévention spécialisée auprès des adolescents et jeunes adultes",
            isMandatory: false,
            isDemo: true,
            indicators: [
              {
                code: "O5-I1",
                label: "Nombre d'éducateurs de prévention spécialisée (ETP) financés",
                kind: "COUNT",
                direction: "HIGHER_IS_BETTER",
                unit: "nombre",
                isDemo: true,
              },
              {
                code: "O5-I2",
                label: "Nombre de quartiers prioritaires couverts par une équipe de prévention spécialisée",
                kind: "COUNT",
                direction: "HIGHER_IS_BETTER",
                unit: "nombre",
                isDemo: true,
              },
            ],
          },
        ],
      },
      {
        code: "E2",
        title: "Sécuriser les parcours des enfants protégés et prévenir les ruptures",
        sourceUrl: SRC_4,
        sourceQuote:
          "agir le plus précocement possible pour répondre aux besoins des enfants et de leurs familles, sécuriser les parcours des enfants protégés et éviter les ruptures, donner aux enfants les moyens d’agir pour garantir leurs droits, préparer leur avenir et leur vie d’adulte",
        sourceCheckedOn: READ,
        isDemo: false,
        objectives: [
          {
            code: "O6",
            title: "Renforcer la CRIP pour atteindre au plus trois mois par évaluation d'information préoccupante",
            isMandatory: true,
            sourceUrl: SRC_4,
            sourceQuote:
              "Concernant les enfants en danger, les contrats départementaux doivent prévoir le renforcement des moyens des Cellules de recueil des informations préoccupantes (CRIP)",
            sourceCheckedOn: READ,
            isDemo: false,
            indicators: [
              {
                code: "O6-I1",
                label: "Délai moyen d'évaluation d'une information préoccupante (cible : 90 jours au plus)",
                kind: "DELAY_DAYS",
                direction: "LOWER_IS_BETTER",
                unit: "jours",
                sourceUrl: SRC_IP_DELAY,
                sourceQuote:
                  "Une difficulté demeure dans les délais de traitement des IP qui peuvent dépasser la durée maximale de trois mois fixée par décret.",
                sourceCheckedOn: READ,
                isDemo: false,
              },
              {
                code: "O6-I2",
                label: "Part des évaluations d'IP achevées en moins de trois mois",
                kind: "RATE",
                direction: "HIGHER_IS_BETTER",
                unit: "%",
                isDemo: true,
              },
            ],
          },
          {
            code: "O7",
            title: "Suivre le délai d'exécution des décisions de justice en protection de l'enfance",
            isMandatory: true,
            isDemo: true,
            indicators: [
              {
                code: "O7-I1",
                label: "Délai moyen entre la décision judiciaire et sa mise en œuvre",
                kind: "DELAY_DAYS",
                direction: "NEUTRAL",
                unit: "jours",
                isDemo: true,
              },
              {
                code: "O7-I2",
                label: "Nombre de mesures judiciaires en attente d'exécution au 31 décembre",
                kind: "COUNT",
                direction: "NEUTRAL",
                unit: "nombre",
                isDemo: true,
              },
            ],
          },
          {
            code: "O8",
            title: "Généraliser le projet pour l'enfant (PPE) pour les enfants confiés et suivis à domicile",
            isMandatory: true,
            isDemo: true,
            indicators: [
              {
                code: "O8-I1",
                label: "Part des enfants confiés à l'ASE disposant d'un PPE formalisé",
                kind: "RATE",
                direction: "HIGHER_IS_BETTER",
                unit: "%",
                isDemo: true,
              },
              {
                code: "O8-I2",
                label: "Part des PPE actualisés dans l'année",
                kind: "RATE",
                direction: "HIGHER_IS_BETTER",
                unit: "%",
                isDemo: true,
              },
            ],
          },
          {
            code: "O9",
            title: "Améliorer l'accompagnement des enfants protégés en situation de handicap",
            isMandatory: true,
            isDemo: true,
            indicators: [
              {
                code: "O9-I1",
                label: "Nombre de places d'accueil ASE / médico-social créées pour ces enfants",
                kind: "COUNT",
                direction: "HIGHER_IS_BETTER",
                unit: "places",
                isDemo: true,
              },
              {
                code: "O9-I2",
                label: "Protocole de coordination ASE-MDPH-ARS signé",
                kind: "MILESTONE",
                direction: "HIGHER_IS_BETTER",
                unit: "oui/non",
                isDemo: true,
              },
            ],
          },
          {
            code: "O10",
            title: "Garantir un bilan de santé à l'entrée dans le dispositif et le suivi de santé des enfants confiés",
            isMandatory: true,
            isDemo: true,
            indicators: [
              {
                code: "O10-I1",
                label: "Part des enfants confiés ayant eu un bilan de santé à leur entrée à l'ASE",
                kind: "RATE",
                direction: "HIGHER_IS_BETTER",
                unit: "%",
                isDemo: true,
              },
              {
                code: "O10-I2",
                label: "Délai moyen entre l'admission et le bilan de santé d'entrée",
                kind: "DELAY_DAYS",
                direction: "LOWER_IS_BETTER",
                unit: "jours",
                isDemo: true,
              },
            ],
          },
          {
            code: "O11",
            title: "Développer et diversifier l'accueil familial (recrutement et soutien des assistants familiaux)",
            isMandatory: false,
            isDemo: true,
            indicators: [
              {
                code: "O11-I1",
                label: "Nombre d'assistants familiaux agréés et employés au 31 décembre",
                kind: "COUNT",
                direction: "HIGHER_IS_BETTER",
                unit: "nombre",
                isDemo: true,
              },
              {
                code: "O11-I2",
                label: "Part des enfants confiés accueillis en famille d'accueil",
                kind: "RATE",
                direction: "HIGHER_IS_BETTER",
                unit: "%",
                isDemo: true,
              },
            ],
          },
          {
            code: "O12",
            title: "Créer des places permettant d'accueillir les fratries sans les séparer",
            isMandatory: false,
            sourceUrl: SRC_FIRST_30,
            sourceQuote:
              "Il déclinera les quatre engagements de la stratégie à travers des objectifs précis - par exemple, « créer de nouvelles places d'accueil » spécifiques pour les fratries",
            sourceCheckedOn: READ,
            isDemo: false,
            indicators: [
              {
                code: "O12-I1",
                label: "Nombre de places créées pour l'accueil des fratries",
                kind: "COUNT",
                direction: "HIGHER_IS_BETTER",
                unit: "places",
                isDemo: true,
              },
              {
                code: "O12-I2",
                label: "Part des fratries confiées accueillies sur un même lieu",
                kind: "RATE",
                direction: "HIGHER_IS_BETTER",
                unit: "%",
                isDemo: true,
              },
            ],
          },
          {
            code: "O13",
            title: "Réduire la durée de séjour des tout-petits en pouponnière",
            isMandatory: false,
            isDemo: true,
            indicators: [
              {
                code: "O13-I1",
                label: "Durée moyenne de séjour en pouponnière",
                kind: "DELAY_DAYS",
                direction: "LOWER_IS_BETTER",
                unit: "jours",
                isDemo: true,
              },
            ],
          },
          {
            code: "O14",
            title: "Développer les alternatives au placement : AEMO renforcée et placement à domicile",
            isMandatory: false,
            isDemo: true,
            indicators: [
              {
                code: "O14-I1",
                label: "Nombre de places d'AEMO renforcée ou intensive",
                kind: "COUNT",
                direction: "HIGHER_IS_BETTER",
                unit: "places",
                isDemo: true,
              },
              {
                code: "O14-I2",
                label: "Nombre de places de placement à domicile",
                kind: "COUNT",
                direction: "HIGHER_IS_BETTER",
                unit: "places",
                isDemo: true,
              },
            ],
          },
          {
            code: "O15",
            title: "Renforcer le contrôle et l'évaluation des établissements et lieux d'accueil de l'ASE",
            isMandatory: false,
            isDemo: true,
            indicators: [
              {
                code: "O15-I1",
                label: "Plan départemental de contrôle des établissements adopté",
                kind: "MILESTONE",
                direction: "HIGHER_IS_BETTER",
                unit: "oui/non",
                isDemo: true,
              },
              {
                code: "O15-I2",
                label: "Nombre de contrôles d'établissements (MECS, LVA, pouponnières) réalisés",
                kind: "COUNT",
                direction: "HIGHER_IS_BETTER",
                unit: "nombre",
                isDemo: true,
              },
            ],
          },
        ],
      },
      {
        code: "E3",
        title: "Donner aux enfants les moyens d'agir et garantir leurs droits",
        sourceUrl: SRC_4,
        sourceQuote:
          "agir le plus précocement possible pour répondre aux besoins des enfants et de leurs familles, sécuriser les parcours des enfants protégés et éviter les ruptures, donner aux enfants les moyens d’agir pour garantir leurs droits, préparer leur avenir et leur vie d’adulte",
        sourceCheckedOn: READ,
        isDemo: false,
        objectives: [
          {
            code: "O16",
            title: "Associer systématiquement les jeunes accompagnés aux travaux de l'ODPE",
            isMandatory: true,
            isDemo: true,
            indicators: [
              {
                code: "O16-I1",
                label: "Participation d'enfants ou de jeunes protégés aux instances de l'ODPE",
                kind: "MILESTONE",
                direction: "HIGHER_IS_BETTER",
                unit: "oui/non",
                isDemo: true,
              },
              {
                code: "O16-I2",
                label: "Nombre de réunions de l'ODPE associant des jeunes dans l'année",
                kind: "COUNT",
                direction: "HIGHER_IS_BETTER",
                unit: "nombre",
                isDemo: true,
              },
            ],
          },
          {
            code: "O17",
            title: "Informer les enfants confiés de leurs droits et des voies de recours",
            isMandatory: false,
            isDemo: true,
            indicators: [
              {
                code: "O17-I1",
                label: "Livret d'accueil adapté aux enfants diffusé",
                kind: "MILESTONE",
                direction: "HIGHER_IS_BETTER",
                unit: "oui/non",
                isDemo: true,
              },
              {
                code: "O17-I2",
                label: "Part des enfants confiés ayant reçu une information sur leurs droits",
                kind: "RATE",
                direction: "HIGHER_IS_BETTER",
                unit: "%",
                isDemo: true,
              },
            ],
          },
          {
            code: "O18",
            title: "Développer le parrainage et le mentorat des enfants confiés",
            isMandatory: false,
            isDemo: true,
            indicators: [
              {
                code: "O18-I1",
                label: "Nombre de parrainages actifs au 31 décembre",
                kind: "COUNT",
                direction: "HIGHER_IS_BETTER",
                unit: "nombre",
                isDemo: true,
              },
            ],
          },
        ],
      },
      {
        code: "E4",
        title: "Préparer leur avenir et sécuriser leur vie d'adulte",
        sourceUrl: SRC_4,
        sourceQuote:
          "agir le plus précocement possible pour répondre aux besoins des enfants et de leurs familles, sécuriser les parcours des enfants protégés et éviter les ruptures, donner aux enfants les moyens d’agir pour garantir leurs droits, préparer leur avenir et leur vie d’adulte",
        sourceCheckedOn: READ,
        isDemo: false,
        objectives: [
          {
            code: "O19",
            title: "Prévenir les sorties sèches de l'ASE : accompagner les jeunes majeurs vers l'autonomie",
            isMandatory: true,
            isDemo: true,
            indicators: [
              {
                code: "O19-I1",
                label: "Part des jeunes sortant de l'ASE à 18 ans bénéficiant d'un accompagnement jeune majeur",
                kind: "RATE",
                direction: "HIGHER_IS_BETTER",
                unit: "%",
                isDemo: true,
              },
              {
                code: "O19-I2",
                label: "Part des jeunes ayant eu l'entretien de préparation à l'autonomie à 17 ans",
                kind: "RATE",
                direction: "HIGHER_IS_BETTER",
                unit: "%",
                isDemo: true,
              },
              {
                code: "O19-I3",
                label: "Nombre de jeunes majeurs accompagnés au 31 décembre",
                kind: "COUNT",
                direction: "NEUTRAL",
                unit: "nombre",
                isDemo: true,
              },
            ],
          },
          {
            code: "O20",
            title: "Faciliter l'accès au logement des jeunes sortant de l'ASE",
            isMandatory: false,
            isDemo: true,
            indicators: [
              {
                code: "O20-I1",
                label: "Nombre de places de logement dédiées aux jeunes sortant de l'ASE",
                kind: "COUNT",
                direction: "HIGHER_IS_BETTER",
                unit: "places",
                isDemo: true,
              },
            ],
          },
          {
            code: "O21",
            title: "Garantir l'accès aux droits des anciens mineurs non accompagnés (MNA) devenus majeurs",
            isMandatory: false,
            isDemo: true,
            indicators: [
              {
                code: "O21-I1",
                label: "Part des MNA de 17 ans dont la demande de titre de séjour est déposée avant 18 ans",
                kind: "RATE",
                direction: "HIGHER_IS_BETTER",
                unit: "%",
                isDemo: true,
              },
              {
                code: "O21-I2",
                label: "Nombre d'anciens MNA accompagnés en contrat jeune majeur",
                kind: "COUNT",
                direction: "HIGHER_IS_BETTER",
                unit: "nombre",
                isDemo: true,
              },
            ],
          },
          {
            code: "O22",
            title: "Soutenir la scolarité, la formation et l'insertion professionnelle des jeunes confiés",
            isMandatory: false,
            isDemo: true,
            indicators: [
              {
                code: "O22-I1",
                label: "Part des jeunes confiés de 16 à 18 ans scolarisés ou en formation",
                kind: "RATE",
                direction: "HIGHER_IS_BETTER",
                unit: "%",
                isDemo: true,
              },
              {
                code: "O22-I2",
                label: "Nombre de jeunes confiés orientés vers un dispositif d'insertion",
                kind: "COUNT",
                direction: "HIGHER_IS_BETTER",
                unit: "nombre",
                isDemo: true,
              },
            ],
          },
        ],
      },
      {
        code: "E5",
        title: "Gouvernance, pilotage et formation des professionnels",
        isCrossCutting: true,
        sourceUrl: SRC_11,
        sourceQuote:
          "renforcer la gouvernance et la formation.",
        sourceCheckedOn: READ,
        isDemo: false,
        objectives: [
          {
            code: "O23",
            title: "Former les professionnels de l'ASE",
            isMandatory: false,
            sourceUrl: SRC_4,
            sourceQuote:
              "Un engagement transverse concerne l’amélioration de la gouvernance et la formation des professionnels.",
            sourceCheckedOn: READ,
            isDemo: false,
            indicators: [
              {
                code: "O23-I1",
                label: "Nombre de professionnels de l'ASE formés dans l'année",
                kind: "COUNT",
                direction: "HIGHER_IS_BETTER",
                unit: "nombre",
                isDemo: true,
              },
              {
                code: "O23-I2",
                label: "Part des professionnels de l'ASE ayant suivi au moins une formation dans l'année",
                kind: "RATE",
                direction: "HIGHER_IS_BETTER",
                unit: "%",
                isDemo: true,
              },
            ],
          },
          {
            code: "O24",
            title: "Renforcer l'ODPE et la transmission des données à l'ONPE (dispositif OLINPE)",
            isMandatory: false,
            isDemo: true,
            indicators: [
              {
                code: "O24-I1",
                label: "Données OLINPE de l'année transmises à l'ONPE",
                kind: "MILESTONE",
                direction: "HIGHER_IS_BETTER",
                unit: "oui/non",
                isDemo: true,
              },
              {
                code: "O24-I2",
                label: "Rapport annuel de l'ODPE publié",
                kind: "MILESTONE",
                direction: "HIGHER_IS_BETTER",
                unit: "oui/non",
                isDemo: true,
              },
            ],
          },
          {
            code: "O25",
            title: "Installer un comité de pilotage tripartite du contrat (préfet, ARS, département)",
            isMandatory: false,
            isDemo: true,
            indicators: [
              {
                code: "O25-I1",
                label: "Nombre de réunions du comité de pilotage dans l'année",
                kind: "COUNT",
                direction: "HIGHER_IS_BETTER",
                unit: "nombre",
                isDemo: true,
              },
              {
                code: "O25-I2",
                label: "Rapport d'exécution adopté dans les délais",
                kind: "MILESTONE",
                direction: "HIGHER_IS_BETTER",
                unit: "oui/non",
                isDemo: true,
              },
            ],
          },
          {
            code: "O26",
            title: "Coordonner protection de l'enfance et pédopsychiatrie avec l'ARS",
            isMandatory: false,
            isDemo: true,
            indicators: [
              {
                code: "O26-I1",
                label: "Nombre de places d'équipe mobile pédopsychiatrie / protection de l'enfance",
                kind: "COUNT",
                direction: "HIGHER_IS_BETTER",
                unit: "places",
                isDemo: true,
              },
              {
                code: "O26-I2",
                label: "Crédits ARS mobilisés pour la santé mentale des enfants confiés",
                kind: "AMOUNT",
                direction: "HIGHER_IS_BETTER",
                unit: "€",
                isDemo: true,
              },
            ],
          },
        ],
      },
    ],
  },

  // ───────────────────────── 2025-2027 ─────────────────────────
  {
    code: "2025-2027",
    name: "Contractualisation prévention et protection de l'enfance 2025-2027",
    startYear: 2025,
    endYear: 2027,
    description:
      "Nouvelle phase de la contractualisation tripartite, structurée autour de deux engagements " +
      "(prévention ; qualité des prises en charge) et de 14 objectifs dont 7 obligatoires, " +
      "avec la priorité donnée à l'accueil à dimension familiale.",
    sourceUrl: SRC_25,
    sourceQuote:
      "Le cadre de la contractualisation en protection de l’enfance est détaillé pour la période 2025-2027.",
    sourceCheckedOn: READ,
    isDemo: false,
    commitments: [
      {
        code: "E1",
        title: "Renforcer la prévention, en ciblant davantage les familles les plus vulnérables",
        sourceUrl: SRC_25,
        sourceQuote:
          "elle doit permettre de mieux structurer les objectifs prioritaires autour de deux engagements : la prévention, en ciblant notamment davantage les plus vulnérables, et la qualité des prises en charge",
        sourceCheckedOn: READ,
        isDemo: false,
        objectives: [
          {
            code: "O1",
            title: "Renforcer les interventions précoces d'aide à domicile (TISF, AED)",
            isMandatory: true,
            sourceUrl: SRC_25,
            sourceQuote:
              "le renforcement des interventions précoces d’aide à domicile et l’augmentation des modes d’accueil à dimension familiale figurent parmi les sept objectifs obligatoires pour les départements",
            sourceCheckedOn: READ,
            isDemo: false,
            indicators: [
              {
                code: "O1-I1",
                label: "Nombre de familles bénéficiant d'une intervention de TISF au titre de la prévention",
                kind: "COUNT",
                direction: "HIGHER_IS_BETTER",
                unit: "nombre",
                isDemo: true,
              },
              {
                code: "O1-I2",
                label: "Délai moyen de mise en œuvre d'une AED après la décision",
                kind: "DELAY_DAYS",
                direction: "LOWER_IS_BETTER",
                unit: "jours",
                isDemo: true,
              },
            ],
          },
          {
            code: "O2",
            title: "Développer les visites à domicile pré et postnatales de la PMI auprès des familles vulnérables",
            isMandatory: true,
            isDemo: true,
            indicators: [
              {
                code: "O2-I1",
                label: "Nombre de VAD pré et postnatales réalisées par la PMI dans l'année",
                kind: "COUNT",
                direction: "HIGHER_IS_BETTER",
                unit: "nombre",
                isDemo: true,
              },
            ],
          },
          {
            code: "O3",
            title: "Généraliser les bilans de santé en école maternelle (BSEM)",
            isMandatory: true,
            isDemo: true,
            indicators: [
              {
                code: "O3-I1",
                label: "Taux d'enfants de 3-4 ans ayant bénéficié d'un BSEM",
                kind: "RATE",
                direction: "HIGHER_IS_BETTER",
                unit: "%",
                isDemo: true,
              },
            ],
          },
          {
            code: "O4",
            title: "Réduire le délai d'évaluation des informations préoccupantes par la CRIP",
            isMandatory: false,
            isDemo: true,
            indicators: [
              {
                code: "O4-I1",
                label: "Délai moyen d'évaluation d'une information préoccupante",
                kind: "DELAY_DAYS",
                direction: "LOWER_IS_BETTER",
                unit: "jours",
                isDemo: true,
              },
            ],
          },
          {
            code: "O5",
            title: "Soutenir la prévention spécialisée auprès des adolescents et jeunes adultes",
            isMandatory: false,
            isDemo: true,
            indicators: [
              {
                code: "O5-I1",
                label: "Nombre d'éducateurs de prévention spécialisée (ETP) financés",
                kind: "COUNT",
                direction: "HIGHER_IS_BETTER",
                unit: "nombre",
                isDemo: true,
              },
            ],
          },
          {
            code: "O6",
            title: "Développer le soutien à la parentalité pendant les 1 000 premiers jours",
            isMandatory: false,
            isDemo: true,
            indicators: [
              {
                code: "O6-I1",
                label: "Part des femmes enceintes ayant bénéficié d'un EPP",
                kind: "RATE",
                direction: "HIGHER_IS_BETTER",
                unit: "%",
                isDemo: true,
              },
              {
                code: "O6-I2",
                label: "Nombre de lieux d'accueil parents-enfants soutenus",
                kind: "COUNT",
                direction: "HIGHER_IS_BETTER",
                unit: "nombre",
                isDemo: true,
              },
            ],
          },
          {
            code: "O7",
            title: "Développer les AEMO renforcées et intensives pour éviter des placements",
            isMandatory: false,
            isDemo: true,
            indicators: [
              {
                code: "O7-I1",
                label: "Nombre de places d'AEMO renforcée ou intensive",
                kind: "COUNT",
                direction: "HIGHER_IS_BETTER",
                unit: "places",
                isDemo: true,
              },
            ],
          },
        ],
      },
      {
        code: "E2",
        title: "Améliorer la qualité des prises en charge et des accueils, en privilégiant l'accueil à dimension familiale",
        sourceUrl: SRC_26,
        sourceQuote:
          "Elle intègre des évolutions visant « à mieux structurer les objectifs prioritaires autour de deux engagements » : la prévention et la qualité des prises en charge en protection de l’enfance.",
        sourceCheckedOn: READ,
        isDemo: false,
        objectives: [
          {
            code: "O8",
            title: "Augmenter les modes d'accueil à dimension familiale (assistants familiaux, tiers digne de confiance)",
            isMandatory: true,
            sourceUrl: SRC_25,
            sourceQuote:
              "le renforcement des interventions précoces d’aide à domicile et l’augmentation des modes d’accueil à dimension familiale figurent parmi les sept objectifs obligatoires pour les départements",
            sourceCheckedOn: READ,
            isDemo: false,
            indicators: [
              {
                code: "O8-I1",
                label: "Part des enfants confiés accueillis dans un mode d'accueil à dimension familiale",
                kind: "RATE",
                direction: "HIGHER_IS_BETTER",
                unit: "%",
                isDemo: true,
              },
              {
                code: "O8-I2",
                label: "Nombre d'assistants familiaux recrutés dans l'année",
                kind: "COUNT",
                direction: "HIGHER_IS_BETTER",
                unit: "nombre",
                isDemo: true,
              },
              {
                code: "O8-I3",
                label: "Nombre d'enfants confiés à un tiers digne de confiance au 31 décembre",
                kind: "COUNT",
                direction: "HIGHER_IS_BETTER",
                unit: "nombre",
                isDemo: true,
              },
            ],
          },
          {
            code: "O9",
            title: "Réduire l'accueil en établissement collectif des enfants de moins de 6 ans",
            isMandatory: true,
            isDemo: true,
            indicators: [
              {
                code: "O9-I1",
                label: "Part des enfants confiés de moins de 6 ans accueillis en établissement collectif",
                kind: "RATE",
                direction: "LOWER_IS_BETTER",
                unit: "%",
                isDemo: true,
              },
            ],
          },
          {
            code: "O10",
            title: "Garantir un bilan de santé à l'entrée et le suivi de santé de chaque enfant confié",
            isMandatory: true,
            isDemo: true,
            indicators: [
              {
                code: "O10-I1",
                label: "Part des enfants confiés ayant eu un bilan de santé à leur entrée à l'ASE",
                kind: "RATE",
                direction: "HIGHER_IS_BETTER",
                unit: "%",
                isDemo: true,
              },
              {
                code: "O10-I2",
                label: "Délai moyen entre l'admission et le bilan de santé d'entrée",
                kind: "DELAY_DAYS",
                direction: "LOWER_IS_BETTER",
                unit: "jours",
                isDemo: true,
              },
            ],
          },
          {
            code: "O11",
            title: "Mettre fin à l'hébergement des enfants confiés à l'hôtel",
            isMandatory: true,
            isDemo: true,
            indicators: [
              {
                code: "O11-I1",
                label: "Nombre d'enfants confiés hébergés à l'hôtel au 31 décembre",
                kind: "COUNT",
                direction: "LOWER_IS_BETTER",
                unit: "nombre",
                isDemo: true,
              },
            ],
          },
          {
            code: "O12",
            title: "Favoriser la scolarité des enfants protégés",
            isMandatory: false,
            sourceUrl: SRC_25,
            sourceQuote:
              "la qualité des prises en charge, en soutenant l’accueil dans un environnement familial et en favorisant la scolarité des enfants protégés",
            sourceCheckedOn: READ,
            isDemo: false,
            indicators: [
              {
                code: "O12-I1",
                label: "Part des enfants confiés de 6 à 16 ans scolarisés à temps plein",
                kind: "RATE",
                direction: "HIGHER_IS_BETTER",
                unit: "%",
                isDemo: true,
              },
              {
                code: "O12-I2",
                label: "Convention ASE-Éducation nationale sur la scolarité des enfants protégés signée",
                kind: "MILESTONE",
                direction: "HIGHER_IS_BETTER",
                unit: "oui/non",
                isDemo: true,
              },
            ],
          },
          {
            code: "O13",
            title: "Accompagner les enfants protégés en situation de handicap (coordination ASE-MDPH)",
            isMandatory: false,
            isDemo: true,
            indicators: [
              {
                code: "O13-I1",
                label: "Nombre de places d'accueil ASE / médico-social créées",
                kind: "COUNT",
                direction: "HIGHER_IS_BETTER",
                unit: "places",
                isDemo: true,
              },
            ],
          },
          {
            code: "O14",
            title: "Renforcer le contrôle de la qualité des établissements et lieux d'accueil",
            isMandatory: false,
            isDemo: true,
            indicators: [
              {
                code: "O14-I1",
                label: "Nombre de contrôles d'établissements et lieux d'accueil réalisés",
                kind: "COUNT",
                direction: "HIGHER_IS_BETTER",
                unit: "nombre",
                isDemo: true,
              },
              {
                code: "O14-I2",
                label: "Part des établissements ayant fait l'objet d'une évaluation de la qualité",
                kind: "RATE",
                direction: "HIGHER_IS_BETTER",
                unit: "%",
                isDemo: true,
              },
            ],
          },
        ],
      },
    ],
  },
];

export const frameworkCodes = frameworks.map((f) => f.code);
