import Link from "next/link";

export function UserMenu({ displayName, signOut }: { displayName: string | null; signOut: () => Promise<void> }) {
  if (!displayName) {
    return (
      <Link href="/connexion" className="text-marianne underline-offset-4 hover:underline">
        Se connecter
      </Link>
    );
  }
  return (
    <span className="flex flex-wrap items-center gap-3">
      <Link href="/espace" className="text-marianne underline-offset-4 hover:underline">
        Mon espace
      </Link>
      <Link href="/espace/compte" className="text-slate-800 underline-offset-4 hover:underline">
        {displayName}
      </Link>
      <form action={signOut}>
        <button type="submit" className="rounded border border-slate-400 px-2 py-1 hover:bg-slate-100">
          Se déconnecter
        </button>
      </form>
    </span>
  );
}
