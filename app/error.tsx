"use client";

export default function ErrorPage({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <div className="max-w-2xl" role="alert">
      <h1 className="text-3xl font-bold">Une erreur est survenue</h1>
      <p className="mt-4">La page n&apos;a pas pu être affichée. Réessayez dans un instant ; si le problème persiste, contactez l&apos;administrateur.</p>
      <button type="button" onClick={reset} className="mt-6 rounded bg-marianne px-4 py-2 text-white hover:bg-blue-900">
        Réessayer
      </button>
    </div>
  );
}
