"use client";

import { useActionState } from "react";
import { FormMessage, SubmitButton, TextArea } from "@/components/forms/field";
import type { CommentView } from "@/lib/comments/schemas";
import { IDLE, type FormState } from "@/lib/forms";

const when = new Intl.DateTimeFormat("fr-FR", { dateStyle: "long", timeStyle: "short", timeZone: "Europe/Paris" });

export function Comments({ comments, contractId, canComment, action }: { comments: CommentView[]; contractId: string; canComment: boolean; action: (p: FormState, d: FormData) => Promise<FormState> }) {
  const [state, formAction, pending] = useActionState(action, IDLE);
  return (
    <div className="space-y-4">
      {comments.length === 0 ? <p className="text-slate-700">Aucun commentaire.</p> : null}
      <ol className="space-y-2">
        {comments.map((c) => (
          <li key={c.id} className="rounded border border-slate-200 bg-white p-3 text-sm">
            <p className="text-slate-700">
              {c.author} — <time dateTime={c.at}>{when.format(new Date(c.at))}</time>
            </p>
            <p className="mt-1 whitespace-pre-line">{c.body}</p>
          </li>
        ))}
      </ol>
      {canComment ? (
        <form action={formAction} className="space-y-3 rounded border border-slate-200 bg-white p-4" key={state.stamp}>
          <FormMessage status={state.status} message={state.message} />
          <input type="hidden" name="contractId" value={contractId} />
          <TextArea name="body" label="Nouveau commentaire (interne, jamais publié)" hint="Aucune information sur un enfant ou une famille." defaultValue={state.status === "error" ? state.values?.body : ""} errors={state.fieldErrors} />
          <SubmitButton pending={pending}>Publier le commentaire</SubmitButton>
        </form>
      ) : null}
    </div>
  );
}
