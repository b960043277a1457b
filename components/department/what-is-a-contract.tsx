/** What a contract is, in plain French, for a visitor who lands on a page. */
export function WhatIsAContract({ open = false }: { open?: boolean }) {
  return (
    <details className="rounded-lg border border-slate-200 bg-white p-4" open={open}>
      <summary className="cursor-pointer font-semibold text-marianne">Qu&apos;est-ce qu&apos;un contrat de prévention et de protection de l&apos;enfance ?</summary>
      <div className="mt-3 max-w-3xl space-y-2 text-slate-800">
        <p>
          C&apos;est un engagement signé par trois acteurs publics : l&apos;État (le préfet), l&apos;agence régionale de santé (ARS) et le
          département, qui est chargé de l&apos;aide sociale à l&apos;enfance et de la protection maternelle et infantile.
        </p>
        <p>
          Le contrat reprend les objectifs de la stratégie nationale de prévention et de protection de l&apos;enfance : agir tôt auprès
          des familles, sécuriser le parcours des enfants protégés, garantir leurs droits, préparer leur vie d&apos;adulte. Il les
          décline en « fiches action » (ce que le département fait, avec qui, quand), en indicateurs suivis chaque année et en
          financements partagés entre l&apos;État, l&apos;ARS et le département.
        </p>
        <p>
          Chaque année, un avenant fixe les montants, et un rapport d&apos;exécution rend compte de ce qui a été fait. Ce site ne
          contient que des chiffres d&apos;ensemble : jamais d&apos;information sur un enfant ou une famille.
        </p>
      </div>
    </details>
  );
}
