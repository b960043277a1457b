
export default function NotFound() {
  return (
    <div className="max-w-2xl">
      <h1 className="text-3xl font-bold">Page introuvable</h1>
      <p className="mt-4">La page demandée n&apos;existe pas, ou le département indiqué n&apos;est pas reconnu.</p>
      <p className="mt-2">Les départements sont désignés par leur code INSEE : 01, 2A, 77, 971…</p>
      <p className="mt-6">
        <a href="/" className="text-marianne underline">
          Retour à la liste des départements sous contrat
        </a>
      </p>
    </div>
  );
}
